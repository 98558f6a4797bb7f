/**
 * RFC 9162 §2.1 Merkle tree hashing for the transparency log: {@link dev.microcred.tlog.merkle.Hash} values,
 * leaf and node hashes ({@link dev.microcred.tlog.merkle.TreeHash}), the compact range that appends entries
 * with O(1) amortised hashing ({@link dev.microcred.tlog.merkle.CompactRange}), and inclusion and consistency
 * proofs generated from stored hashes ({@link dev.microcred.tlog.merkle.HashReader}) and verified exactly as
 * RFC 9162 §2.1.3.2 and §2.1.4.2 say.
 *
 * <p>Stored hashes are addressed by (level, index): level 0 holds the leaf hashes, and the hash at level
 * {@code l}, index {@code i} is {@code MTH(D[i·2^l : (i+1)·2^l])}, the hash of a complete subtree. Only complete
 * subtrees are ever stored; hashes along the right edge of a tree whose size is not a power of two are computed
 * from them. This is the addressing of C2SP tlog-tiles (a tile at tile level {@code L} holds tree level
 * {@code 8L}), so a database, a tile cache or memory can back a {@code HashReader}.
 *
 * <p>See <a href="https://www.rfc-editor.org/rfc/rfc9162#section-2.1">RFC 9162 §2.1</a>.
 */
package dev.microcred.tlog.merkle;
