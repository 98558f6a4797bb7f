package dev.microcred.credentials.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundledContextLoaderTest {
    private final BundledContextLoader loader = BundledContextLoader.standard();

    @ParameterizedTest
    @ValueSource(strings = {"https://www.w3.org/2018/credentials/v1", "https://www.w3.org/ns/credentials/v2",
        "https://www.w3.org/ns/credentials/examples/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
        "https://purl.imsglobal.org/spec/clr/v2p0/context.json",
        "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
        "https://w3id.org/security/data-integrity/v1", "https://w3id.org/security/data-integrity/v2",
        "https://w3id.org/security/multikey/v1", "https://w3id.org/security/suites/ed25519-2020/v1",
        "https://www.w3.org/ns/did/v1", "https://w3id.org/openbadges/v2", "https://w3id.org/vc/status-list/2021/v1",
        "https://www.w3.org/ns/credentials/status/v1"})
    void servesTheContextsTheProductNeeds(String url) {
        var document = loader.loadDocument(URI.create(url), null);
        assertThat(document.getJsonContent()).isPresent();
        assertThat(document.getJsonContent().get().asJsonObject()).containsKey("@context");
    }

    @Test
    void servesTheSameParsedDocumentEveryTime() {
        URI v2 = URI.create("https://www.w3.org/ns/credentials/v2");
        assertThat(loader.loadDocument(v2, null)).isSameAs(loader.loadDocument(v2, null));
    }

    /** The bundled files are the shared copies byte for byte (JSON equality), served under the manifest URLs. */
    @Test
    void bundledContextsEqualTheSharedCopies() throws Exception {
        Path shared = Path.of(System.getProperty("microcred.shared", "../../shared"));
        ObjectNode manifest = Json.parseObject(Files.readAllBytes(shared.resolve("data/credentials/manifest.json")));
        int compared = 0;
        for (var item : manifest.get("items")) {
            String url = item.path("serves_url").asText();
            if (!"context".equals(item.path("role").asText()) || !loader.serves(url)) {
                continue;
            }
            var bundled = Json.parse(loader.context(url).getJsonContent().orElseThrow().toString());
            var copy = Json.parse(Files.readAllBytes(shared.resolve("data/credentials").resolve(item.get("file").asText())));
            assertThat(bundled).as(url).isEqualTo(copy);
            compared++;
        }
        // all but examples/v2 (not in data/) and the OB 3.0 draft URL, an alias of the 3.0.0 context
        assertThat(compared).isEqualTo(loader.urls().size() - 2);
    }

    @Test
    void unknownContextIsAnErrorNeverAFetch() {
        assertThatThrownBy(() -> loader.loadDocument(URI.create("https://example.org/contexts/v1"), null))
                .isInstanceOf(MicrocredException.class)
                .hasMessage("unknown JSON-LD context: https://example.org/contexts/v1 (microcred never fetches contexts)")
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.UNKNOWN_CONTEXT);
    }

    @Test
    void unknownContextInADocumentIsUnknownContext() {
        ObjectNode doc = Json.parseObject("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
                + "\"https://example.org/unknown/v1\"],\"type\":\"VerifiableCredential\"}");
        assertThatThrownBy(() -> JsonLdProcessor.standard().expand(doc))
                .isInstanceOf(MicrocredException.class)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.UNKNOWN_CONTEXT);
    }

    @Test
    void withContextAddsOneContextAndKeepsTheStandardLoaderUnchanged() {
        BundledContextLoader extended = loader.withContext("https://example.org/ctx/v1",
                "{\"@context\":{\"foo\":\"https://example.org/vocab#foo\"}}");
        assertThat(extended.serves("https://example.org/ctx/v1")).isTrue();
        assertThat(loader.serves("https://example.org/ctx/v1")).isFalse();
        assertThat(extended.urls()).containsAll(loader.urls());
        assertThatThrownBy(() -> loader.withContext("https://www.w3.org/ns/credentials/v2", "{\"@context\":{}}"))
                .isInstanceOf(MicrocredException.class);
    }

    @Test
    void indexListsEveryUrlOnce() {
        assertThat(loader.urls()).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates()
                .containsAll(List.of("https://w3id.org/openbadges/v2", "https://w3id.org/security/v2"));
    }
}
