package dev.microcred.credentials.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.baking.BakedImages;
import dev.microcred.credentials.baking.SvgBaker;
import dev.microcred.credentials.fetch.Fetcher;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.ob3.Achievement;
import dev.microcred.credentials.ob3.Criteria;
import dev.microcred.credentials.ob3.IdentityObject;
import dev.microcred.credentials.schema.SchemaValidator;
import dev.microcred.credentials.verify.Check;
import dev.microcred.credentials.verify.CredentialVerifier;
import dev.microcred.credentials.verify.Outcome;
import dev.microcred.credentials.verify.VerificationReport;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.crypto.Jwk;
import dev.microcred.crypto.P256PrivateKey;
import dev.microcred.crypto.RsaPrivateKey;
import dev.microcred.crypto.Signer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Every format microcred issues verifies as valid with microcred's verifier, and conforms to the OB 3.0 schema. */
class CredentialIssuerTest {
    private static final Ed25519PrivateKey ED25519 = Ed25519PrivateKey.generate();
    private static final P256PrivateKey P256 = P256PrivateKey.generate();
    private static final RsaPrivateKey RSA = RsaPrivateKey.generate();

    static Achievement achievement() {
        Achievement a = Achievement.of("https://example.org/achievements/data-literacy", "Data Literacy",
                "Reads, questions and presents data.", Criteria.narrative("Passed the **final assessment**."));
        return a;
    }

    static Signer signerFor(CredentialFormat format) {
        return switch (format.keyType()) {
            case ED25519 -> ED25519;
            case P256 -> P256;
            case RSA -> RSA;
        };
    }

    static CredentialIssuer issuerFor(CredentialFormat format) {
        Signer signer = signerFor(format);
        return signer == RSA
                ? new CredentialIssuer(dev.microcred.credentials.ob3.Profile.of("https://example.org/issuers/1",
                        "Example Academy", null, null), RSA, null, Clock.systemUTC())
                : CredentialIssuer.withDidKey(signer, "Example Academy");
    }

    static CredentialVerifier verifier() {
        return new CredentialVerifier(Fetcher.NONE, jwk -> Jwk.parse(toMap(jwk)).publicKey(), Clock.systemUTC());
    }

    static Map<String, String> toMap(ObjectNode jwk) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        jwk.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    @ParameterizedTest
    @EnumSource(CredentialFormat.class)
    void everyIssuedFormatVerifiesAsValid(CredentialFormat format) {
        SignedCredential vc = issuerFor(format).issue(achievement(), "learner@example.org", format,
                Instant.now().plus(Duration.ofDays(365)));
        VerificationReport report = verifier().verify(vc.text().getBytes(StandardCharsets.UTF_8), Instant.now());
        if (format == CredentialFormat.JWT_RS256) {
            // no did:key for RSA: the key travels in the header and cannot be bound to the issuer
            assertThat(report.outcome()).as(Json.write(report.toJson())).isEqualTo(Outcome.VALID);
            assertThat(report.check("issuer-key").orElseThrow().status()).isEqualTo(Check.Status.WARNING);
        } else {
            assertThat(report.outcome()).as(Json.write(report.toJson())).isEqualTo(Outcome.VALID);
            assertThat(report.checks()).extracting(Check::status).doesNotContain(Check.Status.FAILED,
                    Check.Status.WARNING);
        }
        assertThat(report.check("schema").orElseThrow().status()).isEqualTo(Check.Status.PASSED);
    }

    @ParameterizedTest
    @EnumSource(CredentialFormat.class)
    void theOb3SchemasAcceptEveryCredentialWeIssue(CredentialFormat format) {
        SignedCredential vc = issuerFor(format).issue(achievement(), "did:example:learner", format, null);
        assertThat(SchemaValidator.bundled().validate(vc.credential()).violations()).isEmpty();
    }

    @Test
    void emailRecipientsAreHashedWithASalt() {
        SignedCredential vc = CredentialIssuer.withDidKey(ED25519, "Example Academy")
                .issue(achievement(), "Learner@Example.org", CredentialFormat.LDP_JCS, null);
        ObjectNode identifier = (ObjectNode) vc.credential().path("credentialSubject").path("identifier").path(0);
        assertThat(identifier.get("hashed").asBoolean()).isTrue();
        assertThat(identifier.get("identityHash").asText()).startsWith("sha256$")
                .isEqualTo(IdentityObject.hash("Learner@Example.org", identifier.get("salt").asText()));
        assertThat(vc.text()).doesNotContain("Learner@Example.org");
    }

    @Test
    void expiredAndTamperedCredentialsAreCaught() {
        CredentialIssuer issuer = CredentialIssuer.withDidKey(ED25519, "Example Academy");
        SignedCredential vc = issuer.issue(achievement(), "did:example:learner", CredentialFormat.LDP_RDFC,
                Instant.now().plus(Duration.ofDays(1)));
        assertThat(verifier().verify(vc.credential(), Instant.now().plus(Duration.ofDays(2))).outcome())
                .isEqualTo(Outcome.EXPIRED);
        ObjectNode tampered = vc.credential().deepCopy();
        ((ObjectNode) tampered.path("credentialSubject").path("achievement")).put("name", "Rocket Science");
        assertThat(verifier().verify(tampered, Instant.now()).outcome()).isEqualTo(Outcome.TAMPERED);
    }

    @Test
    void bakedIntoSvgAndBackStillValid() {
        SignedCredential vc = CredentialIssuer.withDidKey(ED25519, "Example Academy")
                .issue(achievement(), "did:example:learner", CredentialFormat.JWT_EDDSA, null);
        String svg = SvgBaker.bake("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>", vc.baked());
        byte[] bytes = svg.getBytes(StandardCharsets.UTF_8);
        assertThat(BakedImages.extract(bytes).text()).isEqualTo(vc.text());
        assertThat(verifier().verify(bytes, Instant.now()).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void aKeyOfTheWrongTypeForTheFormatIsRefused() {
        CredentialIssuer p256 = CredentialIssuer.withDidKey(P256, "Example Academy");
        assertThatThrownBy(() -> p256.issue(achievement(), "did:example:x", CredentialFormat.LDP_RDFC, null))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("ldp-rdfc needs a ed25519 key")
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.INVALID_REQUEST);
        assertThatThrownBy(() -> CredentialFormat.parse("ldp-bbs")).hasMessageContaining("unknown format ldp-bbs");
        assertThat(List.of(CredentialFormat.values())).hasSize(5);
    }
}
