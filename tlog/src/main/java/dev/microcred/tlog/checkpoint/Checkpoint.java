package dev.microcred.tlog.checkpoint;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.note.SignedNote;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The body of a checkpoint: a log's tree head at one size.
 *
 * @param origin     the log identity, a non-empty line (SHOULD be a schema-less URL without spaces or '+')
 * @param size       the number of leaves
 * @param root       the RFC 9162 root hash of the tree of {@code size} leaves
 * @param extensions optional extension lines, each non-empty (NOT RECOMMENDED by the spec; microcred writes none)
 */
public record Checkpoint(String origin, long size, Hash root, List<String> extensions) {
    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(root, "root");
        if (origin.isEmpty() || origin.indexOf('\n') >= 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a checkpoint origin is one non-empty line");
        }
        if (size < 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "negative tree size");
        }
        extensions = List.copyOf(extensions);
        for (String line : extensions) {
            if (line.isEmpty() || line.indexOf('\n') >= 0) {
                throw new MicrocredException(Problem.MALFORMED_INPUT, "an extension line is one non-empty line");
            }
        }
    }

    public static Checkpoint of(String origin, long size, Hash root) {
        return new Checkpoint(origin, size, root, List.of());
    }

    /** Parses a note text: origin, size and root lines, then extension lines, each ending in a newline. */
    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a checkpoint ends with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a checkpoint has origin, size and root lines");
        }
        List<String> extensions = new ArrayList<>(List.of(lines).subList(3, lines.length));
        return new Checkpoint(lines[0], parseSize(lines[1], "tree size"), Hash.parseBase64(lines[2]), extensions);
    }

    /** The checkpoint in a signed note (signatures are not checked here). */
    public static Checkpoint from(SignedNote note) {
        return parse(note.text());
    }

    /** An ASCII decimal without leading zeroes (unless it is {@code 0}) that fits a signed 64-bit integer. */
    public static long parseSize(String text, String what) {
        if (!text.matches("0|[1-9][0-9]{0,18}")) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, what + " is not a decimal without leading zeroes");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, what + " is too large");
        }
    }

    /** The note text. */
    public String text() {
        StringBuilder out = new StringBuilder().append(origin).append('\n').append(size).append('\n')
                .append(root.base64()).append('\n');
        for (String line : extensions) {
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
