package dev.microcred.credentials.ob3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.SharedData;
import dev.microcred.credentials.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class OpenBadgeCredentialTest {
    private static final String OB3 = "conformance-vectors/open-badges-3.0/";

    @TestFactory
    Stream<DynamicTest> everySpecExampleParsesAndRoundTripsLosslessly() {
        ObjectNode index = SharedData.json(OB3 + "spec-examples/index.json");
        List<String> names = iterable(index.fieldNames());
        assertThat(names).hasSize(7);
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            ObjectNode original = SharedData.json(OB3 + "spec-examples/" + name);
            boolean endorsement = index.get(name).get("schemaClass").asText().contains("endorsement");
            ObjectNode written = endorsement ? EndorsementCredential.parse(original).toJson()
                    : OpenBadgeCredential.parse(original).toJson();
            assertThat(written).isEqualTo(original);
            assertThat(Json.write(written).length()).isEqualTo(Json.write(original).length());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyValidatorSampleParsesAndRoundTrips() throws IOException {
        try (Stream<Path> files = Files.list(SharedData.path(OB3 + "validator-samples"))) {
            List<Path> samples = files.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".1ob"))
                    .sorted().toList();
            assertThat(samples).hasSizeGreaterThan(30);
            return samples.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                ObjectNode original = Json.parseObject(Files.readAllBytes(p));
                String name = p.getFileName().toString();
                if (name.equals("simple-err-credential-subject-type.json")) {
                    assertMalformed(original, "credentialSubject.type must contain AchievementSubject");
                } else if (name.equals("simple-err-credential-subject-identifier-type.json")) {
                    assertMalformed(original, "credentialSubject.identifier[0].type must contain IdentityObject");
                } else if (name.equals("simple-err-issuer-type.json")) {
                    assertMalformed(original, "issuer.type must contain Profile");
                } else if (name.equals("simple-err-type.json")) {
                    assertMalformed(original, "type must contain OpenBadgeCredential or AchievementCredential");
                } else if (name.equals("simple-err-credential-subject-achievement-result-description-type.json")) {
                    assertMalformed(original, "credentialSubject.achievement.resultDescription[2].type must contain ResultDescription");
                } else if (name.equals("simple-err-evidence-type.json")) {
                    assertMalformed(original, "evidence[1].type must contain Evidence");
                } else if (name.equals("simple-err-credential-subject-result-type.json")) {
                    assertMalformed(original, "credentialSubject.result[1].type must contain Result");
                } else if (name.equals("simple-err-context.json")) {
                    assertMalformed(original, "@context[0] must be https://www.w3.org/ns/credentials/v2");
                } else if (name.equals("simple-err-issuer.json")) {
                    assertMalformed(original, "issuer is required");
                } else if (name.equals("simple-err-issued.json") || name.equals("simple-noproof.json")) {
                    // these two samples carry a subject without an achievement
                    assertMalformed(original, "credentialSubject.achievement is required");
                } else if (name.startsWith("endorsement")) {
                    assertThat(EndorsementCredential.parse(original).toJson()).isEqualTo(original);
                } else {
                    assertThat(OpenBadgeCredential.parse(original).toJson()).isEqualTo(original);
                }
            }));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyOb3SampleOfTheSharedDataRoundTrips() {
        List<JsonNode> items = iterable(SharedData.manifest().get("items").elements());
        return items.stream()
                .filter(i -> i.get("spec").asText().startsWith("OB 3.0") && i.get("format").asText().equals("json")
                        && i.get("role").asText().equals("sample"))
                .map(i -> DynamicTest.dynamicTest(i.get("file").asText(), () -> {
                    String file = i.get("file").asText();
                    ObjectNode original = SharedData.json("data/credentials/" + file);
                    if (file.endsWith("-minimal.json")) {
                        // a plain VerifiableCredential, not an Open Badge
                        assertMalformed(original, "type must contain OpenBadgeCredential or AchievementCredential");
                        return;
                    }
                    if (file.contains("plugfest-1-2022")) {
                        // Plugfest 1 predates OB 3.0: its achievement has no id
                        assertMalformed(original, "credentialSubject.achievement.id is required");
                        return;
                    }
                    ObjectNode written = original.get("type").toString().contains("EndorsementCredential")
                            ? EndorsementCredential.parse(original).toJson() : OpenBadgeCredential.parse(original).toJson();
                    assertThat(written).isEqualTo(original);
                }));
    }

    @Test
    void readsTheDisplayFieldsOfTheFullExample() {
        OpenBadgeCredential vc = OpenBadgeCredential.parse(SharedData.json(OB3 + "spec-examples/fullOpenBadge.json"));
        Achievement achievement = vc.credentialSubject().achievement();
        assertThat(vc.title()).isEqualTo(achievement.name());
        assertThat(achievement.criteria().narrative()).isNotBlank();
        assertThat(achievement.alignment()).isNotEmpty().allSatisfy(a -> assertThat(a.targetUrl()).isNotBlank());
        assertThat(achievement.resultDescription()).isNotEmpty();
        assertThat(achievement.creditsAvailable()).isNotNull();
        assertThat(vc.credentialSubject().result()).isNotEmpty();
        assertThat(vc.evidence()).isNotEmpty();
        assertThat(vc.endorsement()).isNotEmpty();
        assertThat(vc.validFromInstant()).isEqualTo(Instant.parse(vc.validFrom()));
    }

    @Test
    void acceptsSingleValuesWhereArraysAreUsualAndWritesThemBackSo() {
        ObjectNode original = SharedData.json(OB3 + "validator-samples/simple.json");
        original.put("type", "OpenBadgeCredential");
        ((ObjectNode) original.get("issuer")).put("type", "Profile");
        original.set("proof", original.get("proof").get(0));
        ObjectNode achievement = (ObjectNode) original.at("/credentialSubject/achievement");
        achievement.set("alignment", Json.parseObject(
                "{\"type\":\"Alignment\",\"targetName\":\"Teamwork\",\"targetUrl\":\"http://data.europa.eu/esco/skill/abc\"}"));
        original.set("credentialSchema", Json.parseObject(
                "{\"id\":\"" + OpenBadgeCredential.SCHEMA_ID + "\",\"type\":\"1EdTechJsonSchemaValidator2019\"}"));
        assertThatThrownBy(() -> OpenBadgeCredential.parse(original))
                .as("a single type without VerifiableCredential").hasMessageContaining("VerifiableCredential");
        ArrayNode type = original.putArray("type").add("VerifiableCredential").add("AchievementCredential");
        assertThat(type).hasSize(2);
        OpenBadgeCredential vc = OpenBadgeCredential.parse(original);
        assertThat(vc.proof()).hasSize(1);
        assertThat(vc.credentialSchema()).hasSize(1);
        assertThat(vc.issuer().type()).containsExactly("Profile");
        assertThat(vc.credentialSubject().achievement().alignment()).singleElement()
                .extracting(Alignment::targetName).isEqualTo("Teamwork");
        assertThat(vc.toJson()).isEqualTo(original);
        assertThat(vc.toJson().get("proof").isObject()).isTrue();
    }

    @Test
    void buildsAnUnsignedCredentialForAnEmailRecipient() {
        Achievement achievement = new Achievement("https://issuer.example/achievements/java-101", List.of("Achievement"),
                "Java 101", "Writes and tests small Java programs.", Criteria.narrative("Pass the **final project**."),
                Image.of("https://issuer.example/badges/java-101.png"),
                List.of(Alignment.of("use Java", "http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389",
                        "ext:ESCO", null, "ESCO")),
                List.of(), null, 2, "Computer science", "JAVA-101", "en", "Course", List.of("java", "testing"), Extras.NONE);
        Profile issuer = Profile.of("did:web:issuer.example", "Example Academy", "https://issuer.example", null);
        AchievementSubject subject = AchievementSubject.forEmail("learner@example.org", achievement, new SecureRandom());
        OpenBadgeCredential vc = OpenBadgeCredential.unsigned("urn:uuid:2f0c2c0e-0a65-4e4e-9c8e-1f0a4d2f7a11", issuer,
                subject, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"));
        ObjectNode json = vc.toJson();
        assertThat(json.get("@context").toString()).isEqualTo("[\"https://www.w3.org/ns/credentials/v2\","
                + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\","
                + "\"https://purl.imsglobal.org/spec/ob/v3p0/extensions.json\"]");
        assertThat(json.get("type").toString()).isEqualTo("[\"VerifiableCredential\",\"OpenBadgeCredential\"]");
        assertThat(json.get("validFrom").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(json.get("name").asText()).isEqualTo("Java 101");
        assertThat(json.get("credentialSchema").get(0).toString()).isEqualTo("{\"id\":\"https://purl.imsglobal.org/spec/"
                + "ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json\",\"type\":\"1EdTechJsonSchemaValidator2019\"}");
        assertThat(json.has("proof")).isFalse();
        JsonNode identifier = json.at("/credentialSubject/identifier/0");
        assertThat(identifier.get("hashed").asBoolean()).isTrue();
        assertThat(identifier.get("identityType").asText()).isEqualTo("emailAddress");
        assertThat(identifier.get("identityHash").asText()).matches("sha256\\$[0-9a-f]{64}");
        assertThat(identifier.get("identityHash").asText()).isEqualTo(
                IdentityObject.hash("learner@example.org", identifier.get("salt").asText()));
        assertThat(json.toString()).doesNotContain("learner@example.org");
        IdentityObject id = vc.credentialSubject().identifier().get(0);
        assertThat(id.matches("learner@example.org")).isTrue();
        assertThat(id.matches("someone@example.org")).isFalse();
        assertThat(OpenBadgeCredential.parse(json)).isEqualTo(vc);
    }

    @Test
    void identityHashKnownAnswer() {
        // printf 'test@example.comsalt' | sha256sum
        assertThat(IdentityObject.hash("test@example.com", "salt"))
                .isEqualTo("sha256$1778d425d64c5259ef7b574a2488647eb51ca739a0b16bfa0e2e3e16fff362db");
    }

    @Test
    void buildsACredentialForADid() {
        Achievement achievement = Achievement.of("https://issuer.example/a/1", "Badge", "A badge.",
                Criteria.narrative("Do it."));
        OpenBadgeCredential vc = OpenBadgeCredential.unsigned("urn:uuid:1", Profile.of("did:key:z6Mk", "I", null, null),
                AchievementSubject.forId("did:key:z6MkLearner", achievement), Instant.parse("2026-01-01T00:00:00Z"), null);
        assertThat(vc.toJson().at("/credentialSubject/id").asText()).isEqualTo("did:key:z6MkLearner");
        assertThat(vc.toJson().has("validUntil")).isFalse();
        assertThat(OpenBadgeCredential.parse(vc.toJson())).isEqualTo(vc);
    }

    @Test
    void requiredMembersAreReportedWithTheirJsonPathOnOneLine() {
        assertMissing(c -> ((ObjectNode) c.at("/credentialSubject/achievement")).remove("criteria"),
                "credentialSubject.achievement.criteria is required");
        assertMissing(c -> ((ObjectNode) c.at("/credentialSubject/achievement")).remove("name"),
                "credentialSubject.achievement.name is required");
        assertMissing(c -> c.remove("validFrom"), "validFrom is required");
        assertMissing(c -> c.remove("issuer"), "issuer is required");
        assertMissing(c -> ((ObjectNode) c.get("credentialSubject")).remove("achievement"),
                "credentialSubject.achievement is required");
        assertMissing(c -> ((ObjectNode) c.at("/credentialSubject/achievement")).set("alignment",
                        Json.parse("[{\"type\":[\"Alignment\"],\"targetName\":\"x\"}]")),
                "credentialSubject.achievement.alignment[0].targetUrl is required");
        assertMissing(c -> ((ObjectNode) c.at("/credentialSubject/achievement")).put("criteria", 3),
                "credentialSubject.achievement.criteria must be a JSON object, found number");
        assertMissing(c -> c.put("validFrom", "yesterday"), "validFrom is not an RFC 3339 date-time");
        assertMissing(c -> c.set("@context", Json.parse("[\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"]")),
                "@context[0] must be https://www.w3.org/ns/credentials/v2");
    }

    private static void assertMissing(Consumer<ObjectNode> change, String message) {
        ObjectNode credential = SharedData.json(OB3 + "validator-samples/simple.json");
        change.accept(credential);
        assertMalformed(credential, message);
    }

    private static void assertMalformed(ObjectNode credential, String message) {
        assertThatThrownBy(() -> OpenBadgeCredential.parse(credential))
                .isInstanceOf(MicrocredException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("\n")
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.MALFORMED_INPUT);
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
