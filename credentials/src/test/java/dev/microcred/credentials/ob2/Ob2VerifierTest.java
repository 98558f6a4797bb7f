package dev.microcred.credentials.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.Bytes;
import dev.microcred.credentials.SharedData;
import dev.microcred.credentials.baking.BakedCredential;
import dev.microcred.credentials.baking.BakedImages;
import dev.microcred.credentials.fetch.FetchedDocument;
import dev.microcred.credentials.fetch.Fetcher;
import dev.microcred.credentials.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Ob2VerifierTest {
    private static final String OB20 = "data/credentials/1edtech-validator/ob20/";
    private static final String HOSTED_ID = "https://example.org/beths-robotics-badge.json";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);

    /**
     * A file-backed fetcher: the manifest's {@code serves_url} files (under https and, as the 1EdTech tests that
     * reference {@code http://example.org/...} do, http), plus documents added by a test, with their HTTP status.
     */
    static final class ServedFiles implements Fetcher {
        private final Map<String, FetchedDocument> documents = new HashMap<>();

        ServedFiles() {
            for (JsonNode item : SharedData.manifest().get("items")) {
                if (item.hasNonNull("serves_url") && item.get("spec").asText().equals("OB 2.0")) {
                    byte[] body = SharedData.bytes("data/credentials/" + item.get("file").asText());
                    String url = item.get("serves_url").asText();
                    serve(url, 200, body);
                    serve(url.replaceFirst("^https://example\\.org/", "http://example.org/"), 200, body);
                }
            }
        }

        ServedFiles serve(String url, int status, byte[] body) {
            documents.put(url, new FetchedDocument(URI.create(url), status, "application/json", Bytes.of(body)));
            return this;
        }

        ServedFiles serve(String url, String body) {
            return serve(url, 200, body.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public FetchedDocument fetch(URI uri) {
            FetchedDocument doc = documents.get(uri.toString());
            return doc != null ? doc : new FetchedDocument(uri, 404, "text/plain", Bytes.of(new byte[0]));
        }
    }

    @Test
    void theHostedSampleIsValid() {
        String assertion = SharedData.text(OB20 + "basic-assertion.json");
        List<Ob2Check> checks = verifier(new ServedFiles().serve(HOSTED_ID, assertion)).verify(assertion);
        assertValid(checks);
        assertThat(checks).extracting(Ob2Check::name)
                .containsExactly("parse", "recipient", "hosted", "badgeclass", "issuer", "origin", "expiry");
    }

    @Test
    void theHostedSampleWithLanguageIsValid() {
        String assertion = SharedData.text(OB20 + "basic-assertion-with-language.json");
        assertValid(verifier(new ServedFiles().serve(HOSTED_ID, assertion)).verify(assertion));
    }

    @Test
    void theBadgeClassSampleIsValid() {
        List<Ob2Check> checks = verifier(new ServedFiles()).verify(SharedData.text(OB20 + "badge-class-with-language.json"));
        assertValid(checks);
        assertThat(checks).extracting(Ob2Check::name).containsExactly("parse", "badgeclass", "issuer");
    }

    @Test
    void theBakedPngSampleIsValid() {
        BakedCredential baked = BakedImages.extract(SharedData.bytes(OB20 + "simple-badge.png"));
        assertThat(baked.spec()).isEqualTo(BakedCredential.Spec.OB2);
        ServedFiles files = new ServedFiles().serve(HOSTED_ID, baked.text());
        assertValid(verifier(files).verify(baked));
        // a baked URL is fetched first
        files.serve("https://example.org/assertion-url", baked.text());
        assertValid(verifier(files).verify(BakedCredential.of(BakedCredential.Spec.OB2, HOSTED_ID)));
    }

    @Test
    void theSignedSampleIsValid() {
        List<Ob2Check> checks = verifier(new ServedFiles()).verify(SharedData.text(OB20 + "simple.jwt"));
        assertValid(checks);
        assertThat(checks).extracting(Ob2Check::name).containsExactly("parse", "recipient", "badgeclass", "issuer",
                "signature", "key-owner", "revocation", "expiry");
    }

    @Test
    void aTamperedSignedAssertionFails() {
        String jws = SharedData.text(OB20 + "simple.jwt").strip();
        String[] parts = jws.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("2016-12-31T23:59:59Z", "2015-12-31T23:59:59Z");
        String tampered = parts[0] + "." + b64(payload) + "." + parts[2];
        assertFailed(verifier(new ServedFiles()).verify(tampered), "signature", "does not verify");
        char[] sig = parts[2].toCharArray();
        sig[10] = sig[10] == 'A' ? 'B' : 'A';
        assertFailed(verifier(new ServedFiles()).verify(parts[0] + "." + parts[1] + "." + new String(sig)),
                "signature", "does not verify");
    }

    @Test
    void http410MeansRevoked() {
        String assertion = SharedData.text(OB20 + "basic-assertion.json");
        ServedFiles files = new ServedFiles().serve(HOSTED_ID, 410, "{}".getBytes(StandardCharsets.UTF_8));
        assertFailed(verifier(files).verify(assertion), "revocation", "410 Gone");
    }

    @Test
    void revokedTrueMeansRevoked() {
        ObjectNode assertion = SharedData.json(OB20 + "basic-assertion.json");
        ObjectNode revoked = assertion.deepCopy();
        revoked.put("revoked", true);
        revoked.put("revocationReason", "issued in error");
        ServedFiles files = new ServedFiles().serve(HOSTED_ID, Json.write(revoked));
        assertFailed(verifier(files).verify(Json.write(assertion)), "revocation", "revoked: true (issued in error)");
        assertFailed(verifier(files).verify(Json.write(revoked)), "revocation", "revoked: true");
    }

    @Test
    void aHostedCopyThatDiffersFails() {
        ObjectNode assertion = SharedData.json(OB20 + "basic-assertion.json");
        ObjectNode other = assertion.deepCopy();
        other.put("issuedOn", "2017-01-01T00:00:00Z");
        assertFailed(verifier(new ServedFiles().serve(HOSTED_ID, Json.write(other))).verify(Json.write(assertion)),
                "hosted", "differs");
        assertFailed(verifier(new ServedFiles()).verify(Json.write(assertion)), "hosted", "HTTP 404");
    }

    @Test
    void anAssertionHostedOnAnotherOriginFails() {
        ObjectNode assertion = SharedData.json(OB20 + "basic-assertion.json");
        String elsewhere = "https://badges.attacker.example/beths-robotics-badge.json";
        assertion.put("id", elsewhere);
        String text = Json.write(assertion);
        assertFailed(verifier(new ServedFiles().serve(elsewhere, text)).verify(text), "origin",
                "hosted on https://badges.attacker.example, not on the issuer's origin https://example.org");
    }

    @Test
    void allowedOriginsAndStartsWithWiden() {
        ObjectNode assertion = SharedData.json(OB20 + "basic-assertion.json");
        assertion.put("badge", "https://example.org/badgeclass-with-verification.json");
        String onCom = "https://example.com/a/1.json";
        assertion.put("id", onCom);
        String text = Json.write(assertion);
        // issuer-with-allowed-origins.json allows example.com and example.org
        List<Ob2Check> allowed = verifier(new ServedFiles().serve(onCom, text)).verify(text);
        assertValid(allowed);
        assertThat(allowed).filteredOn(c -> c.name().equals("origin")).singleElement()
                .extracting(Ob2Check::detail).asString().contains("allowed origins");

        ObjectNode badge = SharedData.json("data/credentials/1edtech-validator/ob20-assets/badgeclass-with-verification.json");
        badge.put("issuer", "https://example.org/issuer-with-allowed-origins-valid-starts-with.json");
        ServedFiles files = new ServedFiles().serve(onCom, text)
                .serve("https://example.org/badgeclass-with-verification.json", Json.write(badge));
        assertFailed(verifier(files).verify(text), "origin", "does not start with any of [https://example.org/]");
    }

    @Test
    void malformedRecipientHashesFail() {
        ObjectNode assertion = SharedData.json(OB20 + "basic-assertion.json");
        ((ObjectNode) assertion.get("recipient")).put("identity", "sha256$not-hex");
        String text = Json.write(assertion);
        assertFailed(verifier(new ServedFiles().serve(HOSTED_ID, text)).verify(text), "recipient", "is not of the form");
        ((ObjectNode) assertion.get("recipient")).put("identity", "md5$" + "0".repeat(32));
        String md5 = Json.write(assertion);
        assertValid(verifier(new ServedFiles().serve(HOSTED_ID, md5)).verify(md5));
    }

    @Test
    void signedAssertionsAreCheckedAgainstTheRevocationListAndKeyOwner() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
        String issuer = "https://example.org/organization-with-revocation-list.json";
        ObjectNode key = Json.object();
        key.put("@context", "https://w3id.org/openbadges/v2");
        key.put("id", "https://example.org/test-key.json");
        key.put("type", "CryptographicKey");
        key.put("owner", issuer);
        key.put("publicKeyPem", pem);
        ServedFiles files = new ServedFiles().serve("https://example.org/test-key.json", Json.write(key));

        String revokedId = "https://example.org/beths-robotics-badge-revoked.json";
        List<Ob2Check> revoked = verifier(files).verify(sign(pair, signedAssertion(revokedId)));
        assertFailed(revoked, "revocation", "in the issuer's revocation list http://example.org/revocation-list.json"
                + " (A good reason, for sure)");
        assertThat(revoked).filteredOn(c -> c.name().equals("signature")).singleElement()
                .extracting(Ob2Check::outcome).isEqualTo(Ob2Check.Outcome.PASSED);

        List<Ob2Check> fine = verifier(files).verify(sign(pair, signedAssertion("urn:uuid:0b6e5f6e-1111-4c3a-9d7e-000000000001")));
        assertValid(fine);
        assertThat(fine).filteredOn(c -> c.name().equals("revocation")).singleElement()
                .extracting(Ob2Check::detail).asString().contains("not in the issuer's revocation list");

        key.put("owner", "https://example.org/organization.json");
        files.serve("https://example.org/test-key.json", Json.write(key));
        assertFailed(verifier(files).verify(sign(pair, signedAssertion("urn:uuid:0b6e5f6e-1111-4c3a-9d7e-000000000002"))),
                "key-owner", "not by the issuer " + issuer);
    }

    @Test
    void expiredAssertionsFail() {
        ObjectNode assertion = SharedData.json(OB20 + "basic-assertion.json");
        assertion.put("expires", "2020-01-01T00:00:00Z");
        String text = Json.write(assertion);
        assertFailed(verifier(new ServedFiles().serve(HOSTED_ID, text)).verify(text), "expiry", "expired at 2020-01-01");
    }

    @Test
    void whatIsNotAnAssertionFailsToParse() {
        assertFailed(verifier(new ServedFiles()).verify("{\"type\": \"Thing\"}"), "parse", "type must be Assertion");
        assertFailed(verifier(new ServedFiles()).verify("not a badge"), "parse", "neither JSON nor a compact JWS");
    }

    private static ObjectNode signedAssertion(String id) {
        ObjectNode assertion = SharedData.json(OB20 + "basic-assertion.json");
        assertion.put("id", id);
        assertion.put("badge", "https://example.org/badge-from-organization-with-revocation-list.json");
        ObjectNode verification = assertion.putObject("verification");
        verification.put("type", "signed");
        verification.put("creator", "https://example.org/test-key.json");
        return assertion;
    }

    private static String sign(KeyPair pair, ObjectNode payload) throws Exception {
        String input = b64("{\"alg\":\"RS256\"}") + "." + b64(Json.write(payload));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(pair.getPrivate());
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    private static Ob2Verifier verifier(Fetcher fetcher) {
        return new Ob2Verifier(fetcher, CLOCK);
    }

    private static void assertValid(List<Ob2Check> checks) {
        assertThat(checks).isNotEmpty();
        assertThat(checks).as(checks.toString()).noneMatch(c -> c.outcome() == Ob2Check.Outcome.FAILED);
    }

    private static void assertFailed(List<Ob2Check> checks, String name, String detail) {
        assertThat(checks).as(checks.toString()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo(name);
            assertThat(c.outcome()).isEqualTo(Ob2Check.Outcome.FAILED);
            assertThat(c.detail()).contains(detail);
        });
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
