package dev.microcred.server.issuing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.jose.VcJwt;
import dev.microcred.credentials.json.Json;
import dev.microcred.server.tlog.TlogCheck;
import dev.microcred.server.tlog.TransparencyLog;
import dev.microcred.store.CredentialJwts;
import dev.microcred.store.Database;
import dev.microcred.store.Issuer;
import dev.microcred.store.IssuerKey;
import dev.microcred.store.Store;
import dev.microcred.store.StoredCredential;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Open Badges 3.0 VC-JWT form of a stored credential (OB 3.0 §8.2): the same credential (id, subject,
 * achievement, status entries, validity) without its Data Integrity {@code proof}, signed as a compact JWS with the
 * issuer's active key, {@code kid} = that key's verification method (a DID URL, so verifiers resolve it through
 * {@code did:web} or {@code did:key}), {@code typ} {@code JWT}, and the claims {@code iss}, {@code jti}, {@code sub},
 * {@code nbf}, {@code exp} that {@link VcJwt} derives from the credential.
 *
 * <p>Made on the first request and stored with the transparency-log {@code issuance} entry of its bytes in one
 * transaction (the entry names the issuer, the signing key and the SHA-256 of the JWS; docs/TLOG.md), filed under a
 * reference of its own so that the sequencer stores its receipt as for any credential; every later
 * request answers the stored bytes. Two first requests at once store one JWT: the loser's transaction rolls back
 * (its log entry with it) and it answers the winner's. Thread-safe.
 */
public final class JwtForms {
    private static final Logger LOG = LoggerFactory.getLogger(JwtForms.class);

    private final Database db;
    private final Store store;
    private final CredentialJwts jwts = new CredentialJwts();
    private final IssuerRegistry issuers;
    private final KeyRing keys;
    private final TransparencyLog log;
    private final Clock clock;

    JwtForms(Database db, Store store, IssuerRegistry issuers, KeyRing keys, TransparencyLog log, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The stored JWT of {@code credentialId}, if it was made. */
    public Optional<String> stored(String credentialId) {
        return db.read(c -> jwts.byCredential(c, credentialId));
    }

    /**
     * The VC-JWT of credential {@code credentialId} as a form the {@code tlog} check knows, when {@code text} is that
     * JWT (surrounding white space aside), with its transparency-log receipt once a published checkpoint covers it.
     */
    public Optional<TlogCheck.Form> form(String credentialId, String text) {
        Optional<CredentialJwts.Stored> stored = db.read(c -> jwts.withLogRef(c, credentialId));
        if (stored.isEmpty() || !stored.get().jwt().equals(text.strip())) {
            return Optional.empty();
        }
        return Optional.of(new TlogCheck.Form(log.receipt(stored.get().logRef()).orElse(null)));
    }

    /**
     * The VC-JWT of {@code k}: the stored one, else a new one, signed, stored and logged now.
     *
     * @throws MicrocredException {@code KEY_NOT_FOUND} when the issuer has no active key
     */
    public String of(StoredCredential k) {
        Optional<String> stored = stored(k.id());
        if (stored.isPresent()) {
            return stored.get();
        }
        Issuer issuer = db.read(c -> store.issuers().byId(c, k.issuerId()))
                .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no issuer of credential " + k.id()));
        IssuerKey key = issuers.activeKey(issuer);
        ObjectNode credential = Json.parseObject(k.document());
        credential.remove("proof");
        String jwt = VcJwt.issue(credential, keys.signer(key), key.verificationMethod());
        try {
            db.inTransaction(c -> {
                String logRef = UUID.randomUUID().toString();
                jwts.insert(c, k.id(), logRef, jwt, key.id(), clock.instant());
                // the issuance entry's credential hash is of the signed text as served: here the compact JWS; filed
                // under the JWT's own reference so that the sequencer stores a receipt for it too
                log.append(c, TransparencyLog.issuance(issuer.did(), key.verificationMethod(), jwt, k.validFrom()),
                        logRef);
                return null;
            });
        } catch (MicrocredException e) {
            if (e.problem() == Problem.CONFLICT) {
                return stored(k.id()).orElseThrow(() -> e);
            }
            throw e;
        }
        log.committed();
        LOG.info("credential secured as VC-JWT credential={} issuer={} key={}", k.id(), issuer.id(), key.id());
        return jwt;
    }
}
