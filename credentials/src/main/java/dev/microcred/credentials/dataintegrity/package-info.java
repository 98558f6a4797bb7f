/**
 * W3C Verifiable Credential Data Integrity 1.0 with the EdDSA cryptosuites v1.0 (W3C Recommendations, May 2025):
 * {@code eddsa-rdfc-2022} and {@code eddsa-jcs-2022} proofs are created and verified, single proofs, proof sets
 * and proof chains ({@code previousProof}); legacy {@code Ed25519Signature2020} proofs, and {@code Ed25519Signature2018}
 * proofs (a detached EdDSA JWS, RFC 7797, over the same hashData), are verified, never created.
 * Entry point: {@link dev.microcred.credentials.dataintegrity.DataIntegrity}.
 *
 * @see <a href="https://www.w3.org/TR/vc-data-integrity/">Verifiable Credential Data Integrity 1.0</a>
 * @see <a href="https://www.w3.org/TR/vc-di-eddsa/">Data Integrity EdDSA Cryptosuites v1.0</a>
 */
package dev.microcred.credentials.dataintegrity;
