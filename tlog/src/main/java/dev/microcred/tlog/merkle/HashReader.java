package dev.microcred.tlog.merkle;

/**
 * Where proofs and roots read stored hashes from: a seam the platform backs by tiles, a database or memory.
 * Implementations say in their own documentation whether they are thread-safe.
 */
@FunctionalInterface
public interface HashReader {
    /**
     * The hash of the complete subtree at {@code level} and {@code index}: {@code MTH(D[index·2^level :
     * (index+1)·2^level])}; level 0 is the leaf hashes. Callers only ask for subtrees that are complete in the
     * tree they work on. An implementation that does not have the hash throws
     * {@link dev.microcred.core.MicrocredException} (never returns null).
     */
    Hash hash(int level, long index);
}
