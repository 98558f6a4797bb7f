package dev.microcred.credentials.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.credentials.SharedData;
import dev.microcred.credentials.json.Json;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SchemaValidatorTest {
    private static final String SAMPLES = "conformance-vectors/open-badges-3.0/validator-samples/";
    private final SchemaValidator validator = SchemaValidator.bundled();

    /** Samples that conform: the valid ones, and the negative samples whose fault is the proof or the dates. */
    private static final List<String> CONFORMING = List.of(
            "simple.json", "simple.1ob", "simple-context-alias.json", "simple-context-version.json",
            "simple-did-key-method.json", "simple-did-web-method.json", "simple-multiple-proofs.json", "complete.json",
            "endorsement-valid.json", "sd/derivedcredential.json", "bit-string-list/credential-status-revoked.json",
            "bit-string-list/credential-status-revoked-blank-nodes.json",
            "simple-err-expired.json", "simple-err-proof-method.json", "simple-err-proof-method-no-scheme.json",
            "simple-err-proof-method-unknown-did-method.json", "simple-err-proof-method-unknown-scheme.json",
            "simple-err-proof-value.json");

    @TestFactory
    Stream<DynamicTest> conformingSamplesPass() {
        return CONFORMING.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            SchemaReport report = validator.validate(SharedData.json(SAMPLES + name));
            assertThat(report.violations()).isEmpty();
            assertThat(report.unknown()).isEmpty();
            assertThat(report.checked()).isNotEmpty();
            assertThat(report.conforms()).isTrue();
        }));
    }

    @Test
    void theSpecExamplesConform() {
        for (String name : List.of("basicOpenBadgeCredential.json", "fullOpenBadge.json", "endorsement.json",
                "achievementAlignmentCase.json", "achievementAlignmentCe.json", "skillAssertionCase.json",
                "skillAssertionCtdl.json")) {
            SchemaReport report = validator.validate(SharedData.json("conformance-vectors/open-badges-3.0/spec-examples/" + name));
            assertThat(report.violations()).as(name).isEmpty();
            assertThat(report.conforms()).as(name).isTrue();
        }
    }

    @Test
    void schemaErrorSamplesFailWithAPathNamingTheError() {
        assertViolation("simple-err-credential-subject-type.json", "$.credentialSubject.type");
        assertViolation("simple-err-credential-subject-identifier-type.json", "$.credentialSubject.identifier[0].type");
        assertViolation("simple-err-credential-subject-result-type.json", "$.credentialSubject.result[1].type");
        assertViolation("simple-err-issuer-type.json", "$.issuer.type");
        assertViolation("simple-err-issuer-parentorg-type.json", "$.issuer.parentOrg.type");
        assertViolation("simple-err-issuer-otheridentifier-type.json", "$.issuer.otherIdentifier[1].type");
        assertViolation("simple-err-issuer.json", "$", "required property 'issuer' not found");
        assertViolation("simple-err-issued.json", "$.credentialSubject", "required property 'achievement' not found");
        assertViolation("simple-err-type.json", "$.type", "names no type with a bundled schema");
        // the OB 3.0 schemas accept any type here; the model rules name the class
        assertViolation("simple-err-credential-subject-achievement-result-description-type.json",
                "$.credentialSubject.achievement.resultDescription[2].type", "must contain ResultDescription");
        assertViolation("simple-err-evidence-type.json", "$.evidence[1].type", "must contain Evidence");
    }

    @Test
    void vc11SamplesDoNotConformToTheVc20Schemas() {
        for (String name : List.of("simple_v1.json", "complete_v1.json", "simple-eddsa-2022.json", "simple-noproof.json",
                "simple-err-context.json", "credential-status-revoked.json", "endorsement-err-schema-status-refresh.json")) {
            assertViolation(name, "$", "required property 'validFrom' not found");
        }
    }

    @Test
    void unknownSchemasAreReportedNotFetched() {
        SchemaReport v1 = validator.validate(SharedData.json(SAMPLES + "complete_v1.json"));
        assertThat(v1.unknown()).containsExactly("https://purl.imsglobal.org/spec/ob/v3p0/schema/achievementcredential.json");
        ObjectNode credential = SharedData.json(SAMPLES + "simple.json");
        credential.set("credentialSchema", Json.parse("[{\"id\":\"https://schemas.example/never-fetched.json\","
                + "\"type\":\"1EdTechJsonSchemaValidator2019\"}]"));
        SchemaReport report = validator.validate(credential);
        assertThat(report.unknown()).containsExactly("https://schemas.example/never-fetched.json");
        assertThat(report.checked()).contains(SchemaValidator.ACHIEVEMENT_CREDENTIAL);
        assertThat(report.violations()).isEmpty();
        assertThatThrownBy(() -> validator.validate(credential, "https://schemas.example/never-fetched.json"))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("is not bundled");
    }

    @Test
    void checksTheSchemaTheCredentialNames() {
        ObjectNode endorsement = SharedData.json(SAMPLES + "endorsement-valid.json");
        assertThat(validator.validate(endorsement).checked()).contains(SchemaValidator.ENDORSEMENT_CREDENTIAL);
        endorsement.remove("credentialSubject");
        assertThat(validator.validate(endorsement).violations()).extracting(SchemaViolation::message)
                .contains("required property 'credentialSubject' not found");
    }

    @Test
    void clrCredentialsAreCheckedWithStructureRulesAndEmbeddedSchemas() {
        ObjectNode clr = SharedData.json("data/credentials/1edtech-validator/clr20/simple.json");
        SchemaReport report = validator.validate(clr);
        assertThat(report.checked()).containsExactly(SchemaValidator.CLR_RULES);
        assertThat(report.unknown()).isEmpty();
        assertThat(report.conforms()).isTrue();

        ObjectNode broken = clr.deepCopy();
        ((ObjectNode) broken.get("credentialSubject")).remove("verifiableCredential");
        assertThat(validator.validate(broken).violations()).extracting(SchemaViolation::path)
                .contains("$.credentialSubject.verifiableCredential");

        ObjectNode nested = clr.deepCopy();
        ((ObjectNode) nested.at("/credentialSubject/verifiableCredential/0")).remove("issuer");
        assertThat(validator.validate(nested).violations()).extracting(SchemaViolation::toString)
                .contains("$.credentialSubject.verifiableCredential[0]: required property 'issuer' not found");

        // complex.json uses a draft CLR context and VC 1.1 dates: the source does not claim it is valid
        assertThat(validator.validate(SharedData.json("data/credentials/1edtech-validator/clr20/complex.json"))
                .violations()).extracting(SchemaViolation::path).contains("$['@context']", "$.validFrom");
    }

    @Test
    void schemasAreBundledAndCompiledOnce() {
        assertThat(SchemaValidator.bundled()).isSameAs(validator);
        assertThat(validator.schemaIds()).hasSize(6).contains(SchemaValidator.ACHIEVEMENT_CREDENTIAL,
                SchemaValidator.ENDORSEMENT_CREDENTIAL, SchemaValidator.PROFILE,
                "https://purl.imsglobal.org/spec/ob/v3p0/schema/json-ld/ob_v3p0_achievementcredential_schema.json");
    }

    /** A credential of the sample with two status entries: its revocation entry and a suspension one. */
    private static ObjectNode withTwoStatusEntries() {
        ObjectNode credential = SharedData.json(SAMPLES + "bit-string-list/credential-status-revoked.json");
        ObjectNode revocation = (ObjectNode) credential.get("credentialStatus");
        ObjectNode suspension = revocation.deepCopy();
        suspension.put("statusPurpose", "suspension");
        credential.putArray("credentialStatus").add(revocation).add(suspension);
        return credential;
    }

    @Test
    void severalStatusEntriesAreANoticeWhenEachEntryConforms() {
        SchemaReport report = validator.validate(withTwoStatusEntries());
        assertThat(report.violations()).isEmpty();
        assertThat(report.conforms()).isTrue();
        assertThat(report.notices()).singleElement().asString().contains("array of 2 entries", "CredentialStatus");
        SchemaReport single = validator.validate(SharedData.json(SAMPLES
                + "bit-string-list/credential-status-revoked.json"));
        assertThat(single.notices()).isEmpty();
    }

    @Test
    void eachStatusEntryIsValidatedAgainstTheCredentialStatusDefinition() {
        ObjectNode credential = withTwoStatusEntries();
        ((ObjectNode) credential.get("credentialStatus").get(1)).remove("type");
        SchemaReport report = validator.validate(credential);
        assertThat(report.conforms()).isFalse();
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("$.credentialStatus[1]");
            assertThat(v.message()).contains("required property 'type' not found");
        });
        credential.putArray("credentialStatus").add("not an object");
        assertThat(validator.validate(credential).violations()).extracting(SchemaViolation::path)
                .contains("$.credentialStatus[0]");
        credential.putArray("credentialStatus");
        assertThat(validator.validate(credential).violations()).extracting(SchemaViolation::path)
                .as("an empty array is no status object").contains("$.credentialStatus");
    }

    @Test
    void theRestOfACredentialWithSeveralStatusEntriesIsCheckedAsStrictlyAsEver() {
        ObjectNode credential = withTwoStatusEntries();
        credential.put("validFrom", "yesterday");
        ((ObjectNode) credential.get("issuer")).remove("type");
        SchemaReport report = validator.validate(credential);
        assertThat(report.conforms()).isFalse();
        assertThat(report.violations()).extracting(SchemaViolation::path).contains("$.validFrom", "$.issuer")
                .noneMatch(p -> p.startsWith("$.credentialStatus"));
        assertThat(report.violations()).filteredOn(v -> v.path().equals("$.validFrom")).as("reported once")
                .hasSize(1);
    }

    private void assertViolation(String sample, String path) {
        SchemaReport report = validator.validate(SharedData.json(SAMPLES + sample));
        assertThat(report.conforms()).as(sample).isFalse();
        assertThat(report.violations()).as(sample).extracting(SchemaViolation::path).contains(path);
    }

    private void assertViolation(String sample, String path, String message) {
        SchemaReport report = validator.validate(SharedData.json(SAMPLES + sample));
        assertThat(report.conforms()).as(sample).isFalse();
        assertThat(report.violations()).as(sample)
                .anySatisfy(v -> {
                    assertThat(v.path()).isEqualTo(path);
                    assertThat(v.message()).contains(message);
                });
    }
}
