package dev.microcred.credentials.testing;

import dev.microcred.credentials.SharedData;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.fetch.FetchedDocument;
import dev.microcred.credentials.fetch.Fetcher;
import dev.microcred.credentials.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A file-backed {@link Fetcher} for tests: serves every supporting document of
 * shared/data/credentials/manifest.json at the URL its {@code serves_url} names (the source test suites
 * map those URLs to the same files), plus extra files added with {@link #serve}. Unknown URLs answer 404,
 * as a web server would.
 */
public final class ManifestFetcher implements Fetcher {
    private final Map<String, Path> files = new HashMap<>();
    private final Map<String, Integer> statuses = new HashMap<>();
    private final Map<String, byte[]> bodies = new HashMap<>();

    public ManifestFetcher() {
        try {
            Path base = SharedData.path("data/credentials");
            JsonNode manifest = Json.parse(Files.readAllBytes(base.resolve("manifest.json")));
            for (JsonNode item : manifest.get("items")) {
                String url = item.path("serves_url").asText("");
                if (!url.isEmpty()) {
                    files.put(url, base.resolve(item.get("file").asText()));
                    // the 1EdTech OB 2.0 documents reference each other under http:// too
                    files.put(url.replaceFirst("^https://example\\.org/", "http://example.org/"),
                            base.resolve(item.get("file").asText()));
                }
                // a byte-identical copy served at a second URL is named in the note
                String note = item.path("note").asText("");
                int at = note.indexOf("also served at ");
                if (at >= 0) {
                    String rest = note.substring(at + "also served at ".length()).split("\\s")[0];
                    files.put(rest, base.resolve(item.get("file").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ManifestFetcher serve(String url, Path file) {
        files.put(url, file);
        return this;
    }

    /** Serves {@code body} at {@code url} (HTTP 200). */
    public ManifestFetcher serve(String url, byte[] body) {
        bodies.put(url, body.clone());
        return this;
    }

    public ManifestFetcher answer(String url, int status) {
        statuses.put(url, status);
        return this;
    }

    @Override
    public FetchedDocument fetch(URI uri) {
        String url = uri.toString();
        if (statuses.containsKey(url)) {
            return new FetchedDocument(uri, statuses.get(url), null, Bytes.of(new byte[0]));
        }
        if (bodies.containsKey(url)) {
            return new FetchedDocument(uri, 200, "application/json", Bytes.of(bodies.get(url)));
        }
        Path file = files.get(url);
        if (file == null) {
            return new FetchedDocument(uri, 404, null, Bytes.of(new byte[0]));
        }
        try {
            return new FetchedDocument(uri, 200, "application/json", Bytes.of(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new MicrocredException(Problem.FETCH_FAILED, "cannot read " + file, e);
        }
    }
}
