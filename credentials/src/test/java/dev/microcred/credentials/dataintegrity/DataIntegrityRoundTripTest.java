package dev.microcred.credentials.dataintegrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.jsonld.JsonLdProcessor;
import dev.microcred.crypto.DidKey;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.crypto.VerificationMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Round trips on a realistic OB 3.0 credential and a VC 1.1 credential, then negative cases. */
class DataIntegrityRoundTripTest {
    static final Ed25519PrivateKey KEY = Ed25519PrivateKey.fromSeed(new byte[32]);
    static final String METHOD = DidKey.verificationMethodId(KEY.publicKey());
    private final DataIntegrity di = DataIntegrity.standard();

    static ObjectNode realistic() {
        try (InputStream in = DataIntegrityRoundTripTest.class.getResourceAsStream("ob3-realistic.json")) {
            return Json.parseObject(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode vc11() {
        return Json.parseObject("""
                {"@context":["https://www.w3.org/2018/credentials/v1",
                             "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
                             "https://w3id.org/security/data-integrity/v2"],
                 "id":"urn:uuid:5e1ad7a4-0000-4000-8000-000000000001",
                 "type":["VerifiableCredential","OpenBadgeCredential"],
                 "issuer":{"id":"%s","type":"Profile","name":"Example"},
                 "issuanceDate":"2024-01-01T00:00:00Z",
                 "credentialSubject":{"type":"AchievementSubject","achievement":{
                   "id":"https://example.org/a/1","type":"Achievement","name":"A","description":"D",
                   "criteria":{"narrative":"N"}}}}
                """.formatted(DidKey.of(KEY.publicKey())));
    }

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void realisticOpenBadgeRoundTrips(Cryptosuite suite) {
        ObjectNode unsigned = realistic();
        ObjectNode before = unsigned.deepCopy();
        ObjectNode signed = di.sign(unsigned, ProofOptions.of(suite, METHOD)
                .withCreated(Instant.parse("2025-03-01T09:00:00Z")), KEY);
        assertThat(unsigned).isEqualTo(before); // input not mutated
        VerificationResult result = di.verify(signed, KeyResolver.didKeyOnly());
        assertThat(result.verified()).isTrue();
        ProofResult proof = result.proofs().get(0);
        assertThat(proof.cryptosuite()).isEqualTo(suite.id());
        assertThat(proof.verificationMethod()).isEqualTo(METHOD);
        assertThat(proof.controller()).isEqualTo(DidKey.of(KEY.publicKey()));
        assertThat(proof.proofPurpose()).isEqualTo("assertionMethod");
        assertThat(proof.created()).isEqualTo("2025-03-01T09:00:00Z");
        // a round trip through JSON text changes nothing
        assertThat(di.verify(Json.parseObject(Json.write(signed)), KeyResolver.didKeyOnly()).verified()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void vc11CredentialRoundTrips(Cryptosuite suite) {
        ObjectNode signed = di.sign(vc11(), ProofOptions.of(suite, METHOD), KEY);
        assertThat(di.verify(signed, KeyResolver.didKeyOnly()).verified()).isTrue();
    }

    @Test
    void optionalProofMembersAreSignedAndDirectQuadsMatchTitanium() {
        ProofOptions options = ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, METHOD)
                .withCreated(Instant.parse("2025-01-01T00:00:00Z")).withExpires(Instant.parse("2026-01-01T00:00:00Z"))
                .withId("urn:uuid:proof-1").withChallenge("c-123").withDomain("verifier.example")
                .withProofPurpose("authentication");
        ObjectNode signed = di.sign(realistic(), options, KEY);
        assertThat(di.verify(signed, KeyResolver.didKeyOnly()).verified()).isTrue();
        ObjectNode config = (ObjectNode) signed.get("proof").deepCopy();
        config.remove("proofValue");
        config.set("@context", signed.get("@context"));
        assertThat(di.canonicalProofConfig(false, config))
                .isEqualTo(new DataIntegrity(JsonLdProcessor.standard(), false).canonicalProofConfig(false, config));
        ObjectNode changed = signed.deepCopy();
        ((ObjectNode) changed.get("proof")).put("challenge", "c-124");
        assertThat(di.verify(changed, KeyResolver.didKeyOnly()).verified()).isFalse();
    }

    @Test
    void signingAgainAddsAProofSetAndChainsVerify() {
        Ed25519PrivateKey second = Ed25519PrivateKey.fromSeed(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
            14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        ObjectNode one = di.sign(realistic(), ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, METHOD)
                .withId("urn:uuid:p1"), KEY);
        ObjectNode two = di.sign(one, ProofOptions.of(Cryptosuite.EDDSA_JCS_2022,
                DidKey.verificationMethodId(second.publicKey())).withPreviousProof("urn:uuid:p1"), second);
        assertThat(two.get("proof").isArray()).isTrue();
        VerificationResult result = di.verify(two, KeyResolver.didKeyOnly());
        assertThat(result.proofs()).hasSize(2).allMatch(ProofResult::verified);
        // removing the first proof breaks the chain
        ObjectNode broken = two.deepCopy();
        broken.set("proof", two.get("proof").get(1));
        assertThat(di.verify(broken, KeyResolver.didKeyOnly()).verified()).isFalse();
        assertThatThrownBy(() -> di.sign(one, ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, METHOD)
                .withPreviousProof("urn:uuid:missing"), KEY))
                .isInstanceOf(MicrocredException.class);
    }

    @Test
    void resolverIsAskedForNonDidKeyMethods() {
        String method = "https://issuer.example/keys#1";
        ObjectNode signed = di.sign(realistic(), ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, method), KEY);
        VerificationResult result = di.verify(signed,
                id -> new VerificationMethod(id, "https://issuer.example", KEY.publicKey()));
        assertThat(result.verified()).isTrue();
        assertThat(result.proofs().get(0).controller()).isEqualTo("https://issuer.example");
    }

    @Test
    void wrongKeyIsRejected() {
        ObjectNode signed = di.sign(realistic(), ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, METHOD), KEY);
        Ed25519PrivateKey other = Ed25519PrivateKey.generate();
        ((ObjectNode) signed.get("proof")).put("verificationMethod", DidKey.verificationMethodId(other.publicKey()));
        ProofResult proof = di.verify(signed, KeyResolver.didKeyOnly()).proofs().get(0);
        assertThat(proof.outcome()).isEqualTo(ProofResult.Outcome.REJECTED);
    }

    @Test
    void unsupportedCryptosuiteIsReportedNotThrown() {
        ObjectNode signed = di.sign(realistic(), ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, METHOD), KEY);
        ((ObjectNode) signed.get("proof")).put("cryptosuite", "ecdsa-rdfc-2019");
        ProofResult proof = di.verify(signed, KeyResolver.didKeyOnly()).proofs().get(0);
        assertThat(proof.outcome()).isEqualTo(ProofResult.Outcome.UNSUPPORTED);
        assertThat(di.verify(signed, KeyResolver.didKeyOnly()).verified()).isFalse();
    }

