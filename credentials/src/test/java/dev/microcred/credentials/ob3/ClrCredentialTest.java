package dev.microcred.credentials.ob3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.credentials.SharedData;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClrCredentialTest {
    private static final String CLR = "data/credentials/1edtech-validator/clr20/";

    @Test
    void theValidatorsClrSamplesRoundTripLosslessly() {
        for (String name : List.of("simple.json", "complex.json")) {
            ObjectNode original = SharedData.json(CLR + name);
            ClrCredential clr = ClrCredential.parse(original);
            assertThat(clr.toJson()).as(name).isEqualTo(original);
            assertThat(clr.credentialSubject().verifiableCredential()).as(name).isNotEmpty();
        }
    }

    @Test
    void readsAssociationsAndNestedCredentials() {
        ClrCredential clr = ClrCredential.parse(SharedData.json(CLR + "complex.json"));
        assertThat(clr.credentialSubject().association()).isNotEmpty()
                .allSatisfy(a -> assertThat(a.associationType()).isNotBlank());
        for (var nested : clr.credentialSubject().verifiableCredential()) {
            if (nested.isObject()) {
                assertThat(OpenBadgeCredential.parse(nested).toJson()).isEqualTo(nested);
            }
        }
    }

    @Test
    void buildsAnUnsignedClrWithTheFixedContextOrder() {
        OpenBadgeCredential badge = OpenBadgeCredential.parse(SharedData.json(
                "conformance-vectors/open-badges-3.0/spec-examples/basicOpenBadgeCredential.json"));
        ClrSubject subject = new ClrSubject("did:example:learner", List.of("ClrSubject"), List.of(),
                List.of(badge.toJson()), List.of(badge.credentialSubject().achievement()),
                List.of(Association.of("isPartOf", badge.credentialSubject().achievement().id(), "urn:uuid:programme")),
                Extras.NONE);
        ClrCredential clr = ClrCredential.unsigned("urn:uuid:clr-1", Profile.of("did:web:issuer.example", "I", null, null),
                "Transcript", subject, Instant.parse("2026-01-01T00:00:00Z"));
        ObjectNode json = clr.toJson();
        assertThat(json.get("@context").toString()).isEqualTo("[\"https://www.w3.org/ns/credentials/v2\","
                + "\"https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json\","
                + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"]");
        assertThat(json.at("/credentialSubject/association/0/associationType").asText()).isEqualTo("isPartOf");
        assertThat(ClrCredential.parse(json)).isEqualTo(clr);
    }

    @Test
    void aClrNeedsCredentials() {
        ObjectNode original = SharedData.json(CLR + "simple.json");
        ((ObjectNode) original.get("credentialSubject")).remove("verifiableCredential");
        assertThatThrownBy(() -> ClrCredential.parse(original))
                .isInstanceOf(MicrocredException.class)
                .hasMessage("credentialSubject.verifiableCredential is required");
    }
}
