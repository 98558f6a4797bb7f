package dev.microcred.tlog.tiles;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;

/** The index and width encodings tile and entry bundle paths share. */
final class TilePaths {
    private TilePaths() {
    }

    /** tlog-tiles: N in zero-padded 3-digit path elements, all but the last beginning with an x. */
    static String index(long n) {
        String last = String.format("%03d", n % 1000);
        n /= 1000;
        StringBuilder prefix = new StringBuilder();
        while (n > 0) {
            prefix.insert(0, String.format("x%03d/", n % 1000));
            n /= 1000;
        }
        return prefix.append(last).toString();
    }

    static String suffix(int width) {
        return width == 256 ? "" : ".p/" + width;
    }

    /** Parses {@code <N>[.p/<W>]}, returning {index, width}; the encoding must be the canonical one. */
    static long[] parse(String rest) {
        int width = 256;
        int partial = rest.indexOf(".p/");
        String index = rest;
        if (partial >= 0) {
            String w = rest.substring(partial + 3);
            if (!w.matches("[1-9][0-9]{0,2}") || Integer.parseInt(w) > 255) {
                throw malformed(rest);
            }
            width = Integer.parseInt(w);
            index = rest.substring(0, partial);
        }
        if (!index.matches("(x[0-9]{3}/){0,6}[0-9]{3}")) {
            throw malformed(rest);
        }
        long n = Long.parseLong(index.replace("x", "").replace("/", ""));
        if (!index(n).equals(index)) {
            throw malformed(rest);
        }
        return new long[] {n, width};
    }

    static MicrocredException malformed(String path) {
        return new MicrocredException(Problem.MALFORMED_INPUT, "not a tile path: " + path);
    }
}
