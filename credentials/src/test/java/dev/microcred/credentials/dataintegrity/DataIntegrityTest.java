package dev.microcred.credentials.dataintegrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.Bytes;
import dev.microcred.core.Sha256;
import dev.microcred.credentials.jsonld.BundledContextLoader;
import dev.microcred.credentials.jsonld.JsonLdProcessor;
import dev.microcred.crypto.DidKey;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.crypto.Multibase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Known-answer tests: the W3C vc-di-eddsa test vectors (TestVectors/ at w3c/vc-di-eddsa@abb673eb), every
 * intermediate value byte for byte: canonical document, canonical proof configuration, both hashes, hashData,
 * signature and proofValue, then the signed document.
 */
class DataIntegrityTest {
    private static final Path RDFC = Shared.EDDSA.resolve("eddsa-rdfc-2022");
    private static final Path EMPLOY = RDFC.resolve("employ");
    private static final Path JCS = Shared.EDDSA.resolve("eddsa-jcs-2022");
    private static final Path EDSIG = Shared.EDDSA.resolve("Ed25519Signature2020");
    private static final Path SETS = Shared.EDDSA.resolve("proof-set-chain");
    private static final String CITIZENSHIP = "https://w3id.org/citizenship/v4rc1";

    private final DataIntegrity dataIntegrity = DataIntegrity.standard();
    private final DataIntegrity viaTitanium = new DataIntegrity(JsonLdProcessor.standard(), false);
    private final Ed25519PrivateKey key = Shared.privateKey(
            Shared.json(Shared.EDDSA.resolve("keyPair.json")).get("privateKeyMultibase").textValue());

    /** The citizenship v4rc1 context the employment vector needs (a test fixture, not bundled). */
    static DataIntegrity withCitizenship(boolean direct) {
        BundledContextLoader loader = BundledContextLoader.standard().withContext(CITIZENSHIP,
                Shared.text(Shared.EDDSA.resolve("../contexts/citizenship-v4rc1.jsonld")));
        return new DataIntegrity(new JsonLdProcessor(loader), direct);
    }

    @Test
    void keyPairMatchesTheVectorPublicKey() {
        assertThat(DidKey.of(key.publicKey())).isEqualTo("did:key:"
                + Shared.json(Shared.EDDSA.resolve("keyPair.json")).get("publicKeyMultibase").textValue());
    }

    @Test
    void rdfcVectorEveryStep() {
        assertVector(dataIntegrity, false, Shared.json(Shared.EDDSA.resolve("unsigned.json")), RDFC, "DataInt");
    }

    @Test
    void rdfcEmploymentVectorEveryStep() {
        ObjectNode unsigned = Shared.json(Shared.EDDSA.resolve("employmentAuth.json"));
        assertVector(withCitizenship(true), false, unsigned, EMPLOY, "DataInt");
    }

    @Test
    void jcsVectorEveryStep() {
        assertVector(dataIntegrity, true, Shared.json(Shared.EDDSA.resolve("unsigned.json")), JCS, "JCS");
    }

    private void assertVector(DataIntegrity di, boolean jcs, ObjectNode unsigned, Path dir, String suffix) {
        ObjectNode proofConfig = Shared.json(dir.resolve("proofConfig" + suffix + ".json"));
        String canonDoc = di.canonicalDocument(jcs, unsigned);
        String canonProof = di.canonicalProofConfig(jcs, proofConfig);
        assertThat(canonDoc).isEqualTo(Shared.text(dir.resolve("canonDoc" + suffix + ".txt")));
        assertThat(canonProof).isEqualTo(Shared.text(dir.resolve("proofCanon" + suffix + ".txt")));
        assertThat(hex(Sha256.digest(canonDoc))).isEqualTo(Shared.text(dir.resolve("docHash" + suffix + ".txt")).trim());
        assertThat(hex(Sha256.digest(canonProof)))
                .isEqualTo(Shared.text(dir.resolve("proofHash" + suffix + ".txt")).trim());
        byte[] hashData = di.hashData(jcs, unsigned, proofConfig);
        assertThat(hex(hashData)).isEqualTo(Shared.text(dir.resolve("combinedHash" + suffix + ".txt")).trim());
        byte[] signature = key.sign(hashData);
        assertThat(hex(signature)).isEqualTo(Shared.text(dir.resolve("sigHex" + suffix + ".txt")).trim());
        assertThat(Multibase.encode(Multibase.Encoding.BASE58BTC, signature))
                .isEqualTo(Shared.text(dir.resolve("sigBTC58" + suffix + ".txt")).trim());

        ProofOptions options = ProofOptions.of(jcs ? Cryptosuite.EDDSA_JCS_2022 : Cryptosuite.EDDSA_RDFC_2022,
                        proofConfig.get("verificationMethod").textValue())
                .withCreated(Instant.parse(proofConfig.get("created").textValue()));
        ObjectNode signed = di.sign(unsigned, options, key);
        assertThat(signed).isEqualTo(Shared.json(dir.resolve("signed" + suffix + ".json")));
        assertThat(di.verify(signed, KeyResolver.didKeyOnly()).verified()).isTrue();
    }

