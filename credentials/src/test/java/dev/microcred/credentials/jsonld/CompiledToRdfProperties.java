package dev.microcred.credentials.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Law: for every document of {@link JsonLdCorpus} that titanium processes, changed by a few random mutations
 * (values replaced by numbers such as 1, 1.5, 1e21, -0, by unicode strings, booleans, null; array elements added,
 * duplicated and removed; nested objects; {@code @id} and {@code type} values, good and bad; undefined terms;
 * value, list and set objects), the compiled path yields titanium's canonical N-Quads or declines, and
 * {@link JsonLdProcessor#toRdf} yields titanium's result or titanium's error (same problem, same message).
 */
class CompiledToRdfProperties {
    private static final JsonLdProcessor PROCESSOR = JsonLdCorpus.processor();
    private static final JsonLdProcessor TITANIUM = PROCESSOR.titaniumOnly();
    private static final List<ObjectNode> DOCUMENTS = processable();
    private static final List<String> SCALARS = List.of("1", "1.5", "1e21", "-0", "0.1", "1.0", "-7",
            "123456789012345678901234567890", "2.5e-7", "1E+2", "true", "false", "null", "\"\"",
            "\"naïve café — 🎓 \\u00e9\\u0301 \\\\ \\\" \\n\"", "\"2024-01-01T00:00:00Z\"", "\"https://example.org/x\"",
            "\"urn:uuid:0f0e\"", "\"relative/path\"", "\"_:b7\"", "\"Achievement\"");
    private static final List<String> IDS = List.of("\"https://example.org/things/1\"", "\"urn:uuid:3c1a\"",
            "\"did:example:abc#key-1\"", "\"_:b1\"", "\"_:b1\"", "\"relative/1\"", "\"https://example.org/a b\"",
            "\"https://example.org/%zz\"", "\"@nonsense\"", "42", "\"\"");
    private static final List<String> TYPES = List.of("\"Achievement\"", "[\"Achievement\",\"Criteria\"]",
            "\"Profile\"", "[]", "\"MadeUpType\"", "[\"VerifiableCredential\",\"OpenBadgeCredential\"]",
            "\"https://example.org/types#T\"", "\"_:t1\"", "\"xsd:string\"", "7");
    private static final List<String> OBJECTS = List.of("{}", "{\"id\":\"https://example.org/n/1\"}",
            "{\"type\":\"Achievement\",\"name\":\"n\"}", "{\"@value\":\"2024-01-01T00:00:00Z\","
                    + "\"@type\":\"http://www.w3.org/2001/XMLSchema#dateTime\"}", "{\"@value\":5}",
            "{\"@value\":null}", "{\"@list\":[1,\"a\",{\"id\":\"https://example.org/l\"}]}", "{\"@list\":[]}",
            "{\"@set\":[\"a\",\"a\"]}", "{\"@value\":\"x\",\"@language\":\"en\"}", "{\"@id\":\"https://example.org/r\"}",
            "{\"@value\":{\"a\":1}}", "{\"@value\":true,\"@type\":\"http://www.w3.org/2001/XMLSchema#boolean\"}",
            "[1,1.0,1.00,1e0,\"1\"]", "[true,\"true\"]", "[[1,2],[3]]", "[]", "{\"@graph\":[{\"id\":\"urn:x:1\"}]}",
            "{\"shoeSize\":44}", "[{\"id\":\"_:b1\",\"name\":\"a\"},{\"id\":\"_:b1\",\"name\":\"a\"}]");

    private static int fast;
    private static int total;

    /** One change: what to do, where (an index into the document's containers), with what (an index). */
    record Mutation(int kind, int where, int what) {
    }

    @Property(tries = 400)
    void compiledPathEqualsTitaniumOnMutatedDocuments(@ForAll("documentIndex") int index,
                                                      @ForAll @Size(min = 1, max = 3) List<@net.jqwik.api.From(
                                                              "mutations") Mutation> mutations) {
        ObjectNode document = DOCUMENTS.get(index).deepCopy();
        for (Mutation mutation : mutations) {
            apply(document, mutation);
        }
        CompiledToRdfDifferentialTest.Outcome expected = CompiledToRdfDifferentialTest.outcome(TITANIUM, document);
        String compiled = CompiledToRdfDifferentialTest.compiledCanonical(PROCESSOR, document);
        if (expected.nquads() == null) {
            assertThat(compiled).as("compiled path declines what titanium rejects (%s): %s", expected.message(),
                    document).isNull();
        } else if (compiled != null) {
            assertThat(compiled).as("canonical N-Quads of %s", document).isEqualTo(expected.nquads());
        }
        assertThat(CompiledToRdfDifferentialTest.outcome(PROCESSOR, document)).as("toRdf of %s", document)
                .isEqualTo(expected);
        String path = compiled != null ? "fast" : expected.nquads() == null ? "rejected by titanium" : "fallback";
        Statistics.collect(path);
        synchronized (CompiledToRdfProperties.class) {
            total++;
            fast += compiled != null ? 1 : 0;
        }
    }

    @AfterContainer
    static void someMutatedDocumentsTookTheCompiledPath() {
        // the law above holds vacuously if every document fell back: make sure the compiled path was exercised
        assertThat(fast).as("mutated documents on the compiled path, of %d", total).isGreaterThan(total / 4);
    }

    @Provide
    Arbitrary<Integer> documentIndex() {
        return Arbitraries.integers().between(0, DOCUMENTS.size() - 1);
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 10_000)).as(Mutation::new);
    }

    private static void apply(ObjectNode document, Mutation mutation) {
        List<JsonNode> containers = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>();
        containers(document, containers, keys);
        JsonNode target = containers.get(mutation.where() % containers.size());
        int what = mutation.what();
        List<String> knownKeys = keys.isEmpty() ? List.of("name") : new ArrayList<>(keys);
        if (target.isArray()) {
            ArrayNode array = (ArrayNode) target;
            switch (mutation.kind() % 3) {
                case 0 -> array.add(Json.parse(pick(SCALARS, what)));
                case 1 -> {
                    if (!array.isEmpty()) {
                        array.add(array.get(what % array.size()).deepCopy()); // a duplicate
                    }
                }
                default -> {
                    if (!array.isEmpty()) {
                        array.remove(what % array.size());
                    }
                }
            }
            return;
        }
        ObjectNode object = (ObjectNode) target;
        List<String> members = new ArrayList<>();
        object.fieldNames().forEachRemaining(k -> {
            if (!k.equals("@context")) {
                members.add(k);
            }
        });
        String member = members.isEmpty() ? pick(knownKeys, what) : members.get(what % members.size());
        switch (mutation.kind()) {
            case 0 -> object.set(member, Json.parse(pick(SCALARS, what / 7)));
            case 1 -> object.set(member, Json.parse(pick(OBJECTS, what / 7)));
            case 2 -> object.remove(member);
            case 3 -> object.set("id", Json.parse(pick(IDS, what)));
            case 4 -> object.set("type", Json.parse(pick(TYPES, what)));
            case 5 -> object.put(pick(List.of("shoeSize", "favouriteColour", "ex:extra", "https://example.org/p",
                    "_:p"), what), "injected");
            case 6 -> object.set(pick(knownKeys, what), Json.parse(pick(SCALARS, what / 11)));
            case 7 -> object.set(pick(knownKeys, what), Json.parse(pick(OBJECTS, what / 11)));
            case 8 -> {
                JsonNode value = object.get(member);
                if (value != null && !value.isArray()) {
                    object.set(member, Json.mapper().createArrayNode().add(value.deepCopy()).add(value.deepCopy()));
                }
            }
            default -> {
                ObjectNode nested = Json.object();
                nested.set(pick(knownKeys, what), Json.parse(pick(SCALARS, what / 13)));
                object.set(member, nested);
            }
        }
    }

    private static void containers(JsonNode node, List<JsonNode> containers, TreeSet<String> keys) {
        if (node.isObject()) {
            containers.add(node);
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getKey().equals("@context")) {
                    keys.add(field.getKey());
                    containers(field.getValue(), containers, keys);
                }
            }
        } else if (node.isArray()) {
            containers.add(node);
            for (JsonNode element : node) {
                containers(element, containers, keys);
            }
        }
    }

    private static String pick(List<String> values, int index) {
        return values.get(Math.floorMod(index, values.size()));
    }

    private static List<ObjectNode> processable() {
        List<ObjectNode> documents = new ArrayList<>();
        for (ObjectNode document : JsonLdCorpus.documents().values()) {
            if (document.size() > 1 && CompiledToRdfDifferentialTest.outcome(TITANIUM, document).nquads() != null) {
                documents.add(document);
            }
        }
        return documents;
    }
}
