package dev.microcred.credentials.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The compiled JSON-LD → RDF path against titanium, document by document over {@link JsonLdCorpus}: where titanium
 * succeeds, the compiled path either declines or yields the same canonical N-Quads (RDFC-1.0) byte for byte; where
 * titanium fails, the compiled path declines and {@link JsonLdProcessor#toRdf} fails with titanium's problem and
 * message.
 */
class CompiledToRdfDifferentialTest {
    private final JsonLdProcessor processor = JsonLdCorpus.processor();
    private final JsonLdProcessor titanium = processor.titaniumOnly();

    /** The outcome of one document on one path: canonical N-Quads, or the error. */
    record Outcome(String nquads, String problem, String message) {
    }

    @Test
    void compiledPathEqualsTitaniumOnEveryDocument() {
        Map<String, ObjectNode> documents = JsonLdCorpus.documents();
        List<String> fast = new ArrayList<>();
        Map<String, String> fallback = new TreeMap<>();
        List<String> titaniumErrors = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> entry : documents.entrySet()) {
            String name = entry.getKey();
            ObjectNode document = entry.getValue();
            String before = document.toString();
            Outcome expected = outcome(titanium, document);
            String compiled = compiledCanonical(processor, document);
            assertThat(document.toString()).as("input unchanged: %s", name).isEqualTo(before);
            if (expected.nquads() == null) {
                titaniumErrors.add(name);
                assertThat(compiled).as("compiled path declines what titanium rejects: %s (%s)", name,
                        expected.message()).isNull();
                assertThat(outcome(processor, document)).as("same error: %s", name).isEqualTo(expected);
                continue;
            }
            if (compiled == null) {
                fallback.put(name, processor.compiledPathGap(document));
            } else {
                assertThat(compiled).as("canonical N-Quads of %s", name).isEqualTo(expected.nquads());
                fast.add(name);
            }
            assertThat(outcome(processor, document)).as("toRdf of %s", name).isEqualTo(expected);
        }
        System.out.printf("compiled JSON-LD path: %d documents, %d fast, %d fall back to titanium, "
                + "%d rejected by titanium (and declined)%n", documents.size(), fast.size(), fallback.size(),
                titaniumErrors.size());
        fallback.forEach((name, reason) -> System.out.printf("  fallback %s: %s%n", name, reason));
        assertThat(fast).as("documents on the compiled path").hasSizeGreaterThan(documents.size() / 2)
                .contains("ob3-realistic.json", "conformance-vectors/vc-di-eddsa/TestVectors/unsigned.json",
                        "conformance-vectors/open-badges-3.0/spec-examples/fullOpenBadge.json",
                        // VC 2.0 + Data Integrity v2 (ContextProcessing)
                        "data/credentials/blockcerts/v3--mocknet-vc-v2-data-integrity-proof.json");
    }

    static Outcome outcome(JsonLdProcessor processor, ObjectNode document) {
        RdfCanon canon = RdfCanon.create("SHA-256");
        try {
            processor.toRdf(document, canon);
        } catch (MicrocredException e) {
            return new Outcome(null, e.problem().name(), e.getMessage());
        }
        return new Outcome(write(canon), null, null);
    }

    /** The canonical N-Quads of the compiled path, or null when it declines the document. */
    static String compiledCanonical(JsonLdProcessor processor, ObjectNode document) {
        RdfCanon canon = RdfCanon.create("SHA-256");
        return processor.toRdfCompiled(document, canon) ? write(canon) : null;
    }

    static String write(RdfCanon canon) {
        StringWriter out = new StringWriter();
        try {
            canon.provide(new NQuadsWriter(out));
        } catch (RdfConsumerException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
