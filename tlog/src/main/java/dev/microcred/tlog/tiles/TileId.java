package dev.microcred.tlog.tiles;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The coordinates of a hash tile.
 *
 * @param level the tile level L (0–63); it holds hashes of tree level 8L
 * @param index the tile index N within the level
 * @param width the number of hashes, 256 for a full tile, 1–255 for a partial one
 */
public record TileId(int level, long index, int width) {
    /** Hashes in a full tile. */
    public static final int FULL = 256;

    public TileId {
        if (level < 0 || level > 63 || index < 0 || width < 1 || width > FULL) {
            throw new MicrocredException(Problem.MALFORMED_INPUT,
                    "no tile at level " + level + ", index " + index + ", width " + width);
        }
    }

    /** Parses {@code tile/<L>/<N>[.p/<W>]}. */
    public static TileId parse(String path) {
        if (!path.startsWith("tile/") || path.startsWith("tile/entries/")) {
            throw TilePaths.malformed(path);
        }
        int slash = path.indexOf('/', 5);
        if (slash < 0) {
            throw TilePaths.malformed(path);
        }
        String level = path.substring(5, slash);
        if (!level.matches("0|[1-9][0-9]?") || Integer.parseInt(level) > 63) {
            throw TilePaths.malformed(path);
        }
        long[] indexAndWidth = TilePaths.parse(path.substring(slash + 1));
        return new TileId(Integer.parseInt(level), indexAndWidth[0], (int) indexAndWidth[1]);
    }

    /** The path under the log prefix, {@code tile/<L>/<N>[.p/<W>]}. */
    public String path() {
        return "tile/" + level + "/" + TilePaths.index(index) + TilePaths.suffix(width);
    }

    public boolean isFull() {
        return width == FULL;
    }

    /** Start of the range of entries the tile spans (for a full tile): {@code N · 256^(L+1)}. */
    public long startIndex() {
        return index << (8 * (level + 1));
    }

    /**
     * The tile of a tree of {@code treeSize} leaves that holds the hashes of tile level {@code level} from index
     * {@code tileIndex}: full if the tree covers it, else partial with the width the tree gives it.
     */
    public static TileId of(int level, long tileIndex, long treeSize) {
        long hashes = treeSize >>> (8 * level);
        long before = tileIndex * FULL;
        if (hashes <= before) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "a tree of " + treeSize + " leaves has no tile " + level + "/" + tileIndex);
        }
        return new TileId(level, tileIndex, (int) Math.min(FULL, hashes - before));
    }

    /**
     * The tile holding the complete subtree at tree level {@code treeLevel}, index {@code nodeIndex}: the tile
     * holds its descendants at tree level {@code 8·floor(treeLevel/8)}.
     */
    public static TileId containing(int treeLevel, long nodeIndex, long treeSize) {
        int level = treeLevel / 8;
        long first = nodeIndex << (treeLevel % 8);
        return of(level, first / FULL, treeSize);
    }

    /** Every tile of a tree of {@code treeSize} leaves: full tiles, then the partial tile of each level. */
    public static List<TileId> forTreeSize(long treeSize) {
        return changed(0, treeSize);
    }

    /**
     * The tiles a log publishes when it grows from {@code oldSize} to {@code newSize} leaves: every tile whose
     * contents the growth changed or created, full or partial at the new size.
     */
    public static List<TileId> changed(long oldSize, long newSize) {
        if (oldSize < 0 || oldSize > newSize) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "sizes go backwards: " + oldSize + " > " + newSize);
        }
        List<TileId> tiles = new ArrayList<>();
        for (int level = 0; level <= 7 && (newSize >>> (8 * level)) > 0; level++) {
            long oldHashes = oldSize >>> (8 * level);
            long newHashes = newSize >>> (8 * level);
            if (oldHashes == newHashes) {
                continue;
            }
            // the first tile that gains hashes is the one holding hash oldHashes
            for (long n = oldHashes / FULL; n * FULL < newHashes; n++) {
                tiles.add(of(level, n, newSize));
            }
        }
        return tiles;
    }

    @Override
    public String toString() {
        return path();
    }
}
