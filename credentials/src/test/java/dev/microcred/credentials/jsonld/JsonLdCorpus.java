package dev.microcred.credentials.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.credentials.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every JSON-LD document microcred has, by name: the W3C vc-di-eddsa vectors, the OB 3.0 spec examples and
 * validator samples, every JSON file under data/credentials (bundles opened member by member), the realistic OB 3.0
 * fixture. A signed document appears twice: as it is (its proof is a {@code @graph} container) and without its
 * proof (what a signature covers).
 */
final class JsonLdCorpus {
    static final Path SHARED = Path.of(System.getProperty("microcred.shared", "../../shared"));
    static final String CITIZENSHIP = "https://w3id.org/citizenship/v4rc1";

    private JsonLdCorpus() {
    }

    /** The bundled contexts plus the citizenship context the employment vectors need (a test fixture). */
    static JsonLdProcessor processor() {
        try {
            return new JsonLdProcessor(BundledContextLoader.standard().withContext(CITIZENSHIP, Files.readString(
                    SHARED.resolve("conformance-vectors/vc-di-eddsa/contexts/citizenship-v4rc1.jsonld"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, ObjectNode> documents() {
        Map<String, ObjectNode> documents = new LinkedHashMap<>();
        for (String dir : List.of("conformance-vectors/vc-di-eddsa", "conformance-vectors/open-badges-3.0/spec-examples",
                "conformance-vectors/open-badges-3.0/validator-samples", "data/credentials")) {
            for (Path file : jsonFiles(SHARED.resolve(dir))) {
                JsonNode root;
                try {
                    root = Json.parse(Files.readAllBytes(file));
                } catch (MicrocredException | IOException e) {
                    continue; // not JSON (a JWT sample, a PNG): not a JSON-LD document
                }
                collect(SHARED.relativize(file).toString(), root, 0, documents);
            }
        }
        try (InputStream in = JsonLdCorpus.class.getResourceAsStream(
                "/dev/microcred/credentials/dataintegrity/ob3-realistic.json")) {
            collect("ob3-realistic.json", Json.parse(in.readAllBytes()), 0, documents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    private static void collect(String name, JsonNode node, int depth, Map<String, ObjectNode> documents) {
        if (node.isObject() && node.has("@context")) {
            documents.put(name, (ObjectNode) node);
            if (node.has("proof")) {
                ObjectNode unsecured = ((ObjectNode) node).deepCopy();
                unsecured.remove("proof");
                documents.put(name + " (without proof)", unsecured);
            }
            return;
        }
        if (depth < 3 && (node.isObject() || node.isArray())) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            int i = 0;
            if (node.isArray()) {
                for (JsonNode element : node) {
                    collect(name + "[" + i++ + "]", element, depth + 1, documents);
                }
            }
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(name + "/" + field.getKey(), field.getValue(), depth + 1, documents);
            }
        }
    }

    private static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> list = new ArrayList<>();
            files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".jsonld"))
                    .filter(Files::isRegularFile).sorted().forEach(list::add);
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
