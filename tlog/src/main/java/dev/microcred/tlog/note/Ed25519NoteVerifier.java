package dev.microcred.tlog.note;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.crypto.Ed25519PublicKey;
import java.util.Objects;

/**
 * Verifies Ed25519 note signatures (signature type 0x01): RFC 8032 over the note text. Immutable and
 * thread-safe.
 */
public final class Ed25519NoteVerifier implements NoteVerifier {
    private final VerifierKey key;
    private final Ed25519PublicKey publicKey;

    private Ed25519NoteVerifier(VerifierKey key) {
        this.key = key;
        this.publicKey = Ed25519PublicKey.of(key.publicKey().toArray());
    }

    public static Ed25519NoteVerifier of(String name, Ed25519PublicKey publicKey) {
        return new Ed25519NoteVerifier(VerifierKey.of(name, VerifierKey.ED25519, publicKey.bytes()));
    }

    /** The verifier of a parsed vkey, which must be of type 0x01. */
    public static Ed25519NoteVerifier of(VerifierKey key) {
        Objects.requireNonNull(key, "key");
        if (key.type() != VerifierKey.ED25519) {
            throw new MicrocredException(Problem.INVALID_KEY,
                    "key " + key.name() + " is of signature type " + key.type() + ", not Ed25519 (1)");
        }
        return new Ed25519NoteVerifier(key);
    }

    /** Parses a vkey {@code <name>+<hex8>+<base64(0x01 || key)>}. */
    public static Ed25519NoteVerifier parse(String vkey) {
        return of(VerifierKey.parse(vkey));
    }

    @Override
    public String name() {
        return key.name();
    }

    @Override
    public int keyId() {
        return key.keyId();
    }

    @Override
    public boolean verify(byte[] text, byte[] signature) {
        return publicKey.verify(text, signature);
    }

    @Override
    public VerifierKey verifierKey() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519NoteVerifier other && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key.format();
    }
}
