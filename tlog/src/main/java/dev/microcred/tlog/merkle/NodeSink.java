package dev.microcred.tlog.merkle;

/**
 * Receives every complete subtree hash that appending creates, in order of creation: the leaf hash at level 0
 * first, then each node it completes. An integrator stores them (all levels, or only the levels multiple of 8
 * that tiles hold) so that a {@link HashReader} can serve proofs later.
 */
@FunctionalInterface
public interface NodeSink {
    /** A sink that keeps nothing, for computing roots only. */
    NodeSink NONE = (level, index, hash) -> { };

    void accept(int level, long index, Hash hash);
}
