package dev.microcred.server.skills;

import static dev.microcred.server.web.Html.attr;
import static dev.microcred.server.web.Html.el;

import dev.microcred.server.web.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts built with the escaping {@link Html} builder (every label is text, never markup): horizontal
 * bars, stacked proven/stale bars and a pathway drawn as a sequence of steps. Attribute names are lower-case
 * ({@code viewbox}): the HTML parser maps them to SVG's camel case. Stateless.
 */
final class Charts {
    static final String OK = "#17663a";
    static final String STALE = "#c98a00";
    static final String MISSING = "#b9c0cc";
    static final String ACCENT = "#2a4d9b";
    private static final int WIDTH = 760;
    private static final int LABEL = 300;
    private static final int ROW = 24;

    private Charts() {
    }

    /** One bar: a label, a length in [0, 1], the text after the bar and its colour. */
    record Bar(String label, double share, String note, String colour) {
    }

    /** Horizontal bars, one per row. */
    static Html bars(String title, List<Bar> bars) {
        int height = bars.size() * ROW + 10;
        List<Html> parts = new ArrayList<>();
        parts.add(el("title", title));
        int y = 5;
        for (Bar b : bars) {
            double w = Math.max(2, (WIDTH - LABEL - 140) * Math.max(0, Math.min(1, b.share())));
            parts.add(text(LABEL - 8, y + 16, "end", clip(b.label(), 44)));
            parts.add(rect(LABEL, y + 4, w, ROW - 8, b.colour(), null));
            parts.add(text(LABEL + w + 6, y + 16, "start", b.note()));
            y += ROW;
        }
        return svg(title, height, parts);
    }

    /** Stacked bars: per row, a proven (green) part and a stale (amber) part, scaled to {@code max}. */
    static Html stacked(String title, List<String> labels, List<int[]> provenStale) {
        int max = 1;
        for (int[] v : provenStale) {
            max = Math.max(max, v[0] + v[1]);
        }
        int height = labels.size() * ROW + 34;
        List<Html> parts = new ArrayList<>();
        parts.add(el("title", title));
        int y = 5;
        double unit = (WIDTH - LABEL - 140) / (double) max;
        for (int i = 0; i < labels.size(); i++) {
            int[] v = provenStale.get(i);
            parts.add(text(LABEL - 8, y + 16, "end", clip(labels.get(i), 44)));
            if (v[0] > 0) {
                parts.add(rect(LABEL, y + 4, v[0] * unit, ROW - 8, OK, "proven"));
            }
            if (v[1] > 0) {
                parts.add(rect(LABEL + v[0] * unit, y + 4, v[1] * unit, ROW - 8, STALE, "stale"));
            }
            parts.add(text(LABEL + (v[0] + v[1]) * unit + 6, y + 16, "start",
                    v[0] + " proven" + (v[1] > 0 ? ", " + v[1] + " stale" : "")));
            y += ROW;
        }
        parts.add(rect(LABEL, y + 8, 12, 12, OK, null));
        parts.add(text(LABEL + 18, y + 18, "start", "proven (valid credential)"));
        parts.add(rect(LABEL + 220, y + 8, 12, 12, STALE, null));
        parts.add(text(LABEL + 238, y + 18, "start", "stale (expired credentials only)"));
        return svg(title, height, parts);
    }

    /** One step of a drawn pathway. */
    record Step(String title, String detail, boolean done) {
    }

    /** A pathway: boxes top to bottom joined by arrows; done steps drawn green. */
    static Html pathway(String title, List<Step> steps) {
        int box = 54;
        int gap = 22;
        int height = Math.max(1, steps.size()) * (box + gap) + 4;
        List<Html> parts = new ArrayList<>();
        parts.add(el("title", title));
        int y = 2;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            String colour = s.done() ? OK : ACCENT;
            parts.add(el("rect", List.of(attr("x", "40"), attr("y", num(y)), attr("width", num(WIDTH - 60)),
                    attr("height", num(box)), attr("rx", "8"), attr("fill", "#fff"), attr("stroke", colour),
                    attr("stroke-width", "2"))));
            parts.add(el("circle", List.of(attr("cx", "20"), attr("cy", num(y + box / 2.0)), attr("r", "14"),
                    attr("fill", colour))));
            parts.add(el("text", List.of(attr("x", "20"), attr("y", num(y + box / 2.0 + 5)),
                    attr("text-anchor", "middle"), attr("fill", "#fff"), attr("font-size", "13")),
                    Html.text(s.done() ? "\u2713" : Integer.toString(i + 1))));
            parts.add(el("text", List.of(attr("x", "54"), attr("y", num(y + 22)), attr("font-size", "15"),
                    attr("font-weight", "600")), Html.text(clip(s.title(), 80))));
            parts.add(el("text", List.of(attr("x", "54"), attr("y", num(y + 42)), attr("font-size", "13"),
                    attr("fill", "#5b6677")), Html.text(clip(s.detail(), 100))));
            if (i + 1 < steps.size()) {
                double x = 20;
                parts.add(el("line", List.of(attr("x1", num(x)), attr("y1", num(y + box / 2.0 + 14)),
                        attr("x2", num(x)), attr("y2", num(y + box + gap + box / 2.0 - 14)),
                        attr("stroke", MISSING), attr("stroke-width", "2"))));
            }
            y += box + gap;
        }
        return svg(title, height, parts);
    }

    /** A closeness bar from 0 to 100%. */
    static Html closeness(double share) {
        double w = (WIDTH - 100) * Math.max(0, Math.min(1, share));
        return svg("closeness " + percent(share), 34, List.of(
                rect(0, 6, WIDTH - 100, 20, "#e8ebf1", null), rect(0, 6, Math.max(2, w), 20, OK, null),
                text(WIDTH - 90, 22, "start", percent(share) + " of the way")));
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static Html svg(String title, int height, List<Html> parts) {
        return el("svg", List.of(attr("xmlns", "http://www.w3.org/2000/svg"), attr("role", "img"),
                attr("aria-label", title), attr("viewbox", "0 0 " + WIDTH + " " + height),
                attr("width", "100%"), attr("style", "max-width:" + WIDTH + "px;font-family:system-ui,sans-serif"),
                attr("font-size", "13")), Html.join(parts));
    }

    private static Html rect(double x, double y, double w, double h, String fill, String label) {
        return el("rect", List.of(attr("x", num(x)), attr("y", num(y)), attr("width", num(w)), attr("height", num(h)),
                attr("rx", "3"), attr("fill", fill), attr("data-part", label)));
    }

    private static Html text(double x, double y, String anchor, String s) {
        return el("text", List.of(attr("x", num(x)), attr("y", num(y)), attr("text-anchor", anchor)), Html.text(s));
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
