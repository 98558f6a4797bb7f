package dev.microcred.crypto;

/** The key types microcred signs or verifies with. */
public enum KeyType {
    /** Ed25519 (RFC 8032); multicodec {@code ed25519-pub} 0xed. */
    ED25519,
    /** NIST P-256 / secp256r1; multicodec {@code p256-pub} 0x1200 (compressed point). */
    P256,
    /** RSA (RS256 JWS: RSASSA-PKCS1-v1_5 with SHA-256), modulus 2048 bits or more; no Multikey form. */
    RSA
}
