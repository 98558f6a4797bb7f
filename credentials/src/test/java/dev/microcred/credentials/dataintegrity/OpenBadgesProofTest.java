package dev.microcred.credentials.dataintegrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.jsonld.JsonLdProcessor;
import dev.microcred.crypto.Multikey;
import dev.microcred.crypto.VerificationMethod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Open Badges 3.0: the canonical test vectors of the 1EdTech implementation guide (ob_v3p0/impl/test-vectors),
 * and the proofs of the 1EdTech validator's samples.
 */
class OpenBadgesProofTest {
    private static final Path CANON = Shared.OB3.resolve("canonical-test-vectors");
    private static final Path SAMPLES = Shared.OB3.resolve("validator-samples");
    private static final String VM = "https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";

    private final DataIntegrity dataIntegrity = DataIntegrity.standard();
    /**
     * The samples name methods such as {@code https://example.com/issuers/876543#z6Mk...} whose documents are not
     * available offline; their fragment is the Multikey the sample was signed with, so this fixture resolves it.
     */
    private static final KeyResolver FRAGMENT_MULTIKEY = id -> {
        int hash = id.indexOf('#');
        if (hash < 0) {
            throw new MicrocredException(Problem.KEY_NOT_FOUND, "no fragment in " + id);
        }
        return new VerificationMethod(id, id.substring(0, hash), Multikey.decode(id.substring(hash + 1)));
    };
    private final DataIntegrity viaTitanium = new DataIntegrity(JsonLdProcessor.standard(), false);

