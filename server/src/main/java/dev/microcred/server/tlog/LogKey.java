package dev.microcred.server.tlog;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.server.issuing.KeyRing;
import dev.microcred.store.Database;
import dev.microcred.store.TransparencyLogStore;
import dev.microcred.tlog.note.Ed25519NoteSigner;
import dev.microcred.tlog.note.Ed25519NoteVerifier;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance's log key: an Ed25519 note key whose name is the log's origin, generated on first start and stored
 * sealed under the key-encryption key (like issuer keys). The origin is derived from the base URL on first start
 * ({@code <host>[:<port>][<path>]/tlog}, a schema-less URL as tlog-checkpoint recommends) and kept from then on: a
 * log's identity does not change when the server is reached under another URL. Immutable; {@link #toString()}
 * shows the public key only.
 */
public final class LogKey {
    private static final Logger LOG = LoggerFactory.getLogger(LogKey.class);

    private final Ed25519NoteSigner signer;

    private LogKey(Ed25519NoteSigner signer) {
        this.signer = signer;
    }

    /** The stored log key, or a new one stored now (another node storing one first wins; its key is used). */
    public static LogKey open(Database db, TransparencyLogStore store, KeyRing keys, String baseUrl, Clock clock) {
        Optional<TransparencyLogStore.LogKeyRow> row = db.read(store::key);
        if (row.isEmpty()) {
            String origin = origin(baseUrl);
            Ed25519PrivateKey key = Ed25519PrivateKey.generate();
            try {
                db.inTransaction(c -> {
                    store.insertKey(c, origin, keys.seal(key), clock.instant());
                    return null;
                });
                LOG.info("transparency log key created origin={}", origin);
            } catch (MicrocredException e) {
                if (e.problem() != Problem.CONFLICT) {
                    throw e;
                }
            }
            row = db.read(store::key);
        }
        TransparencyLogStore.LogKeyRow stored = row.orElseThrow();
        return new LogKey(Ed25519NoteSigner.of(stored.origin(), keys.open(stored.keyFile())));
    }

    /** {@code https://credentials.example/base} → {@code credentials.example/base/tlog}. */
    static String origin(String baseUrl) {
        URI u = URI.create(Objects.requireNonNull(baseUrl, "baseUrl"));
        String path = u.getPath() == null ? "" : u.getPath().replaceAll("/+$", "");
        return u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort()) + path + "/tlog";
    }

    /** The log's origin: the key name and the first line of every checkpoint. */
    public String origin() {
        return signer.name();
    }

    public Ed25519NoteSigner signer() {
        return signer;
    }

    public Ed25519NoteVerifier verifier() {
        return signer.verifier();
    }

    /** The verifier key text, {@code <origin>+<key id>+<base64>}. */
    public String vkey() {
        return verifier().verifierKey().format();
    }

    @Override
    public String toString() {
        return "LogKey[" + vkey() + "]";
    }
}
