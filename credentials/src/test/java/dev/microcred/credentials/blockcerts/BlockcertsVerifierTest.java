package dev.microcred.credentials.blockcerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.jsonld.JsonLdProcessor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Known answers: the local hash of each shared Blockcerts sample (SHA-256 of its RDFC-1.0 N-Quads without the
 * proof) equals the targetHash its issuer published; then negative cases: a flipped targetHash, a wrong Merkle
 * path element, a modified certificate, unsupported proof forms.
 */
class BlockcertsVerifierTest {
    private final BlockcertsVerifier verifier = new BlockcertsVerifier(JsonLdProcessor.standard());

    @ParameterizedTest
    @CsvSource({
        "v2--mocknet-valid-2.0.json, V2, MerkleProof2017, 637ec732fa4b7b56f4c15a6a12680519a17a9e9eade09f5b424a48eb0e6f5ad0",
        "v3--testnet-v3-did.json, V3, MerkleProof2019, eca54e560dd43cccd900fa4bb9221f144d4c451c24beeddfd82e31db842bced1",
        "v3--cert-rl-status-list-2021.json, V3, MerkleProof2019, 259207c8e7ab8a5ee05238667645e72818bce67779d69fe124270f7855e7fd2a",
        // @context: VC 2.0, Data Integrity v2 (which repeats VC 2.0's protected DataIntegrityProof), Blockcerts v3.1
        "v3--mocknet-vc-v2-data-integrity-proof.json, V3, DataIntegrityProof/merkle-proof-2019,"
                + " 357997ba81404cff4065f003b86aaf54f99daa8828fb8ed4ba756eff0fcc9edb",
    })
    void sampleHashesToItsPublishedTargetHash(String file, BlockcertsVerification.Version version, String type,
                                              String targetHash) {
        BlockcertsVerification result = verifier.verify(BlockcertsSamples.load(file));

        assertThat(result.outcome()).as(result.reason()).isEqualTo(BlockcertsVerification.Outcome.VERIFIED);
        assertThat(result.version()).isEqualTo(version);
        assertThat(result.proofType()).isEqualTo(type);
        assertThat(result.localHash().hex()).isEqualTo(targetHash);
        assertThat(result.receipt().targetHash().hex()).isEqualTo(targetHash);
    }

    @Test
    void theDataIntegrityFormHashesTheSameWithoutTheRedundantContext() {
        // Data Integrity v2 repeats VC 2.0's DataIntegrityProof and adds a top-level "proof" this sample never uses
        // outside the credential node, so both forms have the same canonical N-Quads
        BlockcertsVerification published = verifier.verify(
                BlockcertsSamples.load("v3--mocknet-vc-v2-data-integrity-proof.json"));
        ObjectNode certificate = BlockcertsSamples.load("v3--mocknet-vc-v2-data-integrity-proof.json");
        assertThat(((com.fasterxml.jackson.databind.node.ArrayNode) certificate.get("@context")).remove(1).textValue())
                .isEqualTo("https://w3id.org/security/data-integrity/v2");

        BlockcertsVerification result = verifier.verify(certificate);

        assertThat(result.outcome()).as(result.reason()).isEqualTo(BlockcertsVerification.Outcome.VERIFIED);
        assertThat(result.proofType()).isEqualTo("DataIntegrityProof/merkle-proof-2019");
        assertThat(result.localHash()).isEqualTo(published.localHash());
        assertThat(result.receipt().anchors()).singleElement().satisfies(a -> assertThat(a.isMock()).isTrue());
    }

