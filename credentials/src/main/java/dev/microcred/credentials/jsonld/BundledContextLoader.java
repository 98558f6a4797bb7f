package dev.microcred.credentials.jsonld;

import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A titanium {@link DocumentLoader} that serves only the JSON-LD contexts bundled with microcred (listed, with
 * their sources and licences, in {@code dev/microcred/credentials/contexts/SOURCES.md}). Every context is parsed
 * once, when this class is loaded, and the same parsed document is served on every request. An unknown URL is
 * {@link Problem#UNKNOWN_CONTEXT}: microcred never fetches a context from the network.
 *
 * <p>Immutable and thread-safe. {@link #withContext} makes a new loader with an extra context pinned by the caller
 * (an operator's extension context, a test fixture).
 */
public final class BundledContextLoader implements DocumentLoader {
    private static final String RESOURCES = "/dev/microcred/credentials/contexts/";
    private static final BundledContextLoader STANDARD = new BundledContextLoader(loadIndex());

    private final Map<String, JsonDocument> documents;

    private BundledContextLoader(Map<String, JsonDocument> documents) {
        this.documents = Collections.unmodifiableMap(documents);
    }

    /** The loader with every context microcred bundles. */
    public static BundledContextLoader standard() {
        return STANDARD;
    }

    /**
     * A new loader that also serves {@code contextJson} (a JSON object with an {@code @context} member) as
     * {@code url}. A bundled URL cannot be replaced.
     */
    public BundledContextLoader withContext(String url, String contextJson) {
        Objects.requireNonNull(url, "url");
        if (documents.containsKey(url)) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "context already bundled: " + url);
        }
        Map<String, JsonDocument> copy = new HashMap<>(documents);
        copy.put(url, parse(url, contextJson.getBytes(StandardCharsets.UTF_8)));
        return new BundledContextLoader(copy);
    }

    /** The URLs this loader serves, sorted. */
    public Set<String> urls() {
        return Collections.unmodifiableSet(new TreeSet<>(documents.keySet()));
    }

    /** Whether {@code url} is served by this loader. */
    public boolean serves(String url) {
        return documents.containsKey(url);
    }

    /** The parsed context document for {@code url}, or {@link Problem#UNKNOWN_CONTEXT}. */
    public JsonDocument context(String url) {
        JsonDocument document = documents.get(url);
        if (document == null) {
            throw new MicrocredException(Problem.UNKNOWN_CONTEXT,
                    "unknown JSON-LD context: " + url + " (microcred never fetches contexts)");
        }
        return document;
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) {
        return context(url.toString());
    }

    private static Map<String, JsonDocument> loadIndex() {
        JsonObject index = parse(RESOURCES + "index.json", read("index.json")).getJsonContent()
                .orElseThrow().asJsonObject();
        Map<String, JsonDocument> documents = new HashMap<>();
        for (Map.Entry<String, JsonValue> entry : index.entrySet()) {
            String file = ((JsonString) entry.getValue()).getString();
            documents.put(entry.getKey(), parse(entry.getKey(), read(file)));
        }
        return documents;
    }

    private static byte[] read(String file) {
        try (InputStream in = BundledContextLoader.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled context resource missing: " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled context " + file, e);
        }
    }

    private static JsonDocument parse(String url, byte[] json) {
        try {
            JsonDocument document = JsonDocument.of(new ByteArrayInputStream(json));
            document.setDocumentUrl(URI.create(url));
            if (document.getJsonContent().isEmpty()
                    || document.getJsonContent().get().getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MicrocredException(Problem.MALFORMED_INPUT, "context " + url + " is not a JSON object");
            }
            return document;
        } catch (com.apicatalog.jsonld.JsonLdError e) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "context " + url + " is not JSON: " + e.getMessage(), e);
        }
    }
}
