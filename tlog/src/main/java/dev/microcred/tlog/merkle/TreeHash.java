package dev.microcred.tlog.merkle;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.core.Sha256;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle Tree Hash of RFC 9162 §2.1.1 with SHA-256: leaf hashes, node hashes and roots. Stateless and
 * thread-safe (each thread hashes with its own {@link MessageDigest}).
 */
public final class TreeHash {
    /** RFC 9162 §2.1.1: the hash of an empty list is the hash of an empty string, MTH({}) = SHA-256(). */
    public static final Hash EMPTY = Hash.wrap(Sha256.digest(new byte[0]));
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    private TreeHash() {
    }

    /** RFC 9162 §2.1.1: MTH({d(0)}) = SHA-256(0x00 || d(0)). */
    public static Hash leaf(byte[] entry) {
        MessageDigest digest = DIGEST.get();
        digest.update((byte) 0x00);
        digest.update(entry);
        return Hash.wrap(digest.digest());
    }

    /** RFC 9162 §2.1.1: MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])). */
    public static Hash node(Hash left, Hash right) {
        MessageDigest digest = DIGEST.get();
        digest.update((byte) 0x01);
        digest.update(left.raw());
        digest.update(right.raw());
        return Hash.wrap(digest.digest());
    }

    /**
     * The root of the tree whose leaf hashes are given, by the recursive definition of RFC 9162 §2.1.1: the
     * reference the incremental code is tested against, and the root of small trees held in memory.
     */
    public static Hash root(List<Hash> leafHashes) {
        if (leafHashes.isEmpty()) {
            return EMPTY;
        }
        return mth(leafHashes, 0, leafHashes.size());
    }

    private static Hash mth(List<Hash> leaves, int start, int end) {
        int n = end - start;
        if (n == 1) {
            return leaves.get(start);
        }
        // RFC 9162 §2.1.1: k is the largest power of two smaller than n
        int k = Integer.highestOneBit(n - 1);
        return node(mth(leaves, start, start + k), mth(leaves, start + k, end));
    }

    /** The root of the tree of {@code size} leaves whose complete subtrees {@code reader} holds. */
    public static Hash root(HashReader reader, long size) {
        if (size < 0) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "negative tree size " + size);
        }
        return size == 0 ? EMPTY : subtree(reader, 0, size);
    }

    /**
     * {@code MTH(D[start:end])} for a range that is a subtree of some tree in the sense of RFC 9162 §2.1.1:
     * {@code start} is a multiple of a power of two at least {@code end - start}. The range splits into complete
     * subtrees (the binary digits of its width, largest first), read from {@code reader} and folded from the
     * right, which is exactly the recursion of §2.1.1 with k the largest power of two below the width.
     */
    public static Hash subtree(HashReader reader, long start, long end) {
        List<Hash> pieces = new ArrayList<>(8);
        long at = start;
        while (at < end) {
            int level = Long.numberOfTrailingZeros(Long.highestOneBit(end - at));
            if (at != 0) {
                level = Math.min(level, Long.numberOfTrailingZeros(at));
            }
            pieces.add(reader.hash(level, at >>> level));
            at += 1L << level;
        }
        if (pieces.isEmpty()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "empty range " + start + ".." + end);
        }
        Hash hash = pieces.get(pieces.size() - 1);
        for (int i = pieces.size() - 2; i >= 0; i--) {
            hash = node(pieces.get(i), hash);
        }
        return hash;
    }
}
