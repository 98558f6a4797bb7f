package dev.microcred.credentials.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Safe mode: each way JSON-LD would silently drop or reinterpret data is an error naming the culprit. */
class JsonLdProcessorTest {
    private static final String VC2 = "\"@context\":[\"https://www.w3.org/ns/credentials/v2\"]";
    private static final String VC2_OB = "\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
            + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"]";
    private final JsonLdProcessor processor = JsonLdProcessor.standard();

    @Test
    void expandsAWellFormedCredential() {
        ObjectNode doc = Json.parseObject("{" + VC2_OB + ",\"id\":\"urn:uuid:1\",\"type\":[\"VerifiableCredential\","
                + "\"OpenBadgeCredential\"],\"issuer\":{\"id\":\"https://example.org/issuer\",\"type\":\"Profile\"},"
                + "\"validFrom\":\"2024-01-01T00:00:00Z\",\"credentialSubject\":{\"type\":\"AchievementSubject\"}}");
        var expanded = processor.expand(doc);
        assertThat(expanded.toString()).contains("https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential");
    }

    @Test
    void undefinedPropertyIsAnError() {
        assertJsonLdError("{" + VC2 + ",\"type\":\"VerifiableCredential\",\"favouriteColour\":\"blue\"}")
                .hasMessageContaining("favouriteColour");
    }

    @Test
    void undefinedPropertyInANestedObjectIsAnError() {
        assertJsonLdError("{" + VC2_OB + ",\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
                + "\"credentialSubject\":{\"type\":\"AchievementSubject\",\"shoeSize\":44}}")
                .hasMessageContaining("shoeSize");
    }

    @Test
    void undefinedTypeIsAnError() {
        assertJsonLdError("{" + VC2 + ",\"type\":[\"VerifiableCredential\",\"MadeUpCredential\"]}")
                .hasMessageContaining("MadeUpCredential");
    }

    @Test
    void relativeIdWithNoBaseIsAnError() {
        assertJsonLdError("{" + VC2 + ",\"id\":\"credentials/1\",\"type\":\"VerifiableCredential\"}")
                .hasMessageContaining("credentials/1");
    }

    @Test
    void relativeIriValueWithNoBaseIsAnError() {
        assertJsonLdError("{" + VC2 + ",\"type\":\"VerifiableCredential\",\"issuer\":\"issuers/14\"}")
                .hasMessageContaining("issuers/14");
    }

    @Test
    void iriWithASpaceIsAnError() {
        assertJsonLdError("{" + VC2 + ",\"type\":\"VerifiableCredential\",\"issuer\":\"https://example.org/a b\"}")
                .hasMessageContaining("https://example.org/a b");
    }

    @Test
    void protectedTermRedefinitionIsAnError() {
        assertJsonLdError("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
                + "{\"name\":\"https://evil.example/name\"}],\"type\":\"VerifiableCredential\","
                + "\"name\":\"Alice\"}")
                .hasMessageContaining("protected term redefinition").hasMessageContaining("name");
    }

    @Test
    void vc11CredentialExpands() {
        ObjectNode doc = Json.parseObject("{\"@context\":[\"https://www.w3.org/2018/credentials/v1\"],"
                + "\"id\":\"urn:uuid:2\",\"type\":\"VerifiableCredential\",\"issuer\":\"did:example:1\","
                + "\"issuanceDate\":\"2020-01-01T00:00:00Z\",\"credentialSubject\":{\"id\":\"did:example:2\"}}");
        assertThat(processor.expand(doc).toString()).contains("https://www.w3.org/2018/credentials#issuanceDate");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertJsonLdError(String json) {
        ObjectNode doc = Json.parseObject(json);
        return assertThatThrownBy(() -> processor.expand(doc))
                .isInstanceOf(MicrocredException.class)
                .satisfies(e -> assertThat(((MicrocredException) e).problem()).isEqualTo(Problem.JSONLD_ERROR))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
