package dev.microcred.credentials.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.credentials.dataintegrity.RdfCanonicalization;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link RdfCanonicalization} (first-degree path, titanium-rdfc otherwise) against titanium-rdfc alone on the
 * datasets of every document of {@link JsonLdCorpus} that titanium's JSON-LD accepts: the same canonical N-Quads byte
 * for byte.
 */
class CanonicalNQuadsDifferentialTest {
    private final JsonLdProcessor processor = JsonLdCorpus.processor();

    @Test
    void equalsTitaniumOnEveryCorpusDocument() {
        int compared = 0;
        for (Map.Entry<String, ObjectNode> entry : JsonLdCorpus.documents().entrySet()) {
            ObjectNode document = entry.getValue();
            RdfCanon canon = RdfCanon.create("SHA-256");
            try {
                processor.toRdf(document, canon);
            } catch (MicrocredException e) {
                continue;
            }
            StringWriter expected = new StringWriter();
            try {
                canon.provide(new NQuadsWriter(expected));
            } catch (RdfConsumerException e) {
                throw new IllegalStateException(e);
            }
            String actual = RdfCanonicalization.canonicalize(quads -> processor.toRdf(document, quads));
            assertThat(actual).as("canonical N-Quads of %s", entry.getKey()).isEqualTo(expected.toString());
            compared++;
        }
        assertThat(compared).as("documents compared").isGreaterThan(200);
    }
}
