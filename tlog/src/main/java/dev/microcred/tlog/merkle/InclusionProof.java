package dev.microcred.tlog.merkle;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Merkle audit path (RFC 9162 §2.1.3): the hashes that, with the leaf hash at {@code index}, recompute the root
 * of the tree of {@code treeSize} leaves, from the leaf's sibling up to a child of the root.
 *
 * @param index    the zero-based index of the leaf
 * @param treeSize the number of leaves in the tree
 * @param hashes   the audit path, leaf level first
 */
public record InclusionProof(long index, long treeSize, List<Hash> hashes) {
    /** Longer than any audit path in a tree of at most 2^63 - 1 leaves. */
    public static final int MAX_HASHES = 63;

    public InclusionProof {
        if (index < 0 || treeSize < 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "negative index or tree size");
        }
        hashes = List.copyOf(hashes);
        if (hashes.size() > MAX_HASHES) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "an inclusion proof has at most 63 hashes");
        }
    }

    /** RFC 9162 §2.1.3.1: PATH(m, D[n]), computed from the stored complete subtrees of the tree. */
    public static InclusionProof generate(HashReader reader, long index, long treeSize) {
        if (index < 0 || index >= treeSize) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "leaf " + index + " is not in a tree of " + treeSize + " leaves");
        }
        List<Hash> path = new ArrayList<>();
        path(reader, index, 0, treeSize, path);
        return new InclusionProof(index, treeSize, path);
    }

    private static void path(HashReader reader, long m, long start, long n, List<Hash> out) {
        // RFC 9162 §2.1.3.1: PATH(0, {d(0)}) = {}
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            // PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) for m < k
            path(reader, m, start, k, out);
            out.add(TreeHash.subtree(reader, start + k, start + n));
        } else {
            // PATH(m, D[n]) = PATH(m - k, D[k:n]) : MTH(D[0:k]) for m >= k
            path(reader, m - k, start + k, n - k, out);
            out.add(TreeHash.subtree(reader, start, start + k));
        }
    }

    /**
     * RFC 9162 §2.1.3.2: whether this path proves that {@code leafHash} is the leaf at {@link #index()} of the
     * tree of {@link #treeSize()} leaves whose root is {@code root}.
     */
    public boolean verify(Hash leafHash, Hash root) {
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(root, "root");
        // step 1: compare leaf_index against tree_size; if leaf_index >= tree_size, fail
        if (index >= treeSize) {
            return false;
        }
        // step 2: set fn to leaf_index and sn to tree_size - 1
        long fn = index;
        long sn = treeSize - 1;
        // step 3: set r to hash
        Hash r = leafHash;
        // step 4: for each value p in the inclusion_path array
        for (Hash p : hashes) {
            // step 4a: if sn is 0, stop the iteration and fail the proof verification
            if (sn == 0) {
                return false;
            }
            // step 4b: if LSB(fn) is set, or if fn is equal to sn
            if ((fn & 1) == 1 || fn == sn) {
                // step 4b.i: set r to HASH(0x01 || p || r)
                r = TreeHash.node(p, r);
                // step 4b.ii: if LSB(fn) is not set, right-shift fn and sn until LSB(fn) is set or fn is 0
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                // otherwise: set r to HASH(0x01 || r || p)
                r = TreeHash.node(r, p);
            }
            // step 4c: right-shift both fn and sn one time
            fn >>>= 1;
            sn >>>= 1;
        }
        // step 5: sn is 0 and r equals root_hash
        return sn == 0 && r.equals(root);
    }
}
