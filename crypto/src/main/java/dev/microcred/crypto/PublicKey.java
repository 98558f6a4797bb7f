package dev.microcred.crypto;

/**
 * A public key that verifies signatures. Implementations are immutable, thread-safe and compare by value.
 */
public interface PublicKey {
    KeyType type();

    /**
     * The raw key bytes in the form multicodec uses: 32 bytes for Ed25519, the 33-byte compressed point for
     * P-256, the DER SubjectPublicKeyInfo for RSA.
     */
    byte[] bytes();

    /**
     * Checks a signature in its raw form: 64 bytes for Ed25519, the 64-byte {@code r || s} for P-256
     * (as JWS uses it), PKCS#1 v1.5 with SHA-256 for RSA. Returns false for a wrong-length signature.
     */
    boolean verify(byte[] message, byte[] signature);
}
