/**
 * C2SP tlog-tiles (<a href="https://c2sp.org/tlog-tiles">c2sp.org/tlog-tiles</a>): the static resources a tiled
 * log publishes, and proofs computed from them.
 *
 * <ul>
 *   <li>A tile at tile level {@code L}, index {@code N} holds up to 256 consecutive hashes of tree level
 *       {@code 8L}: {@code MTH(D[(N·256 + i)·256^L : (N·256 + i + 1)·256^L])}. Paths are
 *       {@code tile/<L>/<N>[.p/<W>]} with {@code N} written in zero-padded 3-digit groups, all but the last
 *       prefixed by {@code x} (1234067 → {@code x001/x234/067}); {@code .p/<W>} marks a partial tile of width
 *       {@code W} (1–255), and a tree of size {@code s} has a partial tile of width {@code floor(s/256^L) mod 256}
 *       at each level where that is not zero.</li>
 *   <li>Entry bundles {@code tile/entries/<N>[.p/<W>]} hold the entries of the level-0 tile {@code N}, each
 *       prefixed by its length as a 2-byte big-endian integer.</li>
 *   <li>{@link dev.microcred.tlog.tiles.TileHashReader} reads stored hashes out of tiles that a caller-supplied
 *       {@link dev.microcred.tlog.tiles.TileFetcher} provides, so proofs can be computed from cached tiles;
 *       {@link dev.microcred.tlog.tiles.ProofTiles} says which tiles a proof needs.</li>
 * </ul>
 */
package dev.microcred.tlog.tiles;
