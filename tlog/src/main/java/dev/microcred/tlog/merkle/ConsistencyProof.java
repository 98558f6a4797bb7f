package dev.microcred.tlog.merkle;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Merkle consistency proof (RFC 9162 §2.1.4): the hashes that show the tree of {@code size2} leaves is the
 * tree of {@code size1} leaves with leaves appended, and nothing rewritten.
 *
 * @param size1  the size of the older tree
 * @param size2  the size of the newer tree
 * @param hashes the proof, in the order of RFC 9162 §2.1.4.1
 */
public record ConsistencyProof(long size1, long size2, List<Hash> hashes) {
    /** The C2SP tlog-witness limit on proof lines, and more than any proof between trees below 2^63 leaves. */
    public static final int MAX_HASHES = 63;

    public ConsistencyProof {
        if (size1 < 0 || size2 < 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "negative tree size");
        }
        hashes = List.copyOf(hashes);
        if (hashes.size() > MAX_HASHES) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a consistency proof has at most 63 hashes");
        }
    }

    /** RFC 9162 §2.1.4.1: PROOF(m, D[n]), computed from the stored complete subtrees of the newer tree. */
    public static ConsistencyProof generate(HashReader reader, long size1, long size2) {
        if (size1 < 0 || size1 > size2) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "no consistency proof from size " + size1 + " to size " + size2);
        }
        List<Hash> proof = new ArrayList<>();
        // trees of size 0, and a tree and itself, are consistent with an empty proof
        if (size1 > 0 && size1 < size2) {
            subproof(reader, size1, 0, size2, true, proof);
        }
        return new ConsistencyProof(size1, size2, proof);
    }

    private static void subproof(HashReader reader, long m, long start, long n, boolean b, List<Hash> out) {
        if (m == n) {
            // RFC 9162 §2.1.4.1: SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])}
            if (!b) {
                out.add(TreeHash.subtree(reader, start, start + n));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            // m <= k: SUBPROOF(m, D[n], b) = SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
            subproof(reader, m, start, k, b, out);
            out.add(TreeHash.subtree(reader, start + k, start + n));
        } else {
            // m > k: SUBPROOF(m, D[n], b) = SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
            subproof(reader, m - k, start + k, n - k, false, out);
            out.add(TreeHash.subtree(reader, start, start + k));
        }
    }

    /**
     * RFC 9162 §2.1.4.2: whether this proof shows the tree of {@link #size2()} leaves with root {@code root2}
     * extends the tree of {@link #size1()} leaves with root {@code root1}. An empty tree is consistent with every
     * tree (with an empty proof); a tree is consistent with itself when the roots are equal and the proof empty.
     */
    public boolean verify(Hash root1, Hash root2) {
        Objects.requireNonNull(root1, "root1");
        Objects.requireNonNull(root2, "root2");
        if (size1 > size2) {
            return false;
        }
        if (size1 == size2) {
            return hashes.isEmpty() && root1.equals(root2);
        }
        if (size1 == 0) {
            return hashes.isEmpty();
        }
        // step 1: if consistency_path is an empty array, stop and fail the proof verification
        if (hashes.isEmpty()) {
            return false;
        }
        List<Hash> path = new ArrayList<>(hashes.size() + 1);
        // step 2: if first is an exact power of 2, prepend first_hash to the consistency_path array
        if (Long.bitCount(size1) == 1) {
            path.add(root1);
        }
        path.addAll(hashes);
        // step 3: set fn to first - 1 and sn to second - 1
        long fn = size1 - 1;
        long sn = size2 - 1;
        // step 4: if LSB(fn) is set, right-shift both fn and sn equally until LSB(fn) is not set
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        // step 5: set both fr and sr to the first value in the consistency_path array
        Hash fr = path.get(0);
        Hash sr = path.get(0);
        // step 6: for each subsequent value c in the consistency_path array
        for (int i = 1; i < path.size(); i++) {
            Hash c = path.get(i);
            // step 6a: if sn is 0, stop the iteration and fail the proof verification
            if (sn == 0) {
                return false;
            }
            // step 6b: if LSB(fn) is set, or if fn is equal to sn
            if ((fn & 1) == 1 || fn == sn) {
                // step 6b.i: set fr to HASH(0x01 || c || fr); step 6b.ii: set sr to HASH(0x01 || c || sr)
                fr = TreeHash.node(c, fr);
                sr = TreeHash.node(c, sr);
                // step 6b.iii: if LSB(fn) is not set, right-shift fn and sn until LSB(fn) is set or fn is 0
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                // otherwise: set sr to HASH(0x01 || sr || c)
                sr = TreeHash.node(sr, c);
            }
            // step 6c: right-shift both fn and sn one time
            fn >>>= 1;
            sn >>>= 1;
        }
        // step 7: fr equals first_hash, sr equals second_hash, and sn is 0
        return fr.equals(root1) && sr.equals(root2) && sn == 0;
    }
}
