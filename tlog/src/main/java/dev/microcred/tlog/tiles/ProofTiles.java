package dev.microcred.tlog.tiles;

import dev.microcred.tlog.merkle.ConsistencyProof;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.HashReader;
import dev.microcred.tlog.merkle.InclusionProof;
import dev.microcred.tlog.merkle.TreeHash;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which tiles a proof needs, so a client can fetch them in parallel before computing it: found by running the
 * proof generation over a reader that records the tile of every hash asked for. Stateless and thread-safe.
 */
public final class ProofTiles {
    private ProofTiles() {
    }

    /** The tiles needed for the inclusion proof of leaf {@code index} in a tree of {@code treeSize}. */
    public static List<TileId> inclusion(long index, long treeSize) {
        Recorder recorder = new Recorder(treeSize);
        InclusionProof.generate(recorder, index, treeSize);
        return recorder.tiles();
    }

    /** The tiles needed for the consistency proof from {@code size1} to {@code size2}. */
    public static List<TileId> consistency(long size1, long size2) {
        Recorder recorder = new Recorder(size2);
        ConsistencyProof.generate(recorder, size1, size2);
        return recorder.tiles();
    }

    /** The tiles needed to compute the root of a tree of {@code treeSize} leaves from tiles. */
    public static List<TileId> root(long treeSize) {
        Recorder recorder = new Recorder(treeSize);
        TreeHash.root(recorder, treeSize);
        return recorder.tiles();
    }

    private static final class Recorder implements HashReader {
        private final long treeSize;
        private final Set<TileId> tiles = new LinkedHashSet<>();

        Recorder(long treeSize) {
            this.treeSize = treeSize;
        }

        @Override
        public Hash hash(int level, long index) {
            tiles.add(TileId.containing(level, index, treeSize));
            return TreeHash.EMPTY;
        }

        List<TileId> tiles() {
            return new ArrayList<>(tiles);
        }
    }
}
