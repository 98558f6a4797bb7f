/**
 * Blockcerts certificates, verified offline: the MerkleProof2019 receipt (Blockcerts v3, {@code proof} of type
 * {@code MerkleProof2019} or {@code DataIntegrityProof} with cryptosuite {@code merkle-proof-2019}) and the
 * MerkleProof2017 receipt (Blockcerts v2, {@code signature} block) are decoded, the certificate's local hash
 * (SHA-256 of its RDFC-1.0 N-Quads without the proof) is compared with {@code targetHash}, and the Chainpoint
 * Merkle path with {@code merkleRoot}. Blockchains are never queried: anchors are reported, not checked.
 * Entry point: {@link dev.microcred.credentials.blockcerts.BlockcertsVerifier}.
 *
 * @see <a href="https://w3c-ccg.github.io/lds-merkleproof2019/">Merkle Proof Signature Suite 2019 (W3C CCG)</a>
 * @see <a href="https://github.com/blockchain-certificates/cert-verifier-js">cert-verifier-js, the reference
 *      verifier</a>
 */
package dev.microcred.credentials.blockcerts;
