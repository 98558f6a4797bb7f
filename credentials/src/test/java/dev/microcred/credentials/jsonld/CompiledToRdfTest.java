package dev.microcred.credentials.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON-LD features the compiled path covers, one at a time, each on the compiled path and equal to titanium
 * (canonical N-Quads), and the features it leaves to titanium, each declined.
 */
class CompiledToRdfTest {
    private static final String VC2_EXAMPLES = "\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
            + "\"https://www.w3.org/ns/credentials/examples/v2\"],";
    private static final String VC2_OB = "\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
            + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],";
    private final JsonLdProcessor processor = JsonLdProcessor.standard();
    private final JsonLdProcessor titanium = processor.titaniumOnly();

    @ParameterizedTest
    @ValueSource(strings = {
        // numbers: integers, doubles in canonical xsd:double form, 1e21 and above, -0, big integers
        "{" + VC2_EXAMPLES + "\"id\":\"urn:x:1\",\"n\":[1,1.5,1e21,1E+21,-0,0.1,2.5e-7,1.0,-12,"
                + "123456789012345678901234567890,1.25e300]}",
        // the node map keeps each value once as JSON: 1 and 1.0 are two values with one lexical form
        "{" + VC2_EXAMPLES + "\"id\":\"urn:x:1\",\"n\":[1,1,1.0,1.00,\"1\",true,\"true\",false]}",
        // strings: unicode, escapes, empty
        "{" + VC2_EXAMPLES + "\"name\":[\"naïve 🎓\",\"e\\u0301\",\"tab\\tquote\\\"\",\"\"]}",
        // value objects with and without datatypes, null values dropped
        "{" + VC2_EXAMPLES + "\"d\":{\"@value\":\"2024-01-01\",\"@type\":\"http://www.w3.org/2001/XMLSchema#date\"},"
                + "\"e\":{\"@value\":7},\"f\":{\"@value\":null},\"g\":null,"
                + "\"h\":{\"@value\":true,\"@type\":\"http://www.w3.org/2001/XMLSchema#boolean\"},\"i\":true}",
        // @json: JCS canonical form, rdf:JSON
        "{" + VC2_EXAMPLES + "\"type\":\"VerifiableCredential\",\"credentialSchema\":{\"id\":\"https://e.org/s\","
                + "\"type\":\"JsonSchema\",\"jsonSchema\":{\"b\":[1,2.50,\"x\"],\"a\":{\"z\":null,\"y\":true}}}}",
        // lists: @list objects, lists of lists, empty lists, @set objects
        "{" + VC2_EXAMPLES + "\"l\":{\"@list\":[1,{\"@list\":[\"a\"]},{\"id\":\"urn:x:2\",\"name\":\"n\"}]},"
                + "\"m\":{\"@list\":[]},\"s\":{\"@set\":[\"a\",\"a\",\"b\"]}}",
        // @container @list in the OB context
        "{" + VC2_OB + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"credentialSubject\":{"
                + "\"type\":\"AchievementSubject\",\"achievement\":{\"id\":\"urn:a:1\",\"type\":\"Achievement\","
                + "\"resultDescription\":[{\"id\":\"urn:r:1\",\"type\":\"ResultDescription\",\"name\":\"g\","
                + "\"resultType\":\"LetterGrade\",\"allowedValue\":[\"A\",\"B\",\"A\"]}]}}}",
        // blank node identifiers: shared, merged, as types and objects
        "{" + VC2_EXAMPLES + "\"id\":\"_:a\",\"knows\":[{\"id\":\"_:b\",\"name\":\"x\"},{\"id\":\"_:b\",\"age\":3},"
                + "{\"id\":\"_:a\"}],\"type\":\"_:t\"}",
        // @graph: top-level only-@graph, named graphs, the proof @graph container
        "{" + VC2_EXAMPLES + "\"@graph\":[{\"id\":\"urn:g:1\",\"name\":\"a\"},{\"name\":\"b\"}]}",
        "{" + VC2_EXAMPLES + "\"id\":\"urn:g:0\",\"@graph\":[{\"id\":\"urn:g:1\",\"name\":\"a\"}]}",
        "{" + VC2_EXAMPLES + "\"type\":\"VerifiableCredential\",\"proof\":[{\"type\":\"DataIntegrityProof\","
                + "\"cryptosuite\":\"eddsa-rdfc-2022\",\"proofPurpose\":\"assertionMethod\","
                + "\"created\":\"2024-01-01T00:00:00Z\",\"verificationMethod\":\"did:key:z6Mk#z6Mk\"},"
                + "{\"type\":\"DataIntegrityProof\",\"cryptosuite\":\"eddsa-jcs-2022\"}]}",
        // an empty @type array keeps the only-@graph object a node
        "{" + VC2_EXAMPLES + "\"type\":[],\"@graph\":[{\"id\":\"urn:g:1\",\"name\":\"a\"}]}",
        // type-scoped contexts revert in nested nodes; a property-scoped context applies to scalars too
        "{" + VC2_OB + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"issuer\":"
                + "\"https://e.org/i\",\"credentialSubject\":{\"type\":[\"AchievementSubject\"],\"achievement\":"
                + "\"https://e.org/a\"}}",
        // a list object in a node with a type-scoped context reverts: its items are not coerced by the scoped term
        "{" + VC2_EXAMPLES + "\"type\":\"DataIntegrityProof\",\"created\":{\"@list\":[1,\"a\"]},"
                + "\"expires\":{\"@set\":[\"2030-01-01T00:00:00Z\"]}}",
        // an embedded context in a nested node
        "{" + VC2_EXAMPLES + "\"child\":{\"@context\":{\"nick\":\"https://e.org/nick\"},\"nick\":\"n\"}}"})
    void compiledPathEqualsTitanium(String json) {
        ObjectNode document = Json.parseObject(json);
        CompiledToRdfDifferentialTest.Outcome expected = CompiledToRdfDifferentialTest.outcome(titanium, document);
        assertThat(expected.nquads()).as("titanium processes it: %s", expected.message()).isNotNull();
        assertThat(processor.compiledPathGap(document)).isNull();
        assertThat(CompiledToRdfDifferentialTest.compiledCanonical(processor, document)).isEqualTo(expected.nquads());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{" + VC2_EXAMPLES + "\"name\":{\"@value\":\"x\",\"@language\":\"en\"}}",
        "{" + VC2_EXAMPLES + "\"@reverse\":{\"https://e.org/p\":{\"id\":\"urn:x:9\"}}}",
        "{" + VC2_EXAMPLES + "\"@included\":[{\"id\":\"urn:x:9\",\"name\":\"a\"}]}",
        "{\"@context\":{\"@base\":\"https://e.org/\",\"name\":\"https://e.org/name\"},\"@id\":\"x\",\"name\":\"n\"}",
        "{\"@context\":{\"@language\":\"en\",\"name\":\"https://e.org/name\"},\"name\":\"n\"}",
        "{\"@context\":{\"m\":{\"@id\":\"https://e.org/m\",\"@container\":\"@language\"}},\"m\":{\"en\":\"x\"}}",
        "{\"@context\":{\"_:p\":\"_:p\",\"q\":\"_:q\"},\"q\":\"blank node property\"}"})
    void featuresLeftToTitaniumAreDeclinedAndStillProcessed(String json) {
        ObjectNode document = Json.parseObject(json);
        assertThat(processor.compiledPathGap(document)).isNotNull();
        assertThat(CompiledToRdfDifferentialTest.outcome(processor, document))
                .isEqualTo(CompiledToRdfDifferentialTest.outcome(titanium, document));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{" + VC2_OB + "\"type\":\"VerifiableCredential\",\"shoeSize\":44}",
        "{" + VC2_OB + "\"type\":\"VerifiableCredential\",\"issuer\":\"issuers/1\"}",
        "{" + VC2_OB + "\"type\":[\"VerifiableCredential\",\"MadeUp\"]}",
        "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",{\"name\":\"https://evil.example/name\"}],"
                + "\"name\":\"x\"}",
        "{\"@context\":[\"https://example.org/not-bundled\"],\"name\":\"x\"}",
        "{" + VC2_EXAMPLES + "\"id\":\"https://e.org/a b\"}",
        "{" + VC2_EXAMPLES + "\"id\":\"https://e.org/%zz\",\"name\":\"x\"}"})
    void documentsTitaniumRejectsAreDeclinedWithTitaniumsError(String json) {
        ObjectNode document = Json.parseObject(json);
        CompiledToRdfDifferentialTest.Outcome expected = CompiledToRdfDifferentialTest.outcome(titanium, document);
        assertThat(CompiledToRdfDifferentialTest.compiledCanonical(processor, document)).isNull();
        assertThat(CompiledToRdfDifferentialTest.outcome(processor, document)).isEqualTo(expected);
    }

    /** A fresh processor used from several threads at once: contexts built concurrently, every result titanium's. */
    @Test
    void concurrentUseOfAFreshProcessorGivesTitaniumsResult() throws Exception {
        JsonLdProcessor fresh = JsonLdCorpus.processor();
        List<ObjectNode> documents = new ArrayList<>(JsonLdCorpus.documents().values());
        List<String> expected = new ArrayList<>();
        for (ObjectNode document : documents) {
            expected.add(String.valueOf(CompiledToRdfDifferentialTest.outcome(fresh.titaniumOnly(), document)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<String> results = new ArrayList<>();
                    for (int round = 0; round < 3; round++) {
                        results.clear();
                        for (ObjectNode document : documents) {
                            results.add(String.valueOf(CompiledToRdfDifferentialTest.outcome(fresh, document)));
                        }
                    }
                    return results;
                }));
            }
            for (Future<List<String>> run : runs) {
                List<String> results = run.get();
                for (int i = 0; i < documents.size(); i++) {
                    assertThat(results.get(i)).as("document %d: %s", i, documents.get(i)).isEqualTo(expected.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
