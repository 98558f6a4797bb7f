package dev.microcred.credentials;

import dev.microcred.core.Bytes;
import dev.microcred.credentials.fetch.FetchedDocument;
import dev.microcred.credentials.fetch.Fetcher;
import dev.microcred.credentials.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The shared folder of datasets and conformance vectors (system property {@code microcred.shared}). */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        String dir = System.getProperty("microcred.shared", "../../shared");
        return Path.of(dir);
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String relative) {
        return new String(bytes(relative), StandardCharsets.UTF_8);
    }

    public static ObjectNode json(String relative) {
        return Json.parseObject(bytes(relative));
    }

    /** The credential-samples manifest ({@code data/credentials/manifest.json}). */
    public static ObjectNode manifest() {
        return json("data/credentials/manifest.json");
    }

    /**
     * A real file-backed {@link Fetcher}: serves every manifest item that has a {@code serves_url} from its file
     * in the shared folder (HTTP 200), plus any extra URL → file mappings given; anything else is HTTP 404.
     */
    public static Fetcher manifestFetcher(Map<String, String> extra) {
        Map<String, String> urls = new HashMap<>();
        for (JsonNode item : manifest().get("items")) {
            if (item.hasNonNull("serves_url")) {
                urls.put(item.get("serves_url").asText(), "data/credentials/" + item.get("file").asText());
            }
        }
        urls.putAll(extra);
        return uri -> {
            String file = urls.get(uri.toString());
            if (file == null) {
                return new FetchedDocument(uri, 404, "text/plain", Bytes.of("not found".getBytes(StandardCharsets.UTF_8)));
            }
            String type = file.endsWith(".png") ? "image/png" : "application/json";
            return new FetchedDocument(uri, 200, type, Bytes.of(bytes(file)));
        };
    }

    public static URI uri(String text) {
        return URI.create(text);
    }
}
