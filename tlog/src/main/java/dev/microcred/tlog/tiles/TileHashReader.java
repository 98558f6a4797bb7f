package dev.microcred.tlog.tiles;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.HashReader;
import dev.microcred.tlog.merkle.TreeHash;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the stored hashes of a tree of a given size out of its tiles: a hash at tree level {@code 8L + r} is
 * rebuilt from {@code 2^r} consecutive hashes of a tile at tile level {@code L}. Each tile is fetched once per
 * reader and kept, and so is each rebuilt hash.
 *
 * <p>Tiles are not authenticated here: a proof computed from a tampered tile simply fails to verify against the
 * signed checkpoint, which is where trust comes from. Not thread-safe (it caches); use one per request or task.
 */
public final class TileHashReader implements HashReader {
    private final long treeSize;
    private final TileFetcher fetcher;
    private final Map<TileId, Tile> tiles = new HashMap<>();
    /**
     * Hashes of levels that are not a tile's own (hashed up from up to 128 of a tile's hashes), by level and index:
     * the proofs for neighbouring leaves ask for the same ones again.
     */
    private final Map<Long, Hash>[] computed = newLevels();

    public TileHashReader(long treeSize, TileFetcher fetcher) {
        if (treeSize < 0) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "negative tree size " + treeSize);
        }
        this.treeSize = treeSize;
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    @Override
    public Hash hash(int level, long index) {
        if (level < 0 || level > 63 || index < 0 || (index + 1) > (treeSize >>> level)) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "hash " + level + "/" + index + " is not a complete subtree of a tree of " + treeSize);
        }
        TileId id = TileId.containing(level, index, treeSize);
        Tile tile = tiles.computeIfAbsent(id, key -> Tile.parse(key, fetcher.fetch(key)));
        int below = level % 8;
        if (below == 0) {
            return tile.hash((int) (index % TileId.FULL));
        }
        Hash known = computed[level].get(index);
        if (known != null) {
            return known;
        }
        int first = (int) ((index << below) % TileId.FULL);
        int count = 1 << below;
        Hash[] row = new Hash[count];
        for (int i = 0; i < count; i++) {
            row[i] = tile.hash(first + i);
        }
        // the tile's hashes are the leaves of a complete subtree of height `below`: hash it up
        for (int width = count; width > 1; width /= 2) {
            for (int i = 0; i < width / 2; i++) {
                row[i] = TreeHash.node(row[2 * i], row[2 * i + 1]);
            }
        }
        computed[level].put(index, row[0]);
        return row[0];
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, Hash>[] newLevels() {
        Map<Long, Hash>[] levels = new Map[64];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = new HashMap<>();
        }
        return levels;
    }

    /** How many distinct tiles were fetched so far. */
    public int fetchedTiles() {
        return tiles.size();
    }
}
