package dev.microcred.server.web;

import dev.microcred.core.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A script of this package, put inline in a page and allowed by its SHA-256 in that page's Content-Security-Policy
 * (CSP Level 3 §8.4, hash-source): the pages stay without any script by default, and a page that needs one names
 * exactly it. Immutable.
 */
public final class InlineScript {
    /** The console's bulk job page: live progress from the job's event stream. */
    public static final InlineScript BULK_PROGRESS = load("bulk-progress.js", "connect-src 'self'");

    private final String source;
    private final String hash;
    private final String extraPolicy;

    private InlineScript(String source, String extraPolicy) {
        if (source.toLowerCase(Locale.ROOT).contains("</script")) {
            throw new IllegalArgumentException("an inline script cannot contain </script");
        }
        this.source = source;
        this.hash = Base64.getEncoder().encodeToString(sha256(source));
        this.extraPolicy = extraPolicy;
    }

    private static InlineScript load(String resource, String extraPolicy) {
        try (InputStream in = InlineScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new InlineScript(new String(in.readAllBytes(), StandardCharsets.UTF_8), extraPolicy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(String s) {
        return Sha256.digest(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code <script>} element. */
    public Html element() {
        return Html.trusted("<script>" + source + "</script>");
    }

    /** The pages' policy, allowing this script (and what it needs, such as {@code connect-src 'self'}). */
    public String contentSecurityPolicy() {
        return Layout.CONTENT_SECURITY_POLICY + "; script-src 'sha256-" + hash + "'; " + extraPolicy;
    }
}
