package dev.microcred.server.issuing;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.crypto.KeyFile;
import dev.microcred.crypto.Signer;
import dev.microcred.store.IssuerKey;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens issuer key files with the key-encryption key and keeps the opened keys in memory (never in logs, never
 * written anywhere). Thread-safe.
 */
public final class KeyRing {
    private final KeyEncryptionKey kek;
    private final ConcurrentHashMap<String, Ed25519PrivateKey> open = new ConcurrentHashMap<>();

    public KeyRing(KeyEncryptionKey kek) {
        this.kek = Objects.requireNonNull(kek, "kek");
    }

    /** Seals a new key for storage. */
    public String seal(Signer key) {
        return KeyFile.seal(key, kek).text();
    }

    /** The Ed25519 key of a stored issuer key, opened once. */
    public Ed25519PrivateKey signer(IssuerKey key) {
        return open.computeIfAbsent(key.id(), id -> {
            Signer s = KeyFile.parse(key.keyFile()).open(kek);
            if (!(s instanceof Ed25519PrivateKey ed)) {
                throw new MicrocredException(Problem.UNSUPPORTED,
                        "issuer key " + key.id() + " is not Ed25519; only Ed25519 keys sign Data Integrity proofs");
            }
            return ed;
        });
    }

    /** Opens a sealed Ed25519 key that is not an issuer key (the transparency log's key, a demo witness key). */
    public Ed25519PrivateKey open(String keyFile) {
        Signer s = KeyFile.parse(keyFile).open(kek);
        if (!(s instanceof Ed25519PrivateKey ed)) {
            throw new MicrocredException(Problem.UNSUPPORTED, "the sealed key is not Ed25519");
        }
        return ed;
    }

    @Override
    public String toString() {
        return "KeyRing[" + open.size() + " open]";
    }
}