    @Test
    void ed25519Signature2020VectorEveryStepAndVerifies() {
        ObjectNode signed = Shared.json(EDSIG.resolve("signedEdSig.json"));
        ObjectNode unsigned = signed.deepCopy();
        unsigned.remove("proof");
        ObjectNode proofConfig = Shared.json(EDSIG.resolve("proofConfigEdSig.json"));
        String canonDoc = dataIntegrity.canonicalDocument(false, unsigned);
        String canonProof = dataIntegrity.canonicalProofConfig(false, proofConfig);
        assertThat(canonDoc).isEqualTo(Shared.text(EDSIG.resolve("canonDocEdSig.txt")));
        assertThat(canonProof).isEqualTo(Shared.text(EDSIG.resolve("proofCanonEdSig.txt")));
        assertThat(hex(dataIntegrity.hashData(false, unsigned, proofConfig)))
                .isEqualTo(Shared.text(EDSIG.resolve("combinedHashEdSig.txt")).trim());
        assertThat(hex(key.sign(dataIntegrity.hashData(false, unsigned, proofConfig))))
                .isEqualTo(Shared.text(EDSIG.resolve("sigHexEdSig.txt")).trim());

        VerificationResult result = dataIntegrity.verify(signed, KeyResolver.didKeyOnly());
        assertThat(result.verified()).isTrue();
        assertThat(result.proofs().get(0).type()).isEqualTo("Ed25519Signature2020");
        assertThat(result.proofs().get(0).controller())
                .isEqualTo("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
    }

    @Test
    void proofSetVectorsSignAndVerify() {
        ObjectNode keys = Shared.json(SETS.resolve("multiKeyPairs.json"));
        ObjectNode unsigned = Shared.json(SETS.resolve("unsigned.json"));
        ObjectNode set1 = dataIntegrity.sign(unsigned, options(SETS.resolve("proofSetConfig1.json")), pair(keys, 1));
        assertThat(set1).isEqualTo(Shared.json(SETS.resolve("signedProofSet1.json")));
        ObjectNode set2 = dataIntegrity.sign(set1, options(SETS.resolve("proofSetConfig2.json")), pair(keys, 2));
        assertThat(set2).isEqualTo(Shared.json(SETS.resolve("signedProofSet2.json")));
        VerificationResult result = dataIntegrity.verify(set2, KeyResolver.didKeyOnly());
        assertThat(result.proofs()).hasSize(2).allMatch(ProofResult::verified);
    }

    @Test
    void proofChainVectorsSignAndVerify() {
        ObjectNode keys = Shared.json(SETS.resolve("multiKeyPairs.json"));
        ObjectNode set2 = Shared.json(SETS.resolve("signedProofSet2.json"));
        ObjectNode chain1 = dataIntegrity.sign(set2, options(SETS.resolve("proofChainConfig1.json")), pair(keys, 3));
        assertThat(chain1).isEqualTo(Shared.json(SETS.resolve("signedProofChain1.json")));
        ObjectNode chain2 = dataIntegrity.sign(chain1, options(SETS.resolve("proofChainConfig2.json")), pair(keys, 4));
        assertThat(chain2).isEqualTo(Shared.json(SETS.resolve("signedProofChain2.json")));
        VerificationResult result = dataIntegrity.verify(chain2, KeyResolver.didKeyOnly());
        assertThat(result.proofs()).hasSize(4).allMatch(ProofResult::verified);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eddsa-rdfc-2022/signedDataInt.json", "eddsa-jcs-2022/signedJCS.json",
        "Ed25519Signature2020/signedEdSig.json", "proof-set-chain/signedProofSet1.json",
        "proof-set-chain/signedProofSet2.json", "proof-set-chain/signedProofChain1.json",
        "proof-set-chain/signedProofChain2.json", "proof-set-chain/proofChainTempDoc1.json"})
    void everySignedVectorVerifies(String file) {
        VerificationResult result = dataIntegrity.verify(Shared.json(Shared.EDDSA.resolve(file)),
                KeyResolver.didKeyOnly());
        assertThat(result.proofs()).isNotEmpty().allMatch(ProofResult::verified);
    }

