package dev.microcred.crypto;

/**
 * Something that signs with one private key and names its JOSE algorithm (RFC 7518 §3.1, RFC 8037 §3.1).
 * Implementations are immutable and thread-safe; they never reveal the private key through
 * {@code toString()}.
 */
public interface Signer {
    /** The JWS {@code alg} value: {@code EdDSA}, {@code ES256} or {@code RS256}. */
    String jwsAlgorithm();

    /**
     * The signature of {@code message} in the raw form {@link PublicKey#verify} takes: 64 bytes for Ed25519,
     * the 64-byte {@code r || s} for P-256 (RFC 7518 §3.4), the PKCS#1 v1.5 block for RSA.
     */
    byte[] sign(byte[] message);

    /** The public key that verifies this signer's signatures. */
    PublicKey publicKey();
}
