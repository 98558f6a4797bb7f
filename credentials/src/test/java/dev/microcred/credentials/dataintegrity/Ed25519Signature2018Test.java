package dev.microcred.credentials.dataintegrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.jsonld.BundledContextLoader;
import dev.microcred.credentials.jsonld.JsonLdProcessor;
import dev.microcred.crypto.DidKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * {@code Ed25519Signature2018} (a detached EdDSA JWS, RFC 7797, over SHA-256(canonical proof options) ||
 * SHA-256(canonical document)), verify only. No specification publishes test vectors for this suite: the
 * known answers are the two signed credentials the JFF x VC-EDU Plugfests published (w3c-ccg/vc-ed), both
 * signed by did:key issuers with the JavaScript jsonld-signatures stack.
 */
class Ed25519Signature2018Test {
    private static final Path PLUGFEST = Shared.ROOT.resolve("data/credentials/jff-plugfest");
    private static final String PLUGFEST_1_CONTEXT =
            "https://w3c-ccg.github.io/vc-ed/plugfest-1-2022/jff-vc-edu-plugfest-1-context.json";

    private final DataIntegrity dataIntegrity = DataIntegrity.standard();

    private static ObjectNode plugfest3() {
        return Shared.json(PLUGFEST.resolve("plugfest-3-2023--signed_badge_example-p3.json"));
    }

    private static KeyResolver noResolver() {
        return id -> {
            throw new AssertionError("did:key must resolve offline, asked for " + id);
        };
    }

    @Test
    void plugfest3SampleVerifies() {
        VerificationResult result = dataIntegrity.verify(plugfest3(), noResolver());

        assertThat(result.proofs()).singleElement().satisfies(p -> {
            assertThat(p.outcome()).as(p.reason()).isEqualTo(ProofResult.Outcome.VERIFIED);
            assertThat(p.type()).isEqualTo("Ed25519Signature2018");
            assertThat(p.controller()).isEqualTo("did:key:z6MknTHVAhsRyNzBG6h5wjTrg76UGUaBoXS5Vs9Apfr1fbCj");
            assertThat(p.proofPurpose()).isEqualTo("assertionMethod");
        });
    }

    @Test
    void plugfest1SampleVerifiesWithItsContextAsAFixture() {
        // its pre-OB 3.0 JFF context is not bundled (credentials using it are not Open Badges 3.0): a test fixture
        BundledContextLoader loader = BundledContextLoader.standard().withContext(PLUGFEST_1_CONTEXT,
                Shared.text(PLUGFEST.resolve("jff-vc-edu-plugfest-1-context.json")));
        DataIntegrity withContext = new DataIntegrity(new JsonLdProcessor(loader));

        VerificationResult result = withContext.verify(
                Shared.json(PLUGFEST.resolve("plugfest-1-2022--plugfest-1-ex-1.json")), noResolver());

        assertThat(result.proofs()).singleElement().satisfies(p ->
                assertThat(p.outcome()).as(p.reason()).isEqualTo(ProofResult.Outcome.VERIFIED));
    }

    @Test
    void rejectsAModifiedCredential() {
        ObjectNode credential = plugfest3();
        ((ObjectNode) credential.get("credentialSubject").get("achievement")).put("name", "Another badge");

        assertRejected(credential, "signature does not match");
    }

    @Test
    void rejectsAModifiedProofOption() {
        ObjectNode credential = plugfest3();
        ((ObjectNode) credential.get("proof")).put("created", "2023-10-02T13:13:58.148Z");

        assertRejected(credential, "signature does not match");
    }

    @Test
    void rejectsATamperedSignature() {
        ObjectNode credential = plugfest3();
        String jws = credential.get("proof").get("jws").textValue();
        int dot = jws.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(jws.substring(dot + 1));
        signature[10] ^= 0x01;
        ((ObjectNode) credential.get("proof")).put("jws",
                jws.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature));

        assertRejected(credential, "signature does not match");
    }

    @Test
    void rejectsAnotherKey() {
        ObjectNode credential = plugfest3();
        String other = "did:key:z6MkjnTsAhSmGMxbGrHqGqoubDpdWyPbPTNWpcYBNfWXMXgD";
        ((ObjectNode) credential.get("proof")).put("verificationMethod", other + "#" + other.substring(8));

        assertRejected(credential, "signature does not match");
        assertThat(DidKey.resolve(other).controller()).isEqualTo(other);
    }

    @Test
    void rejectsAHeaderThatEncodesThePayload() {
        ObjectNode credential = plugfest3();
        String jws = credential.get("proof").get("jws").textValue();
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"EdDSA\",\"b64\":true,\"crit\":[\"b64\"]}".getBytes(StandardCharsets.US_ASCII));
        ((ObjectNode) credential.get("proof")).put("jws", header + jws.substring(jws.indexOf('.')));

        assertRejected(credential, "\"b64\": false");
    }

    @Test
    void rejectsAnotherAlgorithm() {
        ObjectNode credential = plugfest3();
        String jws = credential.get("proof").get("jws").textValue();
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"ES256\",\"b64\":false,\"crit\":[\"b64\"]}".getBytes(StandardCharsets.US_ASCII));
        ((ObjectNode) credential.get("proof")).put("jws", header + jws.substring(jws.indexOf('.')));

        assertRejected(credential, "not EdDSA");
    }

    @Test
    void rejectsAnAttachedPayload() {
        ObjectNode credential = plugfest3();
        String jws = credential.get("proof").get("jws").textValue();
        ((ObjectNode) credential.get("proof")).put("jws", jws.replace("..", ".e30."));

        assertRejected(credential, "detached payload");
    }

    @Test
    void rejectsAProofWithoutJws() {
        ObjectNode credential = plugfest3();
        ((ObjectNode) credential.get("proof")).remove("jws");

        assertRejected(credential, "carries no jws");
    }

    private void assertRejected(ObjectNode credential, String reason) {
        VerificationResult result = dataIntegrity.verify(credential, noResolver());
        assertThat(result.proofs()).singleElement().satisfies(p -> {
            assertThat(p.outcome()).isEqualTo(ProofResult.Outcome.REJECTED);
            assertThat(p.reason()).contains(reason);
        });
    }
}