    @Test
    void theDataIntegrityFormWithDataIntegrityV1IsAProtectedTermRedefinition() {
        // Data Integrity v1 scopes cryptosuite without a datatype and lacks previousProof: not VC 2.0's definition
        ObjectNode certificate = BlockcertsSamples.load("v3--mocknet-vc-v2-data-integrity-proof.json");
        ((com.fasterxml.jackson.databind.node.ArrayNode) certificate.get("@context"))
                .set(1, "https://w3id.org/security/data-integrity/v1");

        assertThatThrownBy(() -> verifier.verify(certificate)).isInstanceOf(MicrocredException.class)
                .hasMessageContaining("protected term 'DataIntegrityProof'")
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.JSONLD_ERROR);
    }

    @Test
    void rejectsAFlippedTargetHash() {
        ObjectNode certificate = BlockcertsSamples.load("v3--testnet-v3-did.json");
        ObjectNode proof = (ObjectNode) certificate.get("proof");
        proof.put("proofValue", BlockcertsSamples.replaceInReceipt(proof.get("proofValue").textValue(),
                "eca54e560dd43cccd900fa4bb9221f144d4c451c24beeddfd82e31db842bced1",
                "fca54e560dd43cccd900fa4bb9221f144d4c451c24beeddfd82e31db842bced1"));

        BlockcertsVerification result = verifier.verify(certificate);

        assertThat(result.outcome()).isEqualTo(BlockcertsVerification.Outcome.REJECTED);
        assertThat(result.reason()).contains("not to the receipt's targetHash fca54e56", "altered after issuing");
    }

    @Test
    void rejectsAFlippedV2TargetHash() {
        ObjectNode certificate = BlockcertsSamples.load("v2--mocknet-valid-2.0.json");
        ((ObjectNode) certificate.get("signature")).put("targetHash",
                "637ec732fa4b7b56f4c15a6a12680519a17a9e9eade09f5b424a48eb0e6f5ad1");

        assertThat(verifier.verify(certificate).outcome()).isEqualTo(BlockcertsVerification.Outcome.REJECTED);
    }

    @Test
    void rejectsAWrongMerklePathElement() {
        ObjectNode certificate = BlockcertsSamples.load("v3--cert-rl-status-list-2021.json");
        ObjectNode proof = (ObjectNode) certificate.get("proof");
        proof.put("proofValue", BlockcertsSamples.replaceInReceipt(proof.get("proofValue").textValue(),
                "1b135fceb980a1b7da45f0f96aab8b78ebf9fd60fdb29367bb1b55c7cb06c4b9",
                "1b135fceb980a1b7da45f0f96aab8b78ebf9fd60fdb29367bb1b55c7cb06c4b8"));

        BlockcertsVerification result = verifier.verify(certificate);

        assertThat(result.outcome()).isEqualTo(BlockcertsVerification.Outcome.REJECTED);
        assertThat(result.reason()).contains("Merkle path leads to", "not to the receipt's merkleRoot 1c10497b");
    }

    @Test
    void rejectsAWrongV2MerklePathElement() {
        ObjectNode certificate = BlockcertsSamples.load("v2--mocknet-valid-2.0.json");
        ((ObjectNode) certificate.get("signature").get("proof").get(0)).put("right",
                "9a3edd46d3d48bf293229a47ed932b6ff29bb9a53afecbe8c606b18bbee690f1");

        assertThat(verifier.verify(certificate).reason()).contains("Merkle path leads to");
    }

    @Test
    void rejectsAModifiedCertificate() {
        ObjectNode certificate = BlockcertsSamples.load("v3--testnet-v3-did.json");
        ((ObjectNode) certificate.get("credentialSubject")).put("name", "Someone Else");

        BlockcertsVerification result = verifier.verify(certificate);

        assertThat(result.outcome()).isEqualTo(BlockcertsVerification.Outcome.REJECTED);
        assertThat(result.reason()).contains("altered after issuing");
    }

    @Test
    void rejectsAModifiedV2Certificate() {
        ObjectNode certificate = BlockcertsSamples.load("v2--mocknet-valid-2.0.json");
        ((ObjectNode) certificate.get("recipient")).put("identity", "someone@example.org");

        assertThat(verifier.verify(certificate).reason()).contains("altered after issuing");
    }

    @Test
    void rejectsAnUnreadableReceipt() {
        ObjectNode certificate = BlockcertsSamples.load("v3--testnet-v3-did.json");
        ((ObjectNode) certificate.get("proof")).put("proofValue", "z3yZe7d");

        BlockcertsVerification result = verifier.verify(certificate);

        assertThat(result.outcome()).isEqualTo(BlockcertsVerification.Outcome.REJECTED);
        assertThat(result.reason()).startsWith("the receipt cannot be read");
        assertThat(result.receipt()).isNull();
    }

    @Test
    void proofSetsAndOtherTypesAreUnsupported() {
        ObjectNode certificate = BlockcertsSamples.load("v3--testnet-v3-did.json");
        ObjectNode proof = (ObjectNode) certificate.remove("proof");
        certificate.putArray("proof").add(proof).add(proof.deepCopy().put("type", "ChainedProof2021"));
        assertThatThrownBy(() -> verifier.verify(certificate)).isInstanceOf(MicrocredException.class)
                .hasMessageContaining("2 proofs")
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.UNSUPPORTED);

        ObjectNode other = BlockcertsSamples.load("v3--testnet-v3-did.json");
        ((ObjectNode) other.get("proof")).put("type", "EcdsaSecp256k1Signature2019");
        assertThatThrownBy(() -> verifier.verify(other)).isInstanceOf(MicrocredException.class)
                .hasMessageContaining("EcdsaSecp256k1Signature2019");
    }
}
