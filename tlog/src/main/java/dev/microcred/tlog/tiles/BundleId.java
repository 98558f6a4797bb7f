package dev.microcred.tlog.tiles;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;

/**
 * The coordinates of an entry bundle: the entries of level-0 tile {@code index}.
 *
 * @param index the bundle index N (entries {@code N·256} onwards)
 * @param width the number of entries, 256 for a full bundle, 1–255 for a partial one
 */
public record BundleId(long index, int width) {
    public BundleId {
        if (index < 0 || width < 1 || width > TileId.FULL) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "no bundle " + index + " of width " + width);
        }
    }

    /** The bundle holding entry {@code entryIndex} in a tree of {@code treeSize} leaves. */
    public static BundleId containing(long entryIndex, long treeSize) {
        if (entryIndex < 0 || entryIndex >= treeSize) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "entry " + entryIndex + " is not in a tree of " + treeSize);
        }
        TileId tile = TileId.of(0, entryIndex / TileId.FULL, treeSize);
        return new BundleId(tile.index(), tile.width());
    }

    /** Parses {@code tile/entries/<N>[.p/<W>]}. */
    public static BundleId parse(String path) {
        if (!path.startsWith("tile/entries/")) {
            throw TilePaths.malformed(path);
        }
        long[] indexAndWidth = TilePaths.parse(path.substring("tile/entries/".length()));
        return new BundleId(indexAndWidth[0], (int) indexAndWidth[1]);
    }

    public String path() {
        return "tile/entries/" + TilePaths.index(index) + TilePaths.suffix(width);
    }

    @Override
    public String toString() {
        return path();
    }
}
