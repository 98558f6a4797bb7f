package dev.microcred.credentials.blockcerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.Bytes;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.Multibase;
import org.junit.jupiter.api.Test;

/**
 * MerkleProof2019 receipts. Known answers first: the decoding vectors of the Blockcerts encoders
 * (blockchain-certificates/lds-merkle-proof-2019-py tests/test_encoding.py, and the mocknet vector of
 * blockchain-certificates/lds-merkle-proof-2019 src/__tests__/Decoder.test.js; MIT), whose Merkle paths also
 * lead to their roots; then the receipts of the shared samples; then Merkle path folds; then negatives.
 */
class MerkleReceiptTest {
    static final String PY_VECTOR = "zmz7LKNSJbePX9eJWLTaNA3X69vbLSiaJWJPVpFWznKg19Aeug3PQHFrkySKFvvGJhECwPMn947tzUFYnV"
            + "MxbS428oLi5tw2HLKP9szAArV3TbfDSKXddpfV6fPBde6XN8FDbri2wGtYrgyzDXEaGu6QzzUd1GDMTcZ7c9FVFTb8k5v6crug5aLt2Seva"
            + "p1gE9DS7ZUpfRMv8TQHiktNnQBGgc74g8soERFuziTDWoPGTu3Xb6bAs431DJpGGKHDenmFjkQFUJnwQ9nFKKowYnf9h8Gp8gcQmE78aoWht"
            + "EG4qV6Jaik8HhPTQX3dD7MQrXzY8GAHh8tKWQfscyGWb6w4FMpok13jBpZWpaPTVR5fMXsa1garazbMRL7xssnwEJ2gzrCDrGkFXb3JyDGoXM"
            + "ffAYKHUetADrCd3sZKW9k5jC5d6bMA5zSwbyeZE9BjaD27mTrJXSzguAZ1pKsghFztG5u5h6jLgBGMp2aPFopvESSnCA";
    static final String JS_MOCKNET_VECTOR = "zYaPdLQCuei4vhe5Bdz4GjXD4iYkEZL1x2jgNjJArVBt29RUn14RZspAqFo2XDwKtTdBCRZtz"
            + "xpTLwGhJxKv7TGeQQpBbgLgtM6vF15cBc4TBwd3sJc2ZxEjve6Ncuu1XMwczshC8injjzUpjLhhwKTijnUSdoxwj5jyv9CztRmkDajRZAQm"
            + "aqgXuCG8BtoLqsbCubwbpbvEHPJrKjqHrt99C6zPx5X89C8eNMFFr5d7GSSWBbAHrwoCbjYvepm";
    private static final Bytes VECTOR_TARGET =
            Bytes.parseHex("c65c6184e3d5a945ddb5437e93ea312411fd33aa1def22b0746d6ecd4aa30f20");
    private static final Bytes VECTOR_ROOT =
            Bytes.parseHex("3c9ee831b8705f2fbe09f8b3a92247eed88cdc90418c024924be668fdc92e781");

    @Test
    void decodesThePythonEncoderVector() {
        MerkleReceipt receipt = MerkleReceipt.parseProofValue(PY_VECTOR);

        assertThat(receipt.targetHash()).isEqualTo(VECTOR_TARGET);
        assertThat(receipt.merkleRoot()).isEqualTo(VECTOR_ROOT);
        assertThat(receipt.path()).containsExactly(
                new PathStep(PathStep.Side.RIGHT,
                        Bytes.parseHex("51b4e22ed024ec7f38dc68b0bf78c87eda525ab0896b75d2064bdb9fc60b2698")),
                new PathStep(PathStep.Side.RIGHT,
                        Bytes.parseHex("61c56cca660b2e616d0bd62775e728f50275ae44adf12d1bfb9b9c507a14766b")));
        assertThat(receipt.anchors()).extracting(Anchor::blink).containsExactly(
                "blink:btc:testnet:582733d7cef8035d87cecc9ebbe13b3a2f6cc52583fbcd2b9709f20a6b8b56b3");
        assertThat(receipt.anchors().get(0).isMock()).isFalse();
        assertThat(receipt.pathLeadsToRoot()).isTrue();
    }

    @Test
    void decodesTheJavaScriptMocknetVector() {
        MerkleReceipt receipt = MerkleReceipt.parseProofValue(JS_MOCKNET_VECTOR);

        assertThat(receipt.targetHash()).isEqualTo(VECTOR_TARGET);
        assertThat(receipt.merkleRoot()).isEqualTo(VECTOR_ROOT);
        assertThat(receipt.anchors()).extracting(Anchor::blink)
                .containsExactly("blink:mocknet:mocknet:d41d8cd98f00b204e9800998ecf8427e");
        assertThat(receipt.anchors().get(0).isMock()).isTrue();
        assertThat(receipt.pathLeadsToRoot()).isTrue();
    }

    @Test
    void decodesTheTestnetSampleReceipt() {
        MerkleReceipt receipt = MerkleReceipt.parseProofValue(
                BlockcertsSamples.load("v3--testnet-v3-did.json").get("proof").get("proofValue").textValue());

        assertThat(receipt.targetHash().hex())
                .isEqualTo("eca54e560dd43cccd900fa4bb9221f144d4c451c24beeddfd82e31db842bced1");
        assertThat(receipt.path()).containsExactly(new PathStep(PathStep.Side.LEFT,
                Bytes.parseHex("78e670a04db3cf419fff5fb1b11a420a34e5eeae14cc68476dcb84883b5cdb64")));
        assertThat(receipt.merkleRoot().hex())
                .isEqualTo("68df661ae14f926878aabbe5ca33e46376e8bfb397c1364c2f1fa653ecd8b4b6");
        assertThat(receipt.anchors()).singleElement().satisfies(a -> {
            assertThat(a.describe()).isEqualTo("Bitcoin testnet");
            assertThat(a.transaction()).isEqualTo("140ee9382a5c84433b9c89a5d9fea26c47415838b5841deb0c36a8a4b9121f2e");
        });
        assertThat(receipt.pathLeadsToRoot()).isTrue();
    }

