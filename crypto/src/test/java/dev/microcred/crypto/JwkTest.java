package dev.microcred.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwkTest {
    private static final Base64.Decoder B64U = Base64.getUrlDecoder();

    /** RFC 7638 §3.1: the example RSA key and its SHA-256 thumbprint. */
    @Test
    void rfc7638ThumbprintExample() {
        Jwk jwk = Jwk.parse(Map.of(
                "kty", "RSA",
                "n", "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWK"
                        + "RXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMi"
                        + "cAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3"
                        + "XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
                "e", "AQAB",
                "alg", "RS256",
                "kid", "2011-04-29"));
        assertThat(jwk.thumbprintInput()).startsWith("{\"e\":\"AQAB\",\"kty\":\"RSA\",\"n\":\"0vx7agoebGcQSuuPiLJX")
                .endsWith("DKgw\"}");
        assertThat(jwk.thumbprint()).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
        assertThat(jwk.members()).containsOnlyKeys("kty", "n", "e");
    }

    /** RFC 8037 appendix A.1-A.3: the Ed25519 private JWK, its public JWK and its thumbprint. */
    @Test
    void rfc8037Ed25519KeyAndThumbprint() {
        Jwk jwk = Jwk.parse(Map.of("kty", "OKP", "crv", "Ed25519",
                "d", "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
                "x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"));
        assertThat(jwk.privateKey()).isPresent();
        assertThat(jwk.jwsAlgorithm()).isEqualTo("EdDSA");
        assertThat(jwk.members()).containsExactly(Map.entry("kty", "OKP"), Map.entry("crv", "Ed25519"),
                Map.entry("x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"));
        // RFC 8037 A.3: the thumbprint input and value.
        assertThat(jwk.thumbprintInput())
                .isEqualTo("{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}");
        assertThat(jwk.thumbprint()).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
        assertThat(Jwk.of(jwk.publicKey()).thumbprint()).isEqualTo(jwk.thumbprint());
    }

    /** RFC 8037 A.4: the Ed25519 signature of the signing input, byte for byte. */
    @Test
    void rfc8037Ed25519SignatureOfSigningInput() {
        Signer signer = Jwk.parse(Map.of("kty", "OKP", "crv", "Ed25519",
                "d", "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
                "x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")).privateKey().orElseThrow();
        byte[] input = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc".getBytes(StandardCharsets.US_ASCII);
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign(input))).isEqualTo(
                "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg");
    }

    /** RFC 7515 A.2: RS256 is deterministic, so the appendix's signature is reproduced byte for byte. */
    @Test
    void rfc7515Rs256SignatureReproduced() {
        Jwk jwk = Jwk.parse(JoseVectors.RFC7515_A2_RSA);
        Signer signer = jwk.privateKey().orElseThrow();
        assertThat(signer.jwsAlgorithm()).isEqualTo("RS256");
        byte[] sig = signer.sign(JoseVectors.RFC7515_A2_SIGNING_INPUT.getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(sig)).isEqualTo(JoseVectors.RFC7515_A2_SIGNATURE);
        assertThat(jwk.publicKey().verify(JoseVectors.RFC7515_A2_SIGNING_INPUT.getBytes(StandardCharsets.US_ASCII), sig))
                .isTrue();
        // Private members survive a round trip.
        assertThat(Jwk.parse(jwk.privateMembers())).isEqualTo(jwk);
        assertThat(jwk.privateMembers()).containsAllEntriesOf(JoseVectors.RFC7515_A2_RSA);
    }

    /** RFC 7515 A.3: the ES256 key; ECDSA is randomised there, so the appendix's signature is verified. */
    @Test
    void rfc7515Es256KeyAndSignatureVerify() {
        Jwk jwk = Jwk.parse(JoseVectors.RFC7515_A3_EC);
        assertThat(jwk.privateKey().orElseThrow().publicKey()).isEqualTo(jwk.publicKey());
        byte[] input = JoseVectors.RFC7515_A3_SIGNING_INPUT.getBytes(StandardCharsets.US_ASCII);
        assertThat(jwk.publicKey().verify(input, B64U.decode(JoseVectors.RFC7515_A3_SIGNATURE))).isTrue();
        byte[] tampered = B64U.decode(JoseVectors.RFC7515_A3_SIGNATURE);
        tampered[63] ^= 1;
        assertThat(jwk.publicKey().verify(input, tampered)).isFalse();
    }

    @Test
    void roundTripsEveryKeyType() {
        for (Signer signer : new Signer[] {Ed25519PrivateKey.generate(), P256PrivateKey.generate(),
                RsaPrivateKey.generate()}) {
            Jwk pub = Jwk.of(signer.publicKey());
            assertThat(Jwk.parse(pub.members())).isEqualTo(pub);
            assertThat(Jwk.parse(pub.members()).privateKey()).isEmpty();
            Jwk priv = Jwk.of(signer);
            assertThat(Jwk.parse(priv.privateMembers()).privateKey()).contains(signer);
            assertThat(priv.toString()).doesNotContain(priv.privateMembers().get("d"));
            assertThat(pub.jwsAlgorithm()).isEqualTo(signer.jwsAlgorithm());
        }
    }

    @Test
    void rejectsUnsupportedMalformedAndMismatchedKeys() {
        assertProblem(Map.of("kty", "oct", "k", "AAAA"), Problem.UNSUPPORTED);
        assertProblem(Map.of("kty", "OKP", "crv", "X25519", "x", "AAAA"), Problem.UNSUPPORTED);
        assertProblem(Map.of("kty", "EC", "crv", "secp256k1", "x", "AAAA", "y", "AAAA"), Problem.UNSUPPORTED);
        assertProblem(Map.of("crv", "Ed25519", "x", "AAAA"), Problem.MALFORMED_INPUT);
        assertProblem(Map.of("kty", "OKP", "crv", "Ed25519"), Problem.MALFORMED_INPUT);
        assertProblem(Map.of("kty", "OKP", "crv", "Ed25519", "x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo="),
                Problem.MALFORMED_INPUT);
        assertProblem(Map.of("kty", "OKP", "crv", "Ed25519", "x", "11qY*YKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"),
                Problem.MALFORMED_INPUT);
        assertProblem(Map.of("kty", "OKP", "crv", "Ed25519", "x", "AAAA"), Problem.INVALID_KEY);
        // The A.3 public point with the last byte of y changed is not on the curve.
        Map<String, String> offCurve = new HashMap<>(JoseVectors.RFC7515_A3_EC);
        offCurve.remove("d");
        offCurve.put("y", "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5aA");
        assertProblem(offCurve, Problem.INVALID_KEY);
        // A private key whose d does not belong to x/y.
        Map<String, String> mismatched = new HashMap<>(JoseVectors.RFC7515_A3_EC);
        mismatched.put("d", "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A");
        assertProblem(mismatched, Problem.INVALID_KEY);
        // An RSA private JWK without its CRT members.
        Map<String, String> noCrt = new HashMap<>(JoseVectors.RFC7515_A2_RSA);
        noCrt.remove("qi");
        assertProblem(noCrt, Problem.MALFORMED_INPUT);
        assertThatThrownBy(() -> Jwk.of(Ed25519PrivateKey.generate().publicKey()).privateMembers())
                .isInstanceOf(MicrocredException.class);
    }

    private static void assertProblem(Map<String, String> members, Problem problem) {
        assertThatThrownBy(() -> Jwk.parse(members)).isInstanceOf(MicrocredException.class)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(problem);
    }
}
