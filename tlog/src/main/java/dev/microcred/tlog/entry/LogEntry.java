package dev.microcred.tlog.entry;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.TreeHash;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One event in microcred's transparency log (see the package documentation for the text format). Every entry is
 * a value: equal entries have equal encodings and leaf hashes.
 */
public sealed interface LogEntry permits Issuance, StatusListPublication, KeyEvent, Anchor {
    /** The first line of every entry of this version. */
    String HEADER = "microcred/tlog-entry/v1";
    /** The largest encoded entry. */
    int MAX_BYTES = 4096;

    /** The {@code type} line's value. */
    String type();

    /** When the event happened, by its author's account. */
    Instant time();

    /** The encoded entry. */
    String format();

    /** The encoded entry as the bytes the log stores. */
    default byte[] bytes() {
        return format().getBytes(StandardCharsets.US_ASCII);
    }

    /** The RFC 9162 leaf hash of the entry. */
    default Hash leafHash() {
        return TreeHash.leaf(bytes());
    }

    static LogEntry parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new MicrocredException(Problem.TOO_LARGE, "a log entry is at most " + MAX_BYTES + " bytes");
        }
        return parse(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** Parses an encoded entry, strictly. */
    static LogEntry parse(String text) {
        StringBuilder type = new StringBuilder();
        EntryText fields = EntryText.read(text, type);
        LogEntry entry = switch (type.toString()) {
            case Issuance.TYPE -> Issuance.read(fields);
            case StatusListPublication.TYPE -> StatusListPublication.read(fields);
            case KeyEvent.ADDED, KeyEvent.ROTATED, KeyEvent.REVOKED -> KeyEvent.read(type.toString(), fields);
            case Anchor.TYPE -> Anchor.read(fields);
            default -> throw EntryText.malformed("unknown type " + type);
        };
        if (!entry.format().equals(text)) {
            throw EntryText.malformed("not in canonical form");
        }
        return entry;
    }
}
