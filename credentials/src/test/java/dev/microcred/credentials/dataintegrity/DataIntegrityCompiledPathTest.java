package dev.microcred.credentials.dataintegrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.credentials.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link DataIntegrity} on the compiled JSON-LD path against {@link DataIntegrity} forced through titanium: the same
 * signatures, and the same verification results (or the same error) for every signed document in the shared
 * folder.
 */
class DataIntegrityCompiledPathTest {
    private final DataIntegrity compiled = DataIntegrityTest.withCitizenship(true);
    private final DataIntegrity titanium = DataIntegrityTest.withCitizenship(false);

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void signaturesEqualTitaniums(Cryptosuite suite) {
        ProofOptions options = ProofOptions.of(suite, DataIntegrityRoundTripTest.METHOD)
                .withCreated(Instant.parse("2025-03-01T09:00:00Z"));
        for (ObjectNode document : List.of(DataIntegrityRoundTripTest.realistic(), DataIntegrityRoundTripTest.vc11())) {
            assertThat(compiled.sign(document, options, DataIntegrityRoundTripTest.KEY))
                    .isEqualTo(titanium.sign(document, options, DataIntegrityRoundTripTest.KEY));
        }
    }

    @Test
    void everySignedSharedDocumentVerifiesAsWithTitanium() {
        int documents = 0;
        int verified = 0;
        for (ObjectNode document : signedDocuments()) {
            String before = document.toString();
            Object expected = outcome(titanium, document);
            assertThat(outcome(compiled, document)).as("verification of %s", document).isEqualTo(expected);
            assertThat(document.toString()).as("verify leaves its input alone").isEqualTo(before);
            documents++;
            verified += expected instanceof VerificationResult r && r.verified() ? 1 : 0;
        }
        System.out.printf("Data Integrity compiled vs titanium: %d signed documents, %d verified%n", documents,
                verified);
        assertThat(documents).isGreaterThan(50);
        assertThat(verified).isGreaterThan(20);
    }

    private static Object outcome(DataIntegrity di, ObjectNode document) {
        try {
            return di.verify(document, KeyResolver.didKeyOnly());
        } catch (MicrocredException e) {
            return e.problem() + ": " + e.getMessage();
        }
    }

    private static List<ObjectNode> signedDocuments() {
        List<ObjectNode> documents = new ArrayList<>();
        for (Path dir : List.of(Shared.EDDSA.getParent(), Shared.OB3, Shared.ROOT.resolve("data/credentials"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    try {
                        collect(Json.parse(Files.readAllBytes(file)), 0, documents);
                    } catch (MicrocredException e) {
                        // not JSON: not a document
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return documents;
    }

    private static void collect(JsonNode node, int depth, List<ObjectNode> documents) {
        if (node.isObject() && node.has("@context") && node.has("proof")) {
            documents.add((ObjectNode) node);
        } else if (depth < 3 && node.isContainerNode()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                collect(fields.next().getValue(), depth + 1, documents);
            }
            if (node.isArray()) {
                node.forEach(element -> collect(element, depth + 1, documents));
            }
        }
    }
}
