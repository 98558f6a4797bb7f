package dev.microcred.tlog.tiles;

/**
 * Fetches the bytes of a tile: from HTTP, a CDN, object storage, a database or a cache. Supplied by the caller;
 * this module does no I/O.
 */
@FunctionalInterface
public interface TileFetcher {
    /**
     * The bytes served at {@code id.path()}. Throws {@link dev.microcred.core.MicrocredException} (for instance
     * {@code FETCH_FAILED}) when the tile cannot be had; never returns null.
     */
    byte[] fetch(TileId id);
}
