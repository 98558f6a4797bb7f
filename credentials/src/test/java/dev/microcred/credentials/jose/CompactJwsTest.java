package dev.microcred.credentials.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.crypto.Jwk;
import dev.microcred.crypto.Signer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CompactJwsTest {
    private static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();

    /** RFC 7515 A.2: RS256 is deterministic, so the whole example JWS is reproduced and verifies. */
    @Test
    void rfc7515A2Rs256ReproducedByteForByte() {
        Jwk jwk = Jwk.parse(RfcVectors.RFC7515_A2_RSA);
        String jws = CompactJws.sign("{\"alg\":\"RS256\"}", RfcVectors.RFC7515_PAYLOAD.getBytes(StandardCharsets.UTF_8),
                jwk.privateKey().orElseThrow());
        assertThat(jws).isEqualTo(RfcVectors.RFC7515_A2_JWS);
        CompactJws parsed = CompactJws.parse(jws);
        assertThat(parsed.algorithm()).isEqualTo("RS256");
        assertThat(new String(parsed.payload(), StandardCharsets.UTF_8)).isEqualTo(RfcVectors.RFC7515_PAYLOAD);
        assertThat(parsed.verify(JwsAlgorithm.RS256, jwk.publicKey())).isTrue();
    }

    /** RFC 7515 A.3: ECDSA signatures are randomised; the appendix's JWS verifies with its key. */
    @Test
    void rfc7515A3Es256Verifies() {
        Jwk jwk = Jwk.parse(RfcVectors.RFC7515_A3_EC);
        CompactJws parsed = CompactJws.parse(RfcVectors.RFC7515_A3_JWS);
        assertThat(parsed.algorithm()).isEqualTo("ES256");
        assertThat(parsed.signature()).hasSize(64);
        assertThat(parsed.verify(JwsAlgorithm.ES256, jwk.publicKey())).isTrue();
        // ... and so does one we make with the same key (a different, equally valid signature).
        String ours = CompactJws.sign("{\"alg\":\"ES256\"}", RfcVectors.RFC7515_PAYLOAD.getBytes(StandardCharsets.UTF_8),
                jwk.privateKey().orElseThrow());
        assertThat(ours).startsWith(RfcVectors.RFC7515_A3_JWS.substring(0, RfcVectors.RFC7515_A3_JWS.lastIndexOf('.')));
        assertThat(CompactJws.parse(ours).verify(JwsAlgorithm.ES256, jwk.publicKey())).isTrue();
    }

    /** RFC 8037 A.4: the EdDSA JWS of "Example of Ed25519 signing", byte for byte. */
    @Test
    void rfc8037A4EdDsaByteForByte() {
        Jwk jwk = Jwk.parse(RfcVectors.RFC8037_A1_ED25519);
        String jws = CompactJws.sign("{\"alg\":\"EdDSA\"}", "Example of Ed25519 signing".getBytes(StandardCharsets.UTF_8),
                jwk.privateKey().orElseThrow());
        assertThat(jws).isEqualTo(RfcVectors.RFC8037_A4_JWS);
        assertThat(CompactJws.parse(jws).verify(JwsAlgorithm.EDDSA, jwk.publicKey())).isTrue();
    }

    @Test
    void rejectsSignatureTamperingAndAlgorithmKeyMismatch() {
        Jwk ec = Jwk.parse(RfcVectors.RFC7515_A3_EC);
        Jwk ed = Jwk.parse(RfcVectors.RFC8037_A1_ED25519);
        CompactJws a3 = CompactJws.parse(RfcVectors.RFC7515_A3_JWS);
        // The right key under the wrong algorithm, the wrong key type under the right algorithm.
        assertThat(a3.verify(JwsAlgorithm.EDDSA, ec.publicKey())).isFalse();
        assertThat(a3.verify(JwsAlgorithm.ES256, ed.publicKey())).isFalse();
        byte[] sig = a3.signature();
        for (int i = 0; i < sig.length; i++) {
            byte[] bad = sig.clone();
            bad[i] ^= (byte) 0x80;
            String tampered = RfcVectors.RFC7515_A3_JWS.substring(0, RfcVectors.RFC7515_A3_JWS.lastIndexOf('.') + 1)
                    + B64U.encodeToString(bad);
            assertThat(CompactJws.parse(tampered).verify(JwsAlgorithm.ES256, ec.publicKey())).as("byte %d", i).isFalse();
        }
    }

    @Test
    void malformedCompactSerializations() {
        String a3 = RfcVectors.RFC7515_A3_JWS;
        String[] parts = a3.split("\\.");
        assertMalformed(() -> CompactJws.parse(null));
        assertMalformed(() -> CompactJws.parse(""));
        assertMalformed(() -> CompactJws.parse("abc"));
        assertMalformed(() -> CompactJws.parse(parts[0] + "." + parts[1]));
        assertMalformed(() -> CompactJws.parse(a3 + ".AAAA"));
        assertMalformed(() -> CompactJws.parse("." + parts[1] + "." + parts[2]));
        assertMalformed(() -> CompactJws.parse(parts[0] + ".." + parts[2]));
        assertMalformed(() -> CompactJws.parse(parts[0] + "=." + parts[1] + "." + parts[2]));
        assertMalformed(() -> CompactJws.parse(parts[0] + "." + parts[1] + "." + parts[2] + "=="));
        assertMalformed(() -> CompactJws.parse(parts[0] + "." + parts[1].replace('K', '+') + "." + parts[2]));
        assertMalformed(() -> CompactJws.parse(parts[0] + "." + parts[1] + "." + parts[2].substring(1)));
        // The last character 'Q' carries 2 unused bits set... 'R' sets one of the unused low bits: not canonical.
        assertMalformed(() -> CompactJws.parse(a3.substring(0, a3.length() - 1) + "R"));
        assertMalformed(() -> CompactJws.parse(b64("[1,2]") + "." + parts[1] + "." + parts[2]));
        assertMalformed(() -> CompactJws.parse(b64("{\"alg\":") + "." + parts[1] + "." + parts[2]));
        assertMalformed(() -> CompactJws.parse(b64("{\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2]));
        assertMalformed(() -> CompactJws.parse(b64("{\"alg\":256}") + "." + parts[1] + "." + parts[2]));
        assertMalformed(() -> CompactJws.parse(b64("{\"alg\":\"ES256\",\"alg\":\"none\"}") + "." + parts[1] + "."
                + parts[2]));
        assertMalformed(() -> CompactJws.parse("éé." + parts[1] + "." + parts[2]));
        assertThat(CompactJws.parse("  " + a3 + "\n").text()).isEqualTo(a3);
    }

    @Test
    void critHeaderIsUnsupportedAndOversizeIsTooLarge() {
        String payload = b64("{}");
        assertThatThrownBy(() -> CompactJws.parse(b64("{\"alg\":\"ES256\",\"crit\":[\"exp\"],\"exp\":1}") + "."
                + payload + ".AAAA")).isInstanceOf(MicrocredException.class)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.UNSUPPORTED);
        String huge = b64("{\"alg\":\"ES256\"}") + "." + "A".repeat(CompactJws.MAX_LENGTH) + ".AAAA";
        assertThatThrownBy(() -> CompactJws.parse(huge)).isInstanceOf(MicrocredException.class)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.TOO_LARGE);
    }

    @Test
    void unsupportedAlgorithmNamesAreRefused() {
        for (String alg : new String[] {"none", "HS256", "ES384", "PS256", "eddsa", "Ed25519", ""}) {
            assertThatThrownBy(() -> JwsAlgorithm.of(alg)).as(alg).isInstanceOf(MicrocredException.class)
                    .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.UNSUPPORTED);
        }
        assertThat(JwsAlgorithm.of("EdDSA")).isEqualTo(JwsAlgorithm.EDDSA);
    }

    @Test
    void signingWithEachKeyTypeRoundTrips() {
        for (Signer signer : TestKeys.all()) {
            String jws = CompactJws.sign("{\"alg\":\"" + signer.jwsAlgorithm() + "\"}", "x".getBytes(StandardCharsets.UTF_8),
                    signer);
            assertThat(CompactJws.parse(jws).verify(JwsAlgorithm.of(signer.jwsAlgorithm()), signer.publicKey())).isTrue();
        }
    }

    static String b64(String json) {
        return B64U.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertMalformed(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(MicrocredException.class)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.MALFORMED_INPUT);
    }
}
