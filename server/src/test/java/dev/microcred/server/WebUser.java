package dev.microcred.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser for tests without a browser: keeps cookies, never follows redirects, finds the CSRF token in
 * the pages it gets and sends it back with the forms it posts.
 */
final class WebUser {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private final String base;
    private String csrf = "";

    private final boolean browser;

    WebUser(String base) {
        this(base, true);
    }

    /** @param browser whether requests say {@code Accept: text/html} (a browser) or nothing (a script) */
    WebUser(String base, boolean browser) {
        this.base = base;
        this.browser = browser;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in through the sign-in form; fails the test when that does not redirect. */
    static WebUser signedIn(String base, String email, String password) {
        return signedIn(base, email, password, true);
    }

    /** Signs in; {@code browser} as for {@link #WebUser(String, boolean)}. */
    static WebUser signedIn(String base, String email, String password, boolean browser) {
        WebUser u = new WebUser(base, browser);
        u.get("/login");
        Http.Response r = u.post("/login", Map.of("email", email, "password", password));
        if (r.status() != 303) {
            throw new AssertionError("sign-in of a test account failed: " + r.status());
        }
        u.get("/account");
        return u;
    }

    String csrf() {
        return csrf;
    }

    Http.Response get(String path) {
        return send(request(path).GET().build());
    }

    /** Posts a form with the current CSRF token (unless {@code fields} has one). */
    Http.Response post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("csrf", csrf);
        all.putAll(fields);
        StringJoiner body = new StringJoiner("&");
        all.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** GETs {@code path} keeping the body as bytes (images). */
    HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request to {@code path} with this user's Accept header. */
    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        return browser ? b.header("Accept", "text/html") : b;
    }

    Http.Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return new Http.Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
