package dev.microcred.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DidKeyTest {
    private static final Base64.Decoder B64U = Base64.getUrlDecoder();
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

    /**
     * W3C CCG did:key test vectors, test-vectors/nist-curves.json (w3c-ccg/did-method-key @ e7839a8e): the
     * P-256 private key {@code d}, its public JWK {@code x}/{@code y} and the DID.
     */
    @ParameterizedTest
    @CsvSource({
        "did:key:zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv, igrFmi0whuihKnj9R3Om1SoMph72wUGeFaBbzG2vzns,"
                + " efsX5b10x8yjyrj4ny3pGfLcY7Xby1KzgqOdqnsrJIM, gPh-VvVS8MbvKQ9LSVVmfnxnKjHn4Tqj0bmbpehRlpc",
        "did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169, fyNYMN0976ci7xqiSdag3buk-ZCwgXU4kz9XNkBlNUI,"
                + " hW2ojTNfH7Jbi8--CJUo3OCbH3y5n91g-IMA9MLMbTU, YjRs6vNvw4sYrzVVY8ipkEpDAD9PFqw1sUnvPRMA-WI",
    })
    void p256VectorsFromTheDidKeySpecification(String did, String x, String y, String d) {
        VerificationMethod vm = DidKey.resolve(did);
        assertThat(vm.publicKey().type()).isEqualTo(KeyType.P256);
        P256PublicKey key = (P256PublicKey) vm.publicKey();
        assertThat(key.x()).isEqualTo(B64U.decode(x));
        assertThat(key.y()).isEqualTo(B64U.decode(y));
        String multikey = did.substring("did:key:".length());
        assertThat(vm.id()).isEqualTo(did + "#" + multikey);
        assertThat(vm.controller()).isEqualTo(did);

        P256PrivateKey privateKey = P256PrivateKey.fromScalar(B64U.decode(d));
        assertThat(privateKey.publicKey()).isEqualTo(key);
        assertThat(DidKey.of(privateKey.publicKey())).isEqualTo(did);
        assertThat(DidKey.verificationMethodId(privateKey.publicKey())).isEqualTo(did + "#" + multikey);
        assertThat(Multikey.encode(P256PublicKey.fromCoordinates(B64U.decode(x), B64U.decode(y))))
                .isEqualTo(multikey).startsWith("zDn");
        // The multicodec varint of p256-pub (0x1200) is 0x80 0x24, then the 33-byte compressed point.
        byte[] raw = Multibase.decode(multikey);
        assertThat(raw).hasSize(35).startsWith((byte) 0x80, (byte) 0x24);
    }

    @Test
    void generatedP256KeysRoundTripThroughDidKey() {
        P256PublicKey key = P256PrivateKey.generate().publicKey();
        assertThat(DidKey.of(key)).startsWith("did:key:zDn");
        assertThat(DidKey.resolve(DidKey.verificationMethodId(key)).publicKey()).isEqualTo(key);
    }

    @Test
    void rejectsUnknownMulticodecWrongLengthAndRsa() {
        // secp256k1-pub (0xe7 0x01) is a valid multicodec that microcred does not implement.
        byte[] secp256k1 = new byte[35];
        secp256k1[0] = (byte) 0xe7;
        secp256k1[1] = 0x01;
        secp256k1[2] = 0x02;
        assertThatThrownBy(() -> Multikey.decode(Multibase.encode(Multibase.Encoding.BASE58BTC, secp256k1)))
                .isInstanceOf(MicrocredException.class)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.UNSUPPORTED);
        // A p256-pub prefix followed by an uncompressed point is not a Multikey.
        byte[] uncompressed = P256PrivateKey.generate().publicKey().uncompressed();
        byte[] longer = new byte[2 + uncompressed.length];
        longer[0] = (byte) 0x80;
        longer[1] = 0x24;
        System.arraycopy(uncompressed, 0, longer, 2, uncompressed.length);
        assertThatThrownBy(() -> Multikey.decode(Multibase.encode(Multibase.Encoding.BASE58BTC, longer)))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("33-byte");
        // An Ed25519 prefix with 31 key bytes.
        byte[] shortEd = new byte[33];
        shortEd[0] = (byte) 0xed;
        shortEd[1] = 0x01;
        assertThatThrownBy(() -> Multikey.decode(Multibase.encode(Multibase.Encoding.BASE58BTC, shortEd)))
                .isInstanceOf(MicrocredException.class)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.INVALID_KEY);
        assertThatThrownBy(() -> Multikey.encode(RsaPrivateKey.generate().publicKey()))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("RSA");
        assertThatThrownBy(() -> DidKey.resolve(null)).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> DidKey.resolve("did:key:")).isInstanceOf(MicrocredException.class);
    }

    /** draft-msporny-base58 §5 examples. */
    @Test
    void base58DraftExamples() {
        assertThat(Base58.encode("Hello World!".getBytes(StandardCharsets.US_ASCII))).isEqualTo("2NEpo7TZRRrLZSi2U");
        assertThat(Base58.encode("The quick brown fox jumps over the lazy dog.".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z");
        assertThat(Base58.encode(HexFormat.of().parseHex("0000287fb4cd"))).isEqualTo("11233QC4");
        assertThat(Base58.decode("11233QC4")).isEqualTo(HexFormat.of().parseHex("0000287fb4cd"));
    }

    @Test
    void base58EdgeCases() {
        assertThat(Base58.encode(new byte[0])).isEmpty();
        assertThat(Base58.decode("")).isEmpty();
        assertThat(Base58.encode(new byte[] {0})).isEqualTo("1");
        assertThat(Base58.decode("1")).containsExactly(0);
        assertThat(Base58.encode(new byte[] {0, 0, 0})).isEqualTo("111");
        assertThat(Base58.encode(new byte[] {(byte) 0xff})).isEqualTo("5Q");
        assertThat(Base58.decode("5Q")).containsExactly((byte) 0xff);
        for (String bad : new String[] {"0", "O", "I", "l", "+", "é"}) {
            assertThatThrownBy(() -> Base58.decode("abc" + bad)).as(bad).isInstanceOf(MicrocredException.class)
                    .hasMessageContaining("base58");
        }
    }

    @Test
    void multibaseEdgeCases() {
        byte[] data = {(byte) 0xfb, (byte) 0xff, 0x00};
        assertThat(Multibase.encode(Multibase.Encoding.BASE64URL, data)).isEqualTo("u-_8A");
        assertThat(Multibase.decode("u-_8A")).isEqualTo(data);
        assertThat(Multibase.decode(Multibase.encode(Multibase.Encoding.BASE58BTC, data))).isEqualTo(data);
        assertThat(Multibase.decode("z")).isEmpty();
        assertThatThrownBy(() -> Multibase.decode("")).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> Multibase.decode(null)).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> Multibase.decode("mAAAA")).isInstanceOf(MicrocredException.class)
                .hasMessageContaining("prefix 'm'");
        assertThatThrownBy(() -> Multibase.decode("u+/8A")).isInstanceOf(MicrocredException.class)
                .hasMessageContaining("base64url");
    }

    @Property(tries = 200)
    void base58RoundTripsAnyBytes(@ForAll @Size(max = 80) byte[] data) {
        assertThat(Base58.decode(Base58.encode(data))).isEqualTo(data);
    }

    @Test
    void base58RoundTripKeepsLeadingZeros() {
        byte[] data = HexFormat.of().parseHex("00000102ff");
        assertThat(Base58.decode(Base58.encode(data))).isEqualTo(data);
        assertThat(Base58.encode(data)).startsWith("11");
    }
}
