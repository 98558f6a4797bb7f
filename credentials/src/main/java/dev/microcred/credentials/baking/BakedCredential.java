package dev.microcred.credentials.baking;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A credential found in (or to be baked into) a badge image.
 *
 * @param spec which specification's keyword or element carried it
 * @param format how the text is to be read: a JSON document, a compact JWS, or (OB 2.0 only) the URL of a
 *     hosted assertion
 * @param text the embedded text, never null or blank
 */
public record BakedCredential(Spec spec, Format format, String text) {
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    /** The specification that defines the embedding, and the PNG keyword it uses. */
    public enum Spec {
        /** Open Badges 3.0: PNG keyword {@code openbadgecredential}, SVG {@code <openbadges:credential>}. */
        OB3("openbadgecredential"),
        /** Open Badges 2.0: PNG keyword {@code openbadges}, SVG {@code <openbadges:assertion>}. */
        OB2("openbadges"),
        /** CLR 2.0: PNG keyword {@code clrcredential}, SVG {@code <clrcredential:credential>}. */
        CLR("clrcredential");

        private final String pngKeyword;

        Spec(String pngKeyword) {
            this.pngKeyword = pngKeyword;
        }

        public String pngKeyword() {
            return pngKeyword;
        }

        /** The spec whose PNG keyword is {@code keyword}, or null. */
        static Spec ofPngKeyword(String keyword) {
            for (Spec s : values()) {
                if (s.pngKeyword.equals(keyword)) {
                    return s;
                }
            }
            return null;
        }
    }

    /** The form of the embedded text. */
    public enum Format {
        JSON, JWS, URL
    }

    public BakedCredential {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("text is blank");
        }
    }

    /**
     * The credential {@code text} with its format recognised: JSON (starts with {@code {}), compact JWS, or a URL
     * (OB 2.0 hosted assertions only).
     *
     * @throws MicrocredException {@code MALFORMED_INPUT} when the text is none of these
     */
    public static BakedCredential of(Spec spec, String text) {
        String t = text.strip();
        if (t.startsWith("{")) {
            return new BakedCredential(spec, Format.JSON, t);
        }
        if (COMPACT_JWS.matcher(t).matches()) {
            return new BakedCredential(spec, Format.JWS, t);
        }
        if (spec == Spec.OB2 && (t.startsWith("https://") || t.startsWith("http://"))) {
            return new BakedCredential(spec, Format.URL, t);
        }
        throw new MicrocredException(Problem.MALFORMED_INPUT,
                "baked " + spec + " credential is neither JSON nor a compact JWS" + (spec == Spec.OB2 ? " nor a URL" : ""));
    }
}
