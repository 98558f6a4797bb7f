package dev.microcred.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DidKeyTest {
    /** The key pair of the W3C vc-di-eddsa test vectors (TestVectors/keyPair.json). */
    private static final String VECTOR_MULTIKEY = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

    @Test
    void roundTripsEd25519ThroughMultikey() {
        PublicKey key = Multikey.decode(VECTOR_MULTIKEY);
        assertThat(key.type()).isEqualTo(KeyType.ED25519);
        assertThat(Multikey.encode(key)).isEqualTo(VECTOR_MULTIKEY);
    }

    @Test
    void resolvesDidAndDidUrl() {
        String did = "did:key:" + VECTOR_MULTIKEY;
        VerificationMethod vm = DidKey.resolve(did + "#" + VECTOR_MULTIKEY);
        assertThat(vm.controller()).isEqualTo(did);
        assertThat(vm.id()).isEqualTo(did + "#" + VECTOR_MULTIKEY);
        assertThat(DidKey.of(vm.publicKey())).isEqualTo(did);
    }

    @Test
    void rejectsWrongFragmentAndGarbage() {
        assertThatThrownBy(() -> DidKey.resolve("did:key:" + VECTOR_MULTIKEY + "#other"))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("no verification method");
        assertThatThrownBy(() -> DidKey.resolve("did:key:z0OIl")).isInstanceOf(MicrocredException.class)
                .hasMessageContaining("base58");
        assertThatThrownBy(() -> DidKey.resolve("did:web:example.com")).isInstanceOf(MicrocredException.class);
    }

    @Test
    void base58RoundTripKeepsLeadingZeros() {
        byte[] data = HexFormat.of().parseHex("00000102ff");
        assertThat(Base58.decode(Base58.encode(data))).isEqualTo(data);
        assertThat(Base58.encode(data)).startsWith("11");
    }
}
