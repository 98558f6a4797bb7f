package dev.microcred.server.net;

import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.fetch.FetchedDocument;
import dev.microcred.credentials.fetch.Fetcher;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * The only way microcred reaches the network during verification: HTTPS only, to public addresses only
 * (no loopback, private, link-local, multicast or unique-local addresses), at most {@link #MAX_BYTES}
 * bytes, {@link #TIMEOUT} per request, at most {@link #MAX_REDIRECTS} redirects, each checked again.
 * Thread-safe.
 *
 * <p>The host is resolved and checked before each request; a resolver that answers differently for the
 * connection itself (DNS rebinding) is not caught here.
 */
public final class GuardedHttpFetcher implements Fetcher {
    public static final int MAX_BYTES = 1 << 20;
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    public static final int MAX_REDIRECTS = 3;

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Override
    public FetchedDocument fetch(URI uri) {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            check(current);
            HttpRequest request = HttpRequest.newBuilder(current)
                    .timeout(TIMEOUT)
                    .header("Accept", "application/ld+json, application/json;q=0.9, */*;q=0.1")
                    .header("User-Agent", "microcred-verifier")
                    .GET().build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new MicrocredException(Problem.FETCH_FAILED, "cannot fetch " + current + ": "
                        + oneLine(String.valueOf(e.getMessage())), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MicrocredException(Problem.FETCH_FAILED, "interrupted while fetching " + current, e);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                closeQuietly(response.body());
                current = current.resolve(response.headers().firstValue("Location").get());
                continue;
            }
            try (InputStream body = response.body()) {
                byte[] data = body.readNBytes(MAX_BYTES + 1);
                if (data.length > MAX_BYTES) {
                    throw new MicrocredException(Problem.FETCH_REFUSED,
                            current + " answered more than " + MAX_BYTES + " bytes");
                }
                return new FetchedDocument(current, status,
                        response.headers().firstValue("Content-Type").orElse(null), Bytes.of(data));
            } catch (IOException e) {
                throw new MicrocredException(Problem.FETCH_FAILED, "cannot read " + current, e);
            }
        }
        throw new MicrocredException(Problem.FETCH_REFUSED, "more than " + MAX_REDIRECTS + " redirects from " + uri);
    }

    /** Refuses anything but HTTPS to a public address. */
    public static void check(URI uri) {
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new MicrocredException(Problem.FETCH_REFUSED, "refusing to fetch a non-HTTPS URL: " + uri);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new MicrocredException(Problem.FETCH_REFUSED, "URL without a host: " + uri);
        }
        if (host.toLowerCase(Locale.ROOT).equals("localhost") || host.endsWith(".localhost")) {
            throw new MicrocredException(Problem.FETCH_REFUSED, "refusing to fetch from " + host);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new MicrocredException(Problem.FETCH_FAILED, "cannot resolve host " + host, e);
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                throw new MicrocredException(Problem.FETCH_REFUSED,
                        "refusing to fetch from a non-public address (" + host + ")");
            }
        }
    }

    public static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xFE) != 0xFC; // fc00::/7 unique local
        }
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        return !(first == 0 || first == 100 && second >= 64 && second < 128 // 100.64/10 shared address space
                || first == 169 && second == 254 || first >= 224);
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the redirect's body is discarded
        }
    }
}
