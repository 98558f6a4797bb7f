package dev.microcred.cli.audit;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error ({@code [#####.....] done/total entries, rate/s}), redrawn at most
 * every 200 ms, for logs of at least {@link #THRESHOLD} entries. Not thread-safe.
 */
final class Progress {
    static final long THRESHOLD = 10_000;
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final long total;
    private final boolean enabled;
    private final LongSupplier nanos;
    private final long start;
    private long lastDraw;

    Progress(PrintWriter err, long total, boolean enabled, LongSupplier nanos) {
        this.err = err;
        this.total = total;
        this.enabled = enabled && total >= THRESHOLD;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
        this.lastDraw = start;
    }

    void update(long done) {
        if (!enabled) {
            return;
        }
        long now = nanos.getAsLong();
        if (now - lastDraw < 200_000_000L && done < total) {
            return;
        }
        lastDraw = now;
        err.print("\r" + line(done, now - start));
        if (done >= total) {
            err.println();
        }
        err.flush();
    }

    String line(long done, long elapsedNanos) {
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " entries, "
                + String.format(Locale.ROOT, "%.0f", done / seconds) + "/s";
    }
}
