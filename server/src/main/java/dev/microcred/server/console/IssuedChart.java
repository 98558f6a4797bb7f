package dev.microcred.server.console;

import static dev.microcred.server.web.Html.attr;
import static dev.microcred.server.web.Html.el;

import dev.microcred.server.web.Html;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Credentials issued per week over the last {@link #WEEKS} weeks (UTC, the current week last), drawn on the server
 * as an inline SVG bar chart with a text alternative: no script, no chart library. Stateless.
 */
final class IssuedChart {
    static final int WEEKS = 12;
    private static final int WIDTH = 600;
    private static final int HEIGHT = 160;
    private static final int BAR = WIDTH / WEEKS;

    private IssuedChart() {
    }

    /** The start of the first week counted, for a chart drawn at {@code now}. */
    static Instant since(Instant now) {
        return weekStart(now).minus(7L * (WEEKS - 1), ChronoUnit.DAYS).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** Counts per week, oldest first. */
    static long[] counts(List<Instant> issued, Instant now) {
        LocalDate first = weekStart(now).minusDays(7L * (WEEKS - 1));
        long[] counts = new long[WEEKS];
        for (Instant t : issued) {
            long week = ChronoUnit.DAYS.between(first, t.atOffset(ZoneOffset.UTC).toLocalDate()) / 7;
            if (week >= 0 && week < WEEKS) {
                counts[(int) week]++;
            }
        }
        return counts;
    }

    static Html render(List<Instant> issued, Instant now) {
        long[] counts = counts(issued, now);
        long max = 1;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        LocalDate first = weekStart(now).minusDays(7L * (WEEKS - 1));
        List<Html> bars = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            long h = Math.round((HEIGHT - 20) * (double) counts[i] / max);
            String label = "week of " + first.plusDays(7L * i) + ": " + counts[i] + " issued";
            bars.add(el("rect", List.of(attr("x", Integer.toString(i * BAR + 4)), attr("y",
                            Long.toString(HEIGHT - 16 - h)), attr("width", Integer.toString(BAR - 8)),
                            attr("height", Long.toString(h)), attr("fill", "#2a4d9b"), attr("data-week",
                                    first.plusDays(7L * i).toString()), attr("data-count", Long.toString(counts[i]))),
                    el("title", label)));
            bars.add(el("text", List.of(attr("x", Integer.toString(i * BAR + BAR / 2)), attr("y",
                    Integer.toString(HEIGHT - 2)), attr("text-anchor", "middle"), attr("font-size", "10")),
                    Html.text(first.plusDays(7L * i).toString().substring(5))));
        }
        return el("svg", List.of(attr("id", "issued-chart"), attr("role", "img"), attr("viewbox", "0 0 " + WIDTH
                        + " " + HEIGHT), attr("width", "100%"), attr("aria-label", "Credentials issued per week, last "
                        + WEEKS + " weeks; the largest week had " + max)),
                Html.join(bars));
    }

    private static LocalDate weekStart(Instant t) {
        LocalDate d = t.atOffset(ZoneOffset.UTC).toLocalDate();
        return d.minusDays(d.getDayOfWeek().getValue() - 1L);
    }
}