    @Test
    void decodesTheMocknetSampleReceiptWithAnEmptyPath() {
        MerkleReceipt receipt = MerkleReceipt.parseProofValue(BlockcertsSamples
                .load("v3--mocknet-vc-v2-data-integrity-proof.json").get("proof").get("proofValue").textValue());

        assertThat(receipt.path()).isEmpty();
        assertThat(receipt.merkleRoot()).isEqualTo(receipt.targetHash());
        assertThat(receipt.anchors()).singleElement().satisfies(a -> {
            assertThat(a.isMock()).isTrue();
            assertThat(a.transaction()).isEqualTo("This has not been issued on a blockchain and is for testing only");
        });
        assertThat(receipt.pathLeadsToRoot()).isTrue();
    }

    @Test
    void readsABlockcertsV2SignatureBlock() {
        MerkleReceipt receipt = MerkleReceipt.ofSignature(
                BlockcertsSamples.load("v2--mocknet-valid-2.0.json").get("signature"));

        assertThat(receipt.targetHash().hex())
                .isEqualTo("637ec732fa4b7b56f4c15a6a12680519a17a9e9eade09f5b424a48eb0e6f5ad0");
        assertThat(receipt.path()).singleElement().extracting(PathStep::side).isEqualTo(PathStep.Side.RIGHT);
        assertThat(receipt.anchors()).singleElement().satisfies(a -> assertThat(a.isMock()).isTrue());
        assertThat(receipt.pathLeadsToRoot()).isTrue();
    }

    @Test
    void foldsLeftAndRightSiblingsInChainpointOrder() {
        Bytes a = Bytes.parseHex("11".repeat(32));
        Bytes b = Bytes.parseHex("22".repeat(32));
        // SHA-256(0x11*32 || 0x22*32) and SHA-256(0x22*32 || 0x11*32), computed independently
        Bytes ab = Bytes.of(dev.microcred.core.Sha256.digest(Bytes.parseHex("11".repeat(32) + "22".repeat(32)).toArray()));
        Bytes ba = Bytes.of(dev.microcred.core.Sha256.digest(Bytes.parseHex("22".repeat(32) + "11".repeat(32)).toArray()));

        assertThat(new MerkleReceipt(a, ab, java.util.List.of(new PathStep(PathStep.Side.RIGHT, b)),
                java.util.List.of()).pathLeadsToRoot()).isTrue();
        assertThat(new MerkleReceipt(a, ba, java.util.List.of(new PathStep(PathStep.Side.LEFT, b)),
                java.util.List.of()).pathLeadsToRoot()).isTrue();
        assertThat(new MerkleReceipt(a, ab, java.util.List.of(new PathStep(PathStep.Side.LEFT, b)),
                java.util.List.of()).pathLeadsToRoot()).isFalse();
        assertThat(new MerkleReceipt(a, a, java.util.List.of(), java.util.List.of()).pathLeadsToRoot()).isTrue();
    }

    @Test
    void aWrongPathElementDoesNotLeadToTheRoot() {
        String tampered = BlockcertsSamples.replaceInReceipt(PY_VECTOR,
                "51b4e22ed024ec7f38dc68b0bf78c87eda525ab0896b75d2064bdb9fc60b2698",
                "51b4e22ed024ec7f38dc68b0bf78c87eda525ab0896b75d2064bdb9fc60b2699");
        MerkleReceipt receipt = MerkleReceipt.parseProofValue(tampered);

        assertThat(receipt.path().get(0).sibling().hex()).endsWith("99");
        assertThat(receipt.pathLeadsToRoot()).isFalse();
    }

    @Test
    void refusesWhatIsNotAReceipt() {
        assertThatThrownBy(() -> MerkleReceipt.parseProofValue("uAAAA")).hasMessageContaining("base58-btc");
        assertThatThrownBy(() -> MerkleReceipt.parseProofValue("z0OIl")).hasMessageContaining("not base58-btc");
        byte[] raw = Multibase.decode(PY_VECTOR);
        String truncated = Multibase.encode(Multibase.Encoding.BASE58BTC, java.util.Arrays.copyOf(raw, raw.length - 5));
        assertThatThrownBy(() -> MerkleReceipt.parseProofValue(truncated)).isInstanceOf(IllegalArgumentException.class);
        // a CBOR map of the wrong members: no anchors
        String noAnchors = Multibase.encode(Multibase.Encoding.BASE58BTC, java.util.HexFormat.of().parseHex("a100f6"));
        assertThatThrownBy(() -> MerkleReceipt.parseProofValue(noAnchors)).isInstanceOf(IllegalArgumentException.class);
        ObjectNode signature = Json.parseObject("{\"targetHash\":\"00\",\"merkleRoot\":\"00\",\"anchors\":[]}");
        assertThatThrownBy(() -> MerkleReceipt.ofSignature(signature)).isInstanceOf(IllegalArgumentException.class);
    }
}