    /** proofChainTempDoc2 holds only the third proof, whose previous proofs are gone: the chain is broken. */
    @Test
    void chainedProofWithoutItsPreviousProofsIsRejected() {
        VerificationResult result = dataIntegrity.verify(Shared.json(SETS.resolve("proofChainTempDoc2.json")),
                KeyResolver.didKeyOnly());
        assertThat(result.verified()).isFalse();
        assertThat(result.proofs().get(0).outcome()).isEqualTo(ProofResult.Outcome.REJECTED);
        assertThat(result.proofs().get(0).reason()).contains("urn:uuid:26329423-bec9-4b2e-88cb-a7c7d9dc4544");
    }

    @Test
    void employmentSignedVectorVerifies() {
        VerificationResult result = withCitizenship(true).verify(Shared.json(EMPLOY.resolve("signedDataInt.json")),
                KeyResolver.didKeyOnly());
        assertThat(result.verified()).isTrue();
    }

    @Test
    void sharedDataBundlesVerify() {
        Path dir = Shared.ROOT.resolve("data/credentials/w3c-vc-di-eddsa-test-vectors");
        int verified = 0;
        for (String bundle : new String[] {"eddsa-rdfc-2022.json", "eddsa-jcs-2022.json",
            "Ed25519Signature2020.json", "proof-set-chain.json", "eddsa-rdfc-2022--employ.json"}) {
            ObjectNode files = Shared.json(dir.resolve(bundle));
            DataIntegrity di = bundle.contains("employ") ? withCitizenship(true) : dataIntegrity;
            var names = files.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (name.startsWith("signed")) {
                    VerificationResult result = di.verify((ObjectNode) files.get(name), KeyResolver.didKeyOnly());
                    assertThat(result.verified()).as(bundle + " " + name).isTrue();
                    verified++;
                }
            }
        }
        assertThat(verified).isEqualTo(8);
    }

    /** The direct proof-configuration quads equal titanium's JSON-LD result for every vector configuration. */
    @ParameterizedTest
    @ValueSource(strings = {"eddsa-rdfc-2022/proofConfigDataInt.json", "proof-set-chain/proofSetConfig1.json",
        "proof-set-chain/proofSetConfig2.json", "proof-set-chain/proofChainConfig1.json",
        "proof-set-chain/proofChainConfig2.json"})
    void directProofQuadsEqualTitanium(String file) {
        ObjectNode config = Shared.json(Shared.EDDSA.resolve(file));
        if (config.get("@context") == null) {
            config.set("@context", Shared.json(SETS.resolve("unsigned.json")).get("@context"));
        }
        assertThat(dataIntegrity.canonicalProofConfig(false, config))
                .isEqualTo(viaTitanium.canonicalProofConfig(false, config));
    }

    private static ProofOptions options(Path config) {
        ObjectNode c = Shared.json(config);
        ProofOptions options = ProofOptions.of(Cryptosuite.of(c.get("cryptosuite").textValue()),
                        c.get("verificationMethod").textValue())
                .withId(c.get("id") == null ? null : c.get("id").textValue())
                .withCreated(Instant.parse(c.get("created").textValue()));
        if (c.has("previousProof")) {
            var previous = c.get("previousProof");
            String[] ids = previous.isArray()
                    ? toArray(previous)
                    : new String[] {previous.textValue()};
            options = options.withPreviousProof(ids);
        }
        return options;
    }

    private static String[] toArray(com.fasterxml.jackson.databind.JsonNode array) {
        String[] out = new String[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).textValue();
        }
        return out;
    }

    private static Ed25519PrivateKey pair(ObjectNode keys, int n) {
        return Shared.privateKey(keys.get("keyPair" + n).get("privateKeyMultibase").textValue());
    }

    private static String hex(byte[] bytes) {
        return Bytes.of(bytes).hex();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] copy(byte[] b) {
        return Arrays.copyOf(b, b.length);
    }
}
