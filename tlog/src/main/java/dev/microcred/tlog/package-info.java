/**
 * The microcred transparency log: an append-only RFC 9162 Merkle tree of {@link dev.microcred.tlog.entry log
 * entries}, published as C2SP tiles and signed-note checkpoints, cosigned by witnesses, and proven to holders by
 * offline-verifiable receipts.
 *
 * <ul>
 *   <li>{@link dev.microcred.tlog.merkle} — tree hashing, compact ranges, inclusion and consistency proofs
 *       (RFC 9162 §2.1).</li>
 *   <li>{@link dev.microcred.tlog.note} — C2SP signed-note: notes, Ed25519 signer and verifier keys.</li>
 *   <li>{@link dev.microcred.tlog.checkpoint} — C2SP tlog-checkpoint and the signer that never signs two
 *       inconsistent checkpoints.</li>
 *   <li>{@link dev.microcred.tlog.tiles} — C2SP tlog-tiles: tile coordinates and paths, entry bundles, proofs
 *       computed from tiles.</li>
 *   <li>{@link dev.microcred.tlog.witness} — C2SP tlog-cosignature (Ed25519, v1) and the decision logic of a
 *       tlog-witness.</li>
 *   <li>{@link dev.microcred.tlog.policy} — C2SP tlog-policy: known logs, witnesses and the quorum.</li>
 *   <li>{@link dev.microcred.tlog.proof} — C2SP tlog-proof receipts, verified offline under a policy.</li>
 *   <li>{@link dev.microcred.tlog.entry} — the microcred entry format (issuance, status lists, key events,
 *       anchors).</li>
 * </ul>
 *
 * <p>The module does no I/O: tiles, stored hashes and witness state come through small interfaces the caller
 * implements. Text formats are documented in {@code docs/TLOG.md}.
 */
package dev.microcred.tlog;
