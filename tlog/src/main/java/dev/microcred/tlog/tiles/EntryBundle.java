package dev.microcred.tlog.tiles;

import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.TreeHash;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An entry bundle: up to 256 log entries, each encoded as a 2-byte big-endian length followed by the entry.
 *
 * @param entries the entries, in log order; each at most 65,535 bytes
 */
public record EntryBundle(List<Bytes> entries) {
    /** The largest entry a bundle can hold. */
    public static final int MAX_ENTRY = 0xffff;

    public EntryBundle {
        entries = List.copyOf(entries);
        if (entries.isEmpty() || entries.size() > TileId.FULL) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a bundle has 1 to 256 entries, not " + entries.size());
        }
        for (Bytes entry : entries) {
            if (entry.length() > MAX_ENTRY) {
                throw new MicrocredException(Problem.TOO_LARGE, "an entry is at most 65535 bytes");
            }
        }
    }

    /** Parses a bundle; if {@code expectedWidth} is not 0 the bundle must hold exactly that many entries. */
    public static EntryBundle parse(byte[] bytes, int expectedWidth) {
        List<Bytes> entries = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            if (at + 2 > bytes.length) {
                throw new MicrocredException(Problem.MALFORMED_INPUT, "truncated entry length in bundle");
            }
            int length = ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
            at += 2;
            if (at + length > bytes.length) {
                throw new MicrocredException(Problem.MALFORMED_INPUT, "truncated entry in bundle");
            }
            byte[] entry = new byte[length];
            System.arraycopy(bytes, at, entry, 0, length);
            entries.add(Bytes.of(entry));
            at += length;
            if (entries.size() > TileId.FULL) {
                throw new MicrocredException(Problem.MALFORMED_INPUT, "a bundle has at most 256 entries");
            }
        }
        if (expectedWidth != 0 && entries.size() != expectedWidth) {
            throw new MicrocredException(Problem.MALFORMED_INPUT,
                    "bundle has " + entries.size() + " entries, not " + expectedWidth);
        }
        return new EntryBundle(entries);
    }

    /** The bytes to serve. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Bytes entry : entries) {
            out.write(entry.length() >>> 8);
            out.write(entry.length() & 0xff);
            out.writeBytes(entry.toArray());
        }
        return out.toByteArray();
    }

    /** The RFC 9162 leaf hash of each entry: the hashes of the corresponding level-0 tile. */
    public List<Hash> leafHashes() {
        return entries.stream().map(entry -> TreeHash.leaf(entry.toArray())).toList();
    }
}
