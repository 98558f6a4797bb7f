package dev.microcred.tlog.merkle;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.util.Arrays;
import java.util.List;

/**
 * The compact range {@code [0, size)} of a log: the hashes of the maximal complete subtrees that cover the
 * leaves so far (one per set bit of {@code size}, largest first), sometimes called the frontier. It is all an
 * integrator needs to extend the tree: appending a leaf hashes it into at most as many nodes as it completes
 * (one on average), so appending N leaves costs O(N) hashing, and the root is O(log n) further hashes.
 *
 * <p>Immutable and thread-safe: {@link #append} returns a new range. Appending a batch with {@link #appendAll}
 * copies the frontier (at most 64 hashes) once per batch.
 */
public final class CompactRange {
    /** The range of the empty tree. */
    public static final CompactRange EMPTY = new CompactRange(0, new Hash[0]);
    private final long size;
    private final Hash[] frontier;

    private CompactRange(long size, Hash[] frontier) {
        this.size = size;
        this.frontier = frontier;
    }

    /**
     * Resumes from a stored frontier: the hashes of the complete subtrees covering {@code [0, size)}, largest
     * first, as {@link #frontier()} returned them.
     */
    public static CompactRange of(long size, List<Hash> frontier) {
        if (size < 0) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "negative tree size " + size);
        }
        if (frontier.size() != Long.bitCount(size)) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "a compact range of size " + size + " has "
                    + Long.bitCount(size) + " hashes, not " + frontier.size());
        }
        return new CompactRange(size, frontier.toArray(new Hash[0]));
    }

    /** Reads the frontier of the tree of {@code size} leaves from stored hashes. */
    public static CompactRange read(HashReader reader, long size) {
        if (size < 0) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "negative tree size " + size);
        }
        Hash[] frontier = new Hash[Long.bitCount(size)];
        long start = 0;
        int i = 0;
        for (int level = 63; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                frontier[i++] = reader.hash(level, start >>> level);
                start += 1L << level;
            }
        }
        return new CompactRange(size, frontier);
    }

    public long size() {
        return size;
    }

    /** The hashes of the maximal complete subtrees, largest (leftmost) first. */
    public List<Hash> frontier() {
        return List.of(frontier);
    }

    /** The range with one more leaf, whose hash is {@code leafHash}; new complete subtrees go to {@code sink}. */
    public CompactRange append(Hash leafHash, NodeSink sink) {
        return appendAll(List.of(leafHash), sink);
    }

    /**
     * The range extended by {@code leafHashes}, in order. Every complete subtree hash that appending creates,
     * starting with each leaf hash itself, goes to {@code sink}.
     */
    public CompactRange appendAll(List<Hash> leafHashes, NodeSink sink) {
        Hash[] stack = Arrays.copyOf(frontier, 64);
        int top = frontier.length;
        long n = size;
        for (Hash leaf : leafHashes) {
            if (n == Long.MAX_VALUE) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "the tree is full");
            }
            Hash hash = leaf;
            long index = n;
            int level = 0;
            sink.accept(0, index, hash);
            // each set low bit of n is a complete left sibling waiting on the stack: merge with it
            while (((n >>> level) & 1L) == 1L) {
                hash = TreeHash.node(stack[--top], hash);
                level++;
                index >>>= 1;
                sink.accept(level, index, hash);
            }
            stack[top++] = hash;
            n++;
        }
        return new CompactRange(n, Arrays.copyOf(stack, top));
    }

    /** RFC 9162 §2.1.1: the Merkle Tree Hash of the leaves so far, folding the frontier from the right. */
    public Hash root() {
        if (frontier.length == 0) {
            return TreeHash.EMPTY;
        }
        Hash hash = frontier[frontier.length - 1];
        for (int i = frontier.length - 2; i >= 0; i--) {
            hash = TreeHash.node(frontier[i], hash);
        }
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompactRange other && size == other.size && Arrays.equals(frontier, other.frontier);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Arrays.hashCode(frontier);
    }

    @Override
    public String toString() {
        return "CompactRange[size=" + size + ", root=" + root() + "]";
    }
}
