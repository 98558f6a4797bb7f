/**
 * Keys and signatures for microcred: Ed25519 through BouncyCastle's RFC 8032 implementation, P-256 and RSA
 * for JOSE, multibase and multicodec encodings, W3C Multikey, {@code did:key}, JWK, and key files encrypted
 * at rest. No I/O beyond what a caller hands in.
 */
package dev.microcred.crypto;
