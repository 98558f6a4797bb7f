package dev.microcred.credentials.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.DidKey;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.crypto.Jwk;
import dev.microcred.crypto.Signer;
import dev.microcred.crypto.VerificationMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class VcJwtTest {
    private static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64U_DECODER = Base64.getUrlDecoder();
    private static final String RSA_ISSUER = "https://1edtech.edu/issuers/565049";
    private static final List<String> ALL_CHECKS =
            List.of("alg", "key", "key-controller", "signature", "iss", "jti", "nbf", "sub", "exp");

    static Path shared() {
        return Path.of(System.getProperty("microcred.shared", "../../shared"));
    }

    static String read(String relative) throws IOException {
        return Files.readString(shared().resolve(relative), StandardCharsets.UTF_8);
    }

    /** The OB 3.0 specification's skill assertion example (about 3 KB), issued by {@code issuer}. */
    static ObjectNode credential(String issuer) throws IOException {
        ObjectNode credential = Json.parseObject(read("conformance-vectors/open-badges-3.0/spec-examples/skillAssertionCase.json"));
        ((ObjectNode) credential.get("issuer")).put("id", issuer);
        credential.put("validFrom", "2010-01-01T00:00:00Z");
        credential.put("validUntil", "2030-01-01T00:00:00Z");
        return credential;
    }

    /** The issuer id, kid and resolver for a signer: did:key for Ed25519 and P-256, an https issuer for RSA. */
    record Issuer(Signer signer, String id, String kid, KeyResolver keys) {
        static Issuer of(Signer signer) {
            if (signer.publicKey().type() == dev.microcred.crypto.KeyType.RSA) {
                String kid = RSA_ISSUER + "#key-1";
                return new Issuer(signer, RSA_ISSUER, kid, id -> {
                    if (!id.equals(kid)) {
                        throw new MicrocredException(Problem.KEY_NOT_FOUND, "unknown key " + id);
                    }
                    return new VerificationMethod(kid, RSA_ISSUER, signer.publicKey());
                });
            }
            return new Issuer(signer, DidKey.of(signer.publicKey()), DidKey.verificationMethodId(signer.publicKey()),
                    KeyResolver.DID_KEY);
        }
    }

    // ------------------------------------------------------------------------------ round trips

    @Test
    void roundTripsEveryAlgorithm() throws IOException {
        for (Signer signer : TestKeys.all()) {
            Issuer issuer = Issuer.of(signer);
            ObjectNode credential = credential(issuer.id());
            ObjectNode before = credential.deepCopy();
            String jwt = VcJwt.issue(credential, signer, issuer.kid());
            assertThat(credential).as("issue leaves the credential alone").isEqualTo(before);

            CompactJws jws = CompactJws.parse(jwt);
            assertThat(jws.header()).isEqualTo(Json.parseObject("{\"alg\":\"" + signer.jwsAlgorithm() + "\",\"kid\":\""
                    + issuer.kid() + "\",\"typ\":\"JWT\"}"));
            ObjectNode payload = Json.parseObject(jws.payload());
            assertThat(payload.get("iss").asText()).isEqualTo(issuer.id());
            assertThat(payload.get("jti").asText()).isEqualTo("http://1edtech.edu/credentials/3732");
            assertThat(payload.get("sub").asText()).isEqualTo("did:example:ebfeb1f712ebc6f1c276e12ec21");
            assertThat(payload.get("nbf").asLong()).isEqualTo(1_262_304_000L);
            assertThat(payload.get("exp").asLong()).isEqualTo(1_893_456_000L);
            assertThat(payload.has("vc")).isFalse();

            VcJwtVerification result = VcJwt.verify(jwt, issuer.keys());
            assertThat(result.verified()).as(signer.jwsAlgorithm() + " " + result.checks()).isTrue();
            assertThat(result.checks()).extracting(JwtCheck::name).containsExactlyElementsOf(ALL_CHECKS);
            assertThat(result.keySource()).isEqualTo(VcJwtVerification.KeySource.KID);
            assertThat(result.key()).isEqualTo(signer.publicKey());
            assertThat(result.credential()).isEqualTo(before);
            assertThat(result.warnings()).isEmpty();
        }
    }

    @Test
    void embeddedJwkHeaderVerifiesWithAWarning() throws IOException {
        for (Signer signer : TestKeys.all()) {
            String jwt = VcJwt.issueWithEmbeddedKey(credential(RSA_ISSUER), signer);
            assertThat(CompactJws.parse(jwt).header().get("jwk").get("kty").asText())
                    .isEqualTo(Jwk.of(signer.publicKey()).members().get("kty"));
            VcJwtVerification result = VcJwt.verify(jwt, id -> {
                throw new AssertionError("the resolver must not be asked: " + id);
            });
            assertThat(result.verified()).as(result.checks().toString()).isTrue();
            assertThat(result.keySource()).isEqualTo(VcJwtVerification.KeySource.JWK);
            assertThat(result.keyId()).isEqualTo("jwk:" + Jwk.of(signer.publicKey()).thumbprint());
            assertThat(result.warnings()).singleElement().asString().contains("not bound to the issuer");
            assertThat(result.check("key-controller")).isEmpty();
        }
    }

    @Test
    void relativeKidAndIssuerResolution() throws IOException {
        Issuer rsa = Issuer.of(TestKeys.RSA);
        String relative = sign(rsa.signer(), header("RS256", "#key-1"), payloadOf(credential(RSA_ISSUER)));
        VcJwtVerification result = VcJwt.verify(relative, rsa.keys());
        assertThat(result.verified()).isTrue();
        assertThat(result.keyId()).isEqualTo(RSA_ISSUER + "#key-1");

        // Neither kid nor jwk: the did:key issuer resolves to its key.
        Issuer ed = Issuer.of(TestKeys.ED25519);
        String bare = sign(ed.signer(), "{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}", payloadOf(credential(ed.id())));
        VcJwtVerification byIssuer = VcJwt.verify(bare, KeyResolver.DID_KEY);
        assertThat(byIssuer.verified()).isTrue();
        assertThat(byIssuer.keySource()).isEqualTo(VcJwtVerification.KeySource.ISSUER);
    }

    /** OB 3.0 credentials may carry a credentialSubject array of one, a string issuer, fractional dates. */
    @Test
    void acceptsCompactedShapes() throws IOException {
        Issuer ed = Issuer.of(TestKeys.ED25519);
        ObjectNode credential = credential(ed.id());
        credential.put("issuer", ed.id());
        credential.set("credentialSubject", Json.mapper().createArrayNode().add(credential.get("credentialSubject")));
        credential.put("validFrom", "2010-01-01T01:00:00.750+01:00");
        String jwt = VcJwt.issue(credential, ed.signer(), ed.kid());
        assertThat(Json.parseObject(CompactJws.parse(jwt).payload()).get("nbf").asLong()).isEqualTo(1_262_304_000L);
        VcJwtVerification result = VcJwt.verify(jwt, ed.keys());
        assertThat(result.verified()).as(result.checks().toString()).isTrue();
        assertThat(result.check("sub").orElseThrow().detail()).contains("did:example:ebfeb1f712ebc6f1c276e12ec21");
    }

    @Test
    void vc11StyleVcClaimIsAccepted() throws IOException {
        Issuer ed = Issuer.of(TestKeys.ED25519);
        ObjectNode vc = credential(ed.id());
        vc.remove("validFrom");
        vc.remove("validUntil");
        vc.put("issuanceDate", "2010-01-01T00:00:00Z");
        vc.put("expirationDate", "2030-01-01T00:00:00Z");
        ObjectNode payload = Json.object();
        payload.set("vc", vc);
        payload.put("iss", ed.id()).put("jti", vc.get("id").asText()).put("sub", "did:example:ebfeb1f712ebc6f1c276e12ec21")
                .put("nbf", 1_262_304_000L).put("exp", 1_893_456_000L);
        VcJwtVerification result = VcJwt.verify(sign(ed.signer(), header("EdDSA", ed.kid()), payload), ed.keys());
        assertThat(result.verified()).as(result.checks().toString()).isTrue();
        assertThat(result.decoded().vcClaim()).isTrue();
        assertThat(result.credential()).isEqualTo(vc);

        // VC-JWT 1.1: fields the issuer left out of vc because the claims carry them are restored.
        ObjectNode slim = vc.deepCopy();
        slim.remove(List.of("id", "issuer", "issuanceDate", "expirationDate"));
        ((ObjectNode) slim.get("credentialSubject")).remove("id");
        payload.set("vc", slim);
        VcJwtVerification restored = VcJwt.verify(sign(ed.signer(), header("EdDSA", ed.kid()), payload), ed.keys());
        assertThat(restored.verified()).as(restored.checks().toString()).isTrue();
        assertThat(restored.credential().get("issuanceDate").asText()).isEqualTo("2010-01-01T00:00:00Z");
        assertThat(restored.credential().get("issuer").asText()).isEqualTo(ed.id());
        assertThat(restored.check("jti").orElseThrow().detail()).endsWith("(field restored from the claim)");
    }

    // ------------------------------------------------------------------------------ 1EdTech samples

    /**
     * The 1EdTech validator sample simple.jwt: RS256, VC 1.1 {@code vc} claim, and neither {@code kid} nor
     * {@code jwk}. Its claims agree with the credential; its key cannot be found offline (the issuer is an https
     * URL whose profile would have to be fetched), and verification says exactly that.
     */
    @Test
    void validatorSampleSimpleJwt() throws IOException {
        String jwt = read("conformance-vectors/open-badges-3.0/validator-samples/simple.jwt");
        DecodedVcJwt decoded = VcJwt.decode(jwt);
        assertThat(decoded.jws().algorithm()).isEqualTo("RS256");
        assertThat(decoded.jws().signature()).hasSize(256);
        assertThat(decoded.vcClaim()).isTrue();
        assertThat(decoded.claimsConsistent()).as(decoded.claimChecks().toString()).isTrue();
        assertThat(decoded.credential().get("id").asText()).isEqualTo("http://example.edu/credentials/3732");
        assertThat(decoded.claimChecks()).extracting(JwtCheck::detail).contains(
                "iss equals the issuer id https://example.edu/issuers/565049",
                "nbf 1262304000 equals issuanceDate 2010-01-01T00:00:00Z",
                "neither the exp claim nor expirationDate is present");
        assertThatThrownBy(() -> VcJwt.verify(jwt, KeyResolver.DID_KEY))
                .isInstanceOf(MicrocredException.class)
                .hasMessage("cannot resolve the issuer https://example.edu/issuers/565049 to a key "
                        + "(the JWS header has neither kid nor jwk): not a did:key identifier")
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.KEY_NOT_FOUND);
    }

    /**
     * The 1EdTech validator sample velocity.jwt: RS256 with a {@code did:velocity} kid, a method microcred does not
     * resolve (it needs the Velocity Network ledger). Its claims agree (nbf is issuanceDate 2025-10-15T00:44:21.142Z
     * in whole seconds, although vc also holds an unrelated validFrom); its key cannot be found offline.
     */
    @Test
    void validatorSampleVelocityJwt() throws IOException {
        String jwt = read("conformance-vectors/open-badges-3.0/validator-samples/velocity.jwt");
        DecodedVcJwt decoded = VcJwt.decode(jwt);
        assertThat(decoded.jws().algorithm()).isEqualTo("RS256");
        assertThat(decoded.vcClaim()).isTrue();
        assertThat(decoded.claimsConsistent()).as(decoded.claimChecks().toString()).isTrue();
        assertThat(decoded.claimChecks()).extracting(JwtCheck::detail)
                .contains("nbf 1760489061 equals issuanceDate 2025-10-15T00:44:21.142Z");
        String kid = decoded.jws().header().get("kid").asText();
        assertThat(kid).startsWith("did:velocity:v2:").endsWith("#key-1");
        assertThatThrownBy(() -> VcJwt.verify(jwt, KeyResolver.DID_KEY))
                .isInstanceOf(MicrocredException.class)
                .hasMessage("cannot resolve the JWS kid " + kid + ": not a did:key identifier")
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.KEY_NOT_FOUND);
    }

    // ------------------------------------------------------------------------------ rejections

    @Test
    void rejectsFlippedSignatureByte() throws IOException {
        for (Signer signer : TestKeys.all()) {
            Issuer issuer = Issuer.of(signer);
            String jwt = VcJwt.issue(credential(issuer.id()), signer, issuer.kid());
            int dot = jwt.lastIndexOf('.');
            byte[] sig = B64U_DECODER.decode(jwt.substring(dot + 1));
            sig[sig.length / 2] ^= 0x01;
            VcJwtVerification result = VcJwt.verify(jwt.substring(0, dot + 1) + B64U.encodeToString(sig), issuer.keys());
            assertRejectedBy(result, "signature");
        }
    }

    @Test
    void rejectsChangedPayload() throws IOException {
        Issuer ed = Issuer.of(TestKeys.ED25519);
        String jwt = VcJwt.issue(credential(ed.id()), ed.signer(), ed.kid());
        String[] parts = jwt.split("\\.");
        ObjectNode payload = Json.parseObject(B64U_DECODER.decode(parts[1]));
        ((ObjectNode) payload.get("credentialSubject")).put("id", "did:example:someone-else");
        payload.put("sub", "did:example:someone-else");
        String forged = parts[0] + "." + B64U.encodeToString(Json.write(payload).getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertRejectedBy(VcJwt.verify(forged, ed.keys()), "signature");
    }

    /** Each OB 3.0 claim rule, broken one at a time in a correctly signed JWT. */
    @Test
    void rejectsEachClaimFieldMismatch() throws IOException {
        assertClaimRejected("iss", p -> p.put("iss", "did:example:impostor"));
        assertClaimRejected("iss", p -> p.remove("iss"));
        assertClaimRejected("iss", p -> p.put("iss", 42));
        assertClaimRejected("jti", p -> p.put("jti", "http://1edtech.edu/credentials/9999"));
        assertClaimRejected("jti", p -> p.remove("id"));
        assertClaimRejected("nbf", p -> p.put("nbf", 1_262_304_001L));
        assertClaimRejected("nbf", p -> p.put("nbf", "1262304000"));
        assertClaimRejected("nbf", p -> p.put("validFrom", "not a date"));
        assertClaimRejected("sub", p -> p.put("sub", "did:example:someone-else"));
        assertClaimRejected("sub", p -> ((ObjectNode) p.get("credentialSubject")).remove("id"));
        assertClaimRejected("exp", p -> p.put("exp", 1_893_456_001L));
        assertClaimRejected("exp", p -> p.remove("validUntil"));
    }

    /** A field without its claim is not a contradiction: the payload is signed as a whole, so the field applies. */
    @Test
    void acceptsAFieldWithoutItsClaim() throws IOException {
        for (String claim : new String[] {"jti", "nbf", "sub", "exp"}) {
            Issuer ed = Issuer.of(TestKeys.ED25519);
            ObjectNode payload = payloadOf(credential(ed.id()));
            payload.remove(claim);
            VcJwtVerification result = VcJwt.verify(sign(ed.signer(), header("EdDSA", ed.kid()), payload), ed.keys());
            assertThat(result.verified()).as(claim).isTrue();
            assertThat(result.check(claim).orElseThrow().detail()).as(claim).contains("applies");
        }
    }

    private void assertClaimRejected(String claim, Consumer<ObjectNode> breakIt) throws IOException {
        Issuer ed = Issuer.of(TestKeys.ED25519);
        ObjectNode payload = payloadOf(credential(ed.id()));
        breakIt.accept(payload);
        VcJwtVerification result = VcJwt.verify(sign(ed.signer(), header("EdDSA", ed.kid()), payload), ed.keys());
        assertRejectedBy(result, claim);
        assertThat(result.check("signature").orElseThrow().passed()).isTrue();
    }

    @Test
    void rejectsAlgNone() throws IOException {
        Issuer ed = Issuer.of(TestKeys.ED25519);
        String unsecured = CompactJwsTest.b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + B64U.encodeToString(Json.write(payloadOf(credential(ed.id()))).getBytes(StandardCharsets.UTF_8)) + ".";
        VcJwtVerification result = VcJwt.verify(unsecured, ed.keys());
        assertRejectedBy(result, "alg");
        assertThat(result.keySource()).isEqualTo(VcJwtVerification.KeySource.NONE);
        // Also with a signature attached.
        String withSignature = unsecured + B64U.encodeToString(new byte[64]);
        assertThat(VcJwt.verify(withSignature, ed.keys()).verified()).isFalse();
    }

    @Test
    void rejectsAlgorithmKeyMismatch() throws IOException {
        Issuer ed = Issuer.of(TestKeys.ED25519);
        ObjectNode payload = payloadOf(credential(ed.id()));
        // ES256 claimed, the kid names an Ed25519 key (and the signature is an Ed25519 one).
        VcJwtVerification result = VcJwt.verify(sign(ed.signer(), header("ES256", ed.kid()), payload), ed.keys());
        assertRejectedBy(result, "key");
        assertThat(result.check("signature").orElseThrow().detail()).startsWith("not checked");
        // RS256 claimed over an embedded P-256 jwk.
        String p256Jwt = VcJwt.issueWithEmbeddedKey(credential(RSA_ISSUER), TestKeys.P256);
        String[] parts = p256Jwt.split("\\.");
        ObjectNode header = Json.parseObject(B64U_DECODER.decode(parts[0]));
        header.put("alg", "RS256");
        assertRejectedBy(VcJwt.verify(sign(TestKeys.RSA, Json.write(header), Json.parseObject(
                B64U_DECODER.decode(parts[1]))), ed.keys()), "key");
        // A jwk whose own alg member disagrees with the header.
        ObjectNode jwkAlg = Json.parseObject(B64U_DECODER.decode(VcJwt.issueWithEmbeddedKey(credential(RSA_ISSUER),
                TestKeys.ED25519).split("\\.")[0]));
        ((ObjectNode) jwkAlg.get("jwk")).put("alg", "ES256");
        assertRejectedBy(VcJwt.verify(sign(TestKeys.ED25519, Json.write(jwkAlg), payloadOf(credential(RSA_ISSUER))),
                ed.keys()), "key");
    }

    @Test
    void rejectsKeyNotControlledByTheIssuerAndKidJwkDisagreement() throws IOException {
        Issuer ed = Issuer.of(TestKeys.ED25519);
        // A genuine did:key signature on a credential that claims another issuer.
        String jwt = VcJwt.issue(credential("https://1edtech.edu/issuers/565049"), ed.signer(), ed.kid());
        VcJwtVerification result = VcJwt.verify(jwt, ed.keys());
        assertRejectedBy(result, "key-controller");
        assertThat(result.check("signature").orElseThrow().passed()).isTrue();
        // kid names one key, jwk embeds another.
        String header = "{\"alg\":\"EdDSA\",\"kid\":\"" + ed.kid() + "\",\"jwk\":" + Json.write(Json.mapper()
                .valueToTree(Jwk.of(Ed25519PrivateKey.generate().publicKey()).members())) + "}";
        assertRejectedBy(VcJwt.verify(sign(ed.signer(), header, payloadOf(credential(ed.id()))), ed.keys()), "key");
    }

    // ------------------------------------------------------------------------------ could not process

    @Test
    void couldNotProcess() throws IOException {
        Issuer ed = Issuer.of(TestKeys.ED25519);
        String jwt = VcJwt.issue(credential(ed.id()), ed.signer(), ed.kid());
        String[] parts = jwt.split("\\.");
        assertProblem(() -> VcJwt.verify(jwt.substring(0, jwt.length() / 2), ed.keys()), Problem.MALFORMED_INPUT);
        assertProblem(() -> VcJwt.verify(parts[0] + "." + parts[1], ed.keys()), Problem.MALFORMED_INPUT);
        assertProblem(() -> VcJwt.verify("garbage", ed.keys()), Problem.MALFORMED_INPUT);
        assertProblem(() -> VcJwt.verify("a.b.c", ed.keys()), Problem.MALFORMED_INPUT);
        assertProblem(() -> VcJwt.verify(parts[0] + "." + CompactJwsTest.b64("not json") + "." + parts[2], ed.keys()),
                Problem.MALFORMED_INPUT);
        assertProblem(() -> VcJwt.verify(parts[0] + "." + CompactJwsTest.b64("[1]") + "." + parts[2], ed.keys()),
                Problem.MALFORMED_INPUT);
        assertProblem(() -> VcJwt.verify(parts[0] + "." + CompactJwsTest.b64("{\"iss\":\"x\"}") + "." + parts[2],
                ed.keys()), Problem.MALFORMED_INPUT);
        assertProblem(() -> VcJwt.verify(parts[0] + "." + CompactJwsTest.b64("{\"vc\":\"x\"}") + "." + parts[2],
                ed.keys()), Problem.MALFORMED_INPUT);
        assertProblem(() -> VcJwt.verify(sign(ed.signer(), "{\"alg\":\"HS256\",\"kid\":\"k\"}",
                payloadOf(credential(ed.id()))), ed.keys()), Problem.UNSUPPORTED);
        assertProblem(() -> VcJwt.verify(sign(ed.signer(), header("EdDSA", "did:web:example.com#key-1"),
                payloadOf(credential(ed.id()))), ed.keys()), Problem.KEY_NOT_FOUND);
        ObjectNode withPrivate = Json.parseObject("{\"alg\":\"EdDSA\"}");
        withPrivate.set("jwk", Json.mapper().valueToTree(Jwk.of(TestKeys.ED25519).privateMembers()));
        assertProblem(() -> VcJwt.verify(sign(ed.signer(), Json.write(withPrivate), payloadOf(credential(ed.id()))),
                ed.keys()), Problem.MALFORMED_INPUT);
    }

    @Test
    void oversizeJwsIsTooLarge() throws IOException {
        Issuer ed = Issuer.of(TestKeys.ED25519);
        ObjectNode big = credential(ed.id());
        big.put("description", "x".repeat(Json.MAX_DOCUMENT_BYTES + 20_000));
        String jwt = VcJwt.issue(big, ed.signer(), ed.kid());
        assertThat(jwt.length()).isGreaterThan(CompactJws.MAX_LENGTH);
        assertProblem(() -> VcJwt.verify(jwt, ed.keys()), Problem.TOO_LARGE);
        // A payload just over the JSON limit but inside the JWS limit is refused by the JSON parser.
        big.put("description", "x".repeat(Json.MAX_DOCUMENT_BYTES - 1_000));
        String justOver = VcJwt.issue(big, ed.signer(), ed.kid());
        assertThat(justOver.length()).isLessThan(CompactJws.MAX_LENGTH);
        assertProblem(() -> VcJwt.verify(justOver, ed.keys()), Problem.TOO_LARGE);
    }

    @Test
    void issueRefusesCredentialsItCannotMap() throws IOException {
        Issuer ed = Issuer.of(TestKeys.ED25519);
        ObjectNode noIssuer = credential(ed.id());
        noIssuer.remove("issuer");
        assertProblem(() -> VcJwt.issue(noIssuer, ed.signer(), ed.kid()), Problem.MALFORMED_INPUT);
        ObjectNode clash = credential(ed.id());
        clash.put("exp", 1);
        assertProblem(() -> VcJwt.issue(clash, ed.signer(), ed.kid()), Problem.INVALID_REQUEST);
        ObjectNode badDate = credential(ed.id());
        badDate.put("validFrom", "yesterday");
        assertProblem(() -> VcJwt.issue(badDate, ed.signer(), ed.kid()), Problem.MALFORMED_INPUT);
    }

    // ------------------------------------------------------------------------------ property

    private static final Issuer PROPERTY_ISSUER = Issuer.of(TestKeys.ED25519);
    private static final String PROPERTY_JWT;

    static {
        try {
            PROPERTY_JWT = VcJwt.issue(credential(PROPERTY_ISSUER.id()), PROPERTY_ISSUER.signer(), PROPERTY_ISSUER.kid());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every change of one character of a VC-JWT is either refused as malformed or not verified. */
    @Property(tries = 300)
    void everySingleCharacterChangeIsDetected(@ForAll @IntRange(min = 0, max = 1_000_000) int position,
            @ForAll @IntRange(min = 1, max = 63) int shift) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int at = position % PROPERTY_JWT.length();
        char original = PROPERTY_JWT.charAt(at);
        if (original == '.') {
            return;
        }
        char replacement = alphabet.charAt((alphabet.indexOf(original) + shift) % 64);
        String changed = PROPERTY_JWT.substring(0, at) + replacement + PROPERTY_JWT.substring(at + 1);
        try {
            assertThat(VcJwt.verify(changed, PROPERTY_ISSUER.keys()).verified()).isFalse();
        } catch (MicrocredException expected) {
            assertThat(expected.problem()).isIn(Problem.MALFORMED_INPUT, Problem.UNSUPPORTED, Problem.KEY_NOT_FOUND,
                    Problem.INVALID_KEY);
        }
    }

    // ------------------------------------------------------------------------------ helpers

    static String header(String alg, String kid) {
        return "{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}";
    }

    /** The payload VcJwt.issue would build: the JWT claims followed by the credential. */
    static ObjectNode payloadOf(ObjectNode credential) {
        return Json.parseObject(CompactJws.parse(VcJwt.issue(credential, TestKeys.ED25519, "k")).payload());
    }

    static String sign(Signer signer, String header, ObjectNode payload) {
        return CompactJws.sign(header, Json.write(payload).getBytes(StandardCharsets.UTF_8), signer);
    }

    private static void assertRejectedBy(VcJwtVerification result, String check) {
        assertThat(result.verified()).isFalse();
        assertThat(result.firstFailure()).as(result.checks().toString()).hasValueSatisfying(
                c -> assertThat(c.name()).isEqualTo(check));
    }

    private static void assertProblem(ThrowingCallable call, Problem problem) {
        assertThatThrownBy(call).isInstanceOf(MicrocredException.class)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(problem);
    }

}
