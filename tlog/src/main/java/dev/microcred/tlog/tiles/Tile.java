package dev.microcred.tlog.tiles;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.HashReader;
import java.util.Objects;

/**
 * A hash tile: {@code width} concatenated 32-byte hashes of tree level {@code 8L}. Immutable and thread-safe.
 */
public final class Tile {
    private final TileId id;
    private final byte[] hashes;

    private Tile(TileId id, byte[] hashes) {
        this.id = id;
        this.hashes = hashes;
    }

    /** The tile {@code id} served as {@code bytes}, which must be exactly {@code 32 · width} bytes; copied. */
    public static Tile parse(TileId id, byte[] bytes) {
        Objects.requireNonNull(id, "id");
        if (bytes.length != id.width() * Hash.LENGTH) {
            throw new MicrocredException(Problem.MALFORMED_INPUT,
                    "tile " + id.path() + " has " + id.width() * Hash.LENGTH + " bytes, not " + bytes.length);
        }
        return new Tile(id, bytes.clone());
    }

    /** Builds tile {@code id} from stored hashes (the hashes of tree level {@code 8L}). */
    public static Tile read(HashReader reader, TileId id) {
        byte[] bytes = new byte[id.width() * Hash.LENGTH];
        for (int i = 0; i < id.width(); i++) {
            reader.hash(8 * id.level(), id.index() * TileId.FULL + i).copyTo(bytes, i * Hash.LENGTH);
        }
        return new Tile(id, bytes);
    }

    public TileId id() {
        return id;
    }

    /** The {@code i}-th hash of the tile. */
    public Hash hash(int i) {
        if (i < 0 || i >= id.width()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "tile " + id.path() + " has no hash " + i);
        }
        return Hash.of(hashes, i * Hash.LENGTH);
    }

    /** The bytes to serve. */
    public byte[] toBytes() {
        return hashes.clone();
    }
}
