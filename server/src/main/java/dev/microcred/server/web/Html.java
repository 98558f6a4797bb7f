package dev.microcred.server.web;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fragment of HTML that is safe by construction: {@link #text} escapes, {@link #el} takes tag and attribute names
 * that must be plain identifiers and escapes attribute values, and {@link #trusted} (package-private) is kept for
 * constants of this package such as the stylesheet. Immutable.
 */
public final class Html {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Html EMPTY = new Html("");
    private final String markup;

    private Html(String markup) {
        this.markup = markup;
    }

    /** Escaped text. */
    public static Html text(String text) {
        return new Html(escape(text == null ? "" : text));
    }

    public static Html empty() {
        return EMPTY;
    }

    /** Markup written in this package (constants), never data. */
    static Html trusted(String markup) {
        return new Html(markup);
    }

    /** An attribute for {@link #el}: name (a plain identifier) and value (escaped). A null value omits it. */
    public record Attr(String name, String value) {
        public Attr {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not an attribute name: " + name);
            }
        }
    }

    public static Attr attr(String name, String value) {
        return new Attr(name, value);
    }

    /** An element with attributes and children. */
    public static Html el(String tag, List<Attr> attrs, Html... children) {
        if (!NAME.matcher(tag).matches()) {
            throw new IllegalArgumentException("not a tag name: " + tag);
        }
        StringBuilder out = new StringBuilder().append('<').append(tag);
        for (Attr a : attrs) {
            if (a.value() != null) {
                out.append(' ').append(a.name()).append("=\"").append(escape(a.value())).append('"');
            }
        }
        out.append('>');
        if (isVoid(tag)) {
            return new Html(out.toString());
        }
        for (Html child : children) {
            out.append(Objects.requireNonNull(child, "child").markup);
        }
        return new Html(out.append("</").append(tag).append('>').toString());
    }

    /** An element without attributes. */
    public static Html el(String tag, Html... children) {
        return el(tag, List.of(), children);
    }

    /** An element holding escaped text. */
    public static Html el(String tag, String text) {
        return el(tag, List.of(), text(text));
    }

    public static Html join(List<Html> parts) {
        StringBuilder out = new StringBuilder();
        parts.forEach(p -> out.append(p.markup));
        return new Html(out.toString());
    }

    public static Html join(Html... parts) {
        return join(List.of(parts));
    }

    private static boolean isVoid(String tag) {
        return switch (tag) {
            case "br", "hr", "img", "input", "meta", "link" -> true;
            default -> false;
        };
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The markup. */
    public String render() {
        return markup;
    }

    @Override
    public String toString() {
        return markup;
    }
}
