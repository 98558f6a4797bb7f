package dev.microcred.cli.audit;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads the resources of one log over HTTP: {@code <base>/checkpoint}, {@code <base>/tile/...}. HTTPS only,
 * except plain HTTP to a loopback address (a local log, tests); no redirects; every read limited in bytes and
 * time. Thread-safe.
 */
public final class TileClient {
    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    private TileClient(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A client of the log at {@code url} (its tlog-tiles prefix), after checking the scheme and address. */
    public static TileClient of(String url, Duration timeout) {
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url : url + "/");
        } catch (IllegalArgumentException e) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the log URL is https://host/prefix: " + url);
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw new MicrocredException(Problem.FETCH_REFUSED,
                    "refusing plain HTTP to " + uri.getHost() + ": use HTTPS (plain HTTP is for loopback addresses)");
        }
        return new TileClient(uri, timeout);
    }

    private static boolean loopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host.replace("[", "").replace("]", ""));
            for (InetAddress a : addresses) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public URI base() {
        return base;
    }

    /** The bytes at {@code path} under the log prefix, at most {@code maxBytes}; 404 and other failures throw. */
    public byte[] get(String path, int maxBytes) {
        URI uri = base.resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("User-Agent", "microcred-tlog-audit").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new MicrocredException(Problem.FETCH_FAILED, "cannot fetch " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MicrocredException(Problem.FETCH_FAILED, "interrupted while fetching " + uri, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new MicrocredException(Problem.FETCH_FAILED, uri + " answered " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new MicrocredException(Problem.FETCH_REFUSED, uri + " is over " + maxBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new MicrocredException(Problem.FETCH_FAILED, "cannot read " + uri + ": " + e.getMessage(), e);
        }
    }
}
