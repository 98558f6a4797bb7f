package dev.microcred.credentials.dataintegrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.jsonld.JsonLdProcessor;
import dev.microcred.crypto.Ed25519PrivateKey;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The W3C vc-di-eddsa rdfc vector (TestVectors/eddsa-rdfc-2022) with {@code https://w3id.org/security/data-integrity/v2}
 * added after the VC 2.0 context, as issuers in the wild write it: the context repeats VC 2.0's protected definitions,
 * so the canonical document, the signature and the proofValue are the vector's own, byte for byte, and the vector's
 * signed credential verifies with the extra context. Run on the compiled path and on titanium alone.
 */
class DataIntegrityV2ContextTest {
    private static final Path RDFC = Shared.EDDSA.resolve("eddsa-rdfc-2022");
    private static final String DI2 = "https://w3id.org/security/data-integrity/v2";

    private final Ed25519PrivateKey key = Shared.privateKey(
            Shared.json(Shared.EDDSA.resolve("keyPair.json")).get("privateKeyMultibase").textValue());

    private static DataIntegrity dataIntegrity(boolean titaniumOnly) {
        return titaniumOnly ? new DataIntegrity(JsonLdProcessor.standard().titaniumOnly(), false)
                : DataIntegrity.standard();
    }

    /** {@code document} with the Data Integrity v2 context inserted right after VC 2.0. */
    private static ObjectNode withDataIntegrityV2(ObjectNode document) {
        ObjectNode copy = document.deepCopy();
        ((ArrayNode) copy.get("@context")).insert(1, DI2);
        return copy;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void canonicalDocumentIsTheVectors(boolean titaniumOnly) {
        ObjectNode unsigned = withDataIntegrityV2(Shared.json(Shared.EDDSA.resolve("unsigned.json")));

        assertThat(dataIntegrity(titaniumOnly).canonicalDocument(false, unsigned))
                .isEqualTo(Shared.text(RDFC.resolve("canonDocDataInt.txt")));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void signingGivesTheVectorsProofValue(boolean titaniumOnly) {
        ObjectNode unsigned = withDataIntegrityV2(Shared.json(Shared.EDDSA.resolve("unsigned.json")));
        ObjectNode config = Shared.json(RDFC.resolve("proofConfigDataInt.json"));
        ProofOptions options = ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, config.get("verificationMethod").textValue())
                .withCreated(Instant.parse(config.get("created").textValue()));

        ObjectNode signed = dataIntegrity(titaniumOnly).sign(unsigned, options, key);

        ObjectNode vector = Shared.json(RDFC.resolve("signedDataInt.json"));
        assertThat(signed.get("proof")).isEqualTo(vector.get("proof"));
        assertThat(signed).isEqualTo(withDataIntegrityV2(vector));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theVectorsSignedCredentialVerifiesWithTheExtraContext(boolean titaniumOnly) {
        ObjectNode signed = withDataIntegrityV2(Shared.json(RDFC.resolve("signedDataInt.json")));

        VerificationResult result = dataIntegrity(titaniumOnly).verify(signed, KeyResolver.didKeyOnly());

        assertThat(result.verified()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aChangedClaimDoesNotVerifyWithTheExtraContext(boolean titaniumOnly) {
        ObjectNode signed = withDataIntegrityV2(Shared.json(RDFC.resolve("signedDataInt.json")));
        ((ObjectNode) signed.get("credentialSubject")).put("alumniOf", "The School of Counterexamples");

        VerificationResult result = dataIntegrity(titaniumOnly).verify(signed, KeyResolver.didKeyOnly());

        assertThat(result.verified()).isFalse();
    }
}
