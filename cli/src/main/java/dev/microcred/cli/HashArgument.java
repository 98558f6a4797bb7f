package dev.microcred.cli;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.merkle.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the hashes given to the {@code tlog} commands: 64 hexadecimal digits (as RFC 6962 test vectors and most
 * tools print them) or the standard base64 of the 32 bytes (as C2SP checkpoints, tlog-proof receipts and
 * add-checkpoint requests write them).
 */
final class HashArgument {
    private HashArgument() {
    }

    /** One hash, hex or base64; {@code option} names the option in the one-line message. */
    static Hash parse(String text, String option) {
        String t = text.strip();
        try {
            if (t.matches("[0-9a-fA-F]{64}")) {
                return Hash.parseHex(t.toLowerCase());
            }
            if (t.length() == 44 && t.endsWith("=")) {
                return Hash.parseBase64(t);
            }
        } catch (MicrocredException e) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, option + ": " + e.getMessage());
        }
        throw new MicrocredException(Problem.MALFORMED_INPUT, option + ": not a SHA-256 hash (64 hex digits or 44 "
                + "base64 characters): " + abbreviate(t));
    }

    /** A comma-separated list of hashes; empty text is the empty list. */
    static List<Hash> parseList(String text, String option) {
        List<Hash> hashes = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return hashes;
        }
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            hashes.add(parse(parts[i], option + " item " + (i + 1)));
        }
        return hashes;
    }

    private static String abbreviate(String s) {
        return s.length() <= 70 ? s : s.substring(0, 67) + "...";
    }
}