    /**
     * The input document of obv3p0/document-canon.txt is not published beside it; this is the implementation guide
     * example rebuilt from its 16 quads (OB 3.0.3 context, whose url term has the datatype https://www.w3.org/2001/XMLSchema#anyURI). Its canonical form must
     * be the published one byte for byte.
     */
    @Test
    void obv3p0CanonicalDocument() {
        ObjectNode credential = Json.parseObject("""
                {"@context":["https://www.w3.org/ns/credentials/v2",
                             "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                 "id":"http://example.com/credentials/3527",
                 "type":["VerifiableCredential","OpenBadgeCredential"],
                 "issuer":{"id":"https://example.edu/issuers/565049","type":["Profile"],"name":"Example Corp",
                           "url":"https://www.imsglobal.org"},
                 "validFrom":"2010-01-01T00:00:00Z",
                 "name":"Teamwork Badge",
                 "credentialSubject":{"id":"did:example:ebfeb1f712ebc6f1c276e12ec21","type":["AchievementSubject"],
                   "achievement":{"id":"https://example.com/achievements/21st-century-skills/teamwork",
                     "type":["Achievement"],
                     "criteria":{"narrative":"Team members are nominated for this badge by their peers and recognized upon review by Example Corp management."},
                     "description":"This badge recognizes the development of the capacity to collaborate within a group environment.",
                     "name":"Teamwork"}}}
                """);
        assertThat(dataIntegrity.canonicalDocument(false, credential))
                .isEqualTo(Shared.text(CANON.resolve("obv3p0/document-canon.txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"obv3p0", "clrv2p0"})
    void canonicalProofConfiguration(String vector) {
        ObjectNode config = Json.parseObject("""
                {"@context":["https://www.w3.org/ns/credentials/v2",
                             "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                 "type":"DataIntegrityProof","cryptosuite":"eddsa-rdfc-2022","created":"2010-01-01T19:23:24Z",
                 "verificationMethod":"%s","proofPurpose":"assertionMethod"}
                """.formatted(VM));
        String expected = Shared.text(CANON.resolve(vector + "/proof-canon.txt"));
        assertThat(dataIntegrity.canonicalProofConfig(false, config)).isEqualTo(expected);
        assertThat(viaTitanium.canonicalProofConfig(false, config)).isEqualTo(expected);
    }

    /** The validator's samples whose eddsa-rdfc-2022 proof must verify, with the did:key they name. */
    @ParameterizedTest
    @ValueSource(strings = {"simple.json", "simple-did-key-method.json", "simple-context-alias.json",
        "simple-context-version.json", "simple-did-web-method.json", "endorsement-valid.json"})
    void validatorSamplesVerify(String file) {
        ObjectNode credential = Shared.json(SAMPLES.resolve(file));
        List<String> asked = new ArrayList<>();
        VerificationResult result = dataIntegrity.verify(credential, id -> {
            asked.add(id);
            return FRAGMENT_MULTIKEY.resolve(id);
        });
        assertThat(result.proofs()).as(result.toString()).isNotEmpty().allMatch(ProofResult::verified, "verified");
        assertThat(asked).allMatch(id -> !id.startsWith("did:key:"));
    }

    @Test
    void multipleProofsSampleReportsEachProof() {
        VerificationResult result = dataIntegrity.verify(Shared.json(SAMPLES.resolve("simple-multiple-proofs.json")),
                FRAGMENT_MULTIKEY);
        assertThat(result.proofs()).hasSizeGreaterThan(1);
        assertThat(result.proofs()).anyMatch(ProofResult::verified);
        result.proofs().forEach(p -> assertThat(p.reason()).isNotBlank());
    }

    @Test
    void eddsa2022SampleIsCheckedAsTheOldNameOfRdfc() {
        VerificationResult result = dataIntegrity.verify(Shared.json(SAMPLES.resolve("simple-eddsa-2022.json")),
                FRAGMENT_MULTIKEY);
        assertThat(result.proofs()).hasSize(1);
        assertThat(result.proofs().get(0).cryptosuite()).isEqualTo("eddsa-2022");
        assertThat(result.proofs().get(0).outcome()).isNotEqualTo(ProofResult.Outcome.UNSUPPORTED);
    }

    /** did:web cannot be resolved offline: the resolver is asked for exactly the proof's verification method. */
    @Test
    void didWebSampleAsksTheResolverForItsMethod() {
        ObjectNode credential = Shared.json(SAMPLES.resolve("credential-status-revoked.json"));
        String method = credential.get("proof").isArray()
                ? credential.get("proof").get(0).get("verificationMethod").textValue()
                : credential.get("proof").get("verificationMethod").textValue();
        assertThat(method).startsWith("did:web:");
        List<String> asked = new ArrayList<>();
        assertThatThrownBy(() -> dataIntegrity.verify(credential, id -> {
            asked.add(id);
            throw new MicrocredException(Problem.KEY_NOT_FOUND, "no did:web offline");
        })).isInstanceOf(MicrocredException.class);
        assertThat(asked).containsExactly(method);
    }

    @Test
    void tamperedProofValueSampleIsRejected() {
        VerificationResult result = dataIntegrity.verify(Shared.json(SAMPLES.resolve("simple-err-proof-value.json")),
                FRAGMENT_MULTIKEY);
        assertThat(result.verified()).isFalse();
        assertThat(result.proofs().get(0).outcome()).isEqualTo(ProofResult.Outcome.REJECTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple-err-proof-method-unknown-did-method.json",
        "simple-err-proof-method-unknown-scheme.json", "simple-err-proof-method-no-scheme.json"})
    void unresolvableMethodSamplesCannotBeChecked(String file) {
        ObjectNode credential = Shared.json(SAMPLES.resolve(file));
        assertThatThrownBy(() -> dataIntegrity.verify(credential, FRAGMENT_MULTIKEY))
                .isInstanceOf(MicrocredException.class);
    }

    @Test
    void vc11SamplesVerify() {
        VerificationResult result = dataIntegrity.verify(Shared.json(SAMPLES.resolve("simple_v1.json")),
                FRAGMENT_MULTIKEY);
        assertThat(result.proofs()).hasSize(1);
        assertThat(result.proofs().get(0).type()).isEqualTo("Ed25519Signature2020");
        assertThat(result.verified()).as(result.toString()).isTrue();
        // complete_v1.json names https://1edtech.edu/issuers/565049#key-1, whose document is not available offline
        assertThatThrownBy(() -> dataIntegrity.verify(Shared.json(SAMPLES.resolve("complete_v1.json")),
                FRAGMENT_MULTIKEY)).isInstanceOf(MicrocredException.class);
    }
}