    @Test
    void jcsProofContextMustBeginTheDocumentContext() {
        ObjectNode signed = di.sign(realistic(), ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, METHOD), KEY);
        ((ObjectNode) signed.get("proof")).putArray("@context").add("https://www.w3.org/2018/credentials/v1");
        assertThat(di.verify(signed, KeyResolver.didKeyOnly()).proofs().get(0).reason()).contains("@context");
    }

    @Test
    void documentWithoutProofIsNotVerified() {
        VerificationResult result = di.verify(realistic(), KeyResolver.didKeyOnly());
        assertThat(result.proofs()).isEmpty();
        assertThat(result.verified()).isFalse();
    }

    @Test
    void malformedProofIsAnError() {
        ObjectNode doc = realistic();
        doc.put("proof", "not an object");
        assertThatThrownBy(() -> di.verify(doc, KeyResolver.didKeyOnly()))
                .isInstanceOf(MicrocredException.class)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.MALFORMED_INPUT);
    }

    @Test
    void signingAnUndefinedTermIsAJsonLdError() {
        ObjectNode doc = realistic();
        doc.put("notInAnyContext", "x");
        assertThatThrownBy(() -> di.sign(doc, ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, METHOD), KEY))
                .isInstanceOf(MicrocredException.class)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.JSONLD_ERROR);
    }
}
