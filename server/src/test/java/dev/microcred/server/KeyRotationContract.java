package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.dataintegrity.Cryptosuite;
import dev.microcred.credentials.dataintegrity.DataIntegrity;
import dev.microcred.credentials.dataintegrity.ProofOptions;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.accounts.Roles;
import dev.microcred.store.Issuer;
import dev.microcred.store.Membership;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Key rotation of {@code did:web} issuers over real HTTP: credentials signed before a rotation keep verifying
 * (API and public page), new ones name the new key, status lists re-signed with the new key still count, did:key
 * issuers are told why they cannot rotate, and only the issuer's own token or admins may rotate. Run on H2
 * ({@link KeyRotationH2IT}) and PostgreSQL ({@link KeyRotationPostgresIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KeyRotationContract {
    static final String ADMIN = "admin-token-for-key-rotation-tests-0123456789";
    static final String PASSWORD = "rotation password 123";
    final List<String> urls = new ArrayList<>();
    final KeyEncryptionKey kek = KeyEncryptionKey.generate();
    MicrocredServer server;
    Http http;

    abstract String jdbcUrl();

    @BeforeAll
    void start() throws Exception {
        String url = jdbcUrl();
        urls.add(url);
        server = MicrocredServer.start(Config.defaults().withPort(0)
                .withDataDirectory(Files.createTempDirectory("microcred-keys-it")).withDatabaseUrl(url)
                .withKeyEncryptionKey(kek).withAdminToken(ADMIN));
        http = new Http(server.baseUrl());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        urls.forEach(TestDatabases::drop);
    }

    JsonNode issuer(String method) {
        Http.Response r = http.post("/api/issuers", ADMIN, "{\"slug\": \"keys-" + UUID.randomUUID().toString()
                .substring(0, 8) + "\", \"name\": \"Keys Academy\", \"didMethod\": \"" + method + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static String token(JsonNode issuer) {
        return issuer.path("apiToken").path("token").asText();
    }

    static String slug(JsonNode issuer) {
        return issuer.path("slug").asText();
    }

    /** Issues a credential of a fresh achievement of {@code issuer}; answers the API's issue response. */
    JsonNode issue(JsonNode issuer) {
        Http.Response a = http.post("/api/issuers/" + slug(issuer) + "/achievements", token(issuer),
                "{\"name\": \"Rotation\", \"description\": \"d\", \"criteria\": \"c\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        Http.Response r = http.post("/api/issuers/" + slug(issuer) + "/credentials", token(issuer),
                "{\"achievementId\": \"" + a.json().path("id").asText() + "\", \"recipient\": {\"email\":"
                        + " \"rotation-" + UUID.randomUUID() + "@example.org\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    String outcome(JsonNode issued) {
        Http.Response r = http.post("/api/verify", null, issued.path("credential").toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("outcome").asText();
    }

    String pageOutcome(JsonNode issued) {
        Http.Response page = http.get("/credentials/" + issued.path("id").asText());
        assertThat(page.status()).isEqualTo(200);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"verdict\" data-outcome=\"([a-z-]+)\"")
                .matcher(page.body());
        assertThat(m.find()).as("the page shows a verdict").isTrue();
        return m.group(1);
    }

    static String method(JsonNode issued) {
        return issued.path("credential").path("proof").path("verificationMethod").asText();
    }

    @Test
    void aCredentialSignedBeforeARotationStillVerifiesAndNewOnesNameTheNewKey() {
        JsonNode issuer = issuer("web");
        String did = issuer.path("did").asText();
        JsonNode before = issue(issuer);
        assertThat(method(before)).isEqualTo(did + "#key-1");
        assertThat(outcome(before)).isEqualTo("valid");

        Http.Response rotated = http.post("/api/issuers/" + slug(issuer) + "/keys/rotate", token(issuer), "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        assertThat(rotated.json().path("verificationMethod").asText()).isEqualTo(did + "#key-2");
        assertThat(rotated.json().path("active").asBoolean()).isTrue();
        assertThat(rotated.json().has("keyFile")).isFalse();

        JsonNode keys = http.get("/api/issuers/" + slug(issuer) + "/keys").json();
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).path("active").asBoolean()).isFalse();
        assertThat(keys.get(0).path("retiredAt").isTextual()).isTrue();
        assertThat(keys.get(1).path("verificationMethod").asText()).isEqualTo(did + "#key-2");

        JsonNode doc = http.get("/issuers/" + slug(issuer) + "/did.json").json();
        assertThat(doc.path("verificationMethod")).hasSize(2);
        assertThat(doc.path("assertionMethod").toString()).contains(did + "#key-1", did + "#key-2");
        assertThat(doc.path("authentication").toString()).doesNotContain(did + "#key-1").contains(did + "#key-2");

        List<String> logged = loggedEntries();
        assertThat(logged).as("the rotation is in the transparency log")
                .anyMatch(e -> e.contains("\ntype key-rotated\n") && e.contains(did + "#key-1") && e.contains(did + "#key-2"))
                .anyMatch(e -> e.contains("\ntype key-added\n") && e.contains(did + "#key-2"));

        assertThat(outcome(before)).as("signed by the retired key").isEqualTo("valid");
        assertThat(pageOutcome(before)).isEqualTo("valid");
        JsonNode after = issue(issuer);
        assertThat(method(after)).isEqualTo(did + "#key-2");
        assertThat(outcome(after)).isEqualTo("valid");
        assertThat(pageOutcome(after)).isEqualTo("valid");

        // the status list is re-signed with the new key after a change; the old credential's revocation counts
        Http.Response revoke = http.post("/api/issuers/" + slug(issuer) + "/credentials/"
                + before.path("id").asText() + "/revoke", token(issuer), "{\"reason\": \"rotation test\"}");
        assertThat(revoke.status()).as(revoke.body()).isEqualTo(200);
        Http.Response list = http.get("/issuers/" + slug(issuer) + "/status/revocation/1");
        assertThat(list.json().path("proof").path("verificationMethod").asText()).isEqualTo(did + "#key-2");
        assertThat(outcome(before)).isEqualTo("revoked");
        assertThat(pageOutcome(before)).isEqualTo("revoked");
        assertThat(outcome(after)).isEqualTo("valid");

        Http.Response again = http.post("/api/issuers/" + slug(issuer) + "/keys/rotate", token(issuer), "");
        assertThat(again.json().path("verificationMethod").asText()).isEqualTo(did + "#key-3");
        assertThat(outcome(after)).isEqualTo("valid");
    }

    @Test
    void aDidKeyIssuerIsToldItCannotRotate() {
        JsonNode issuer = issuer("key");
        Http.Response r = http.post("/api/issuers/" + slug(issuer) + "/keys/rotate", token(issuer), "");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("detail").asText()).contains("did:key", "new issuer");
        assertThat(http.get("/api/issuers/" + slug(issuer) + "/keys").json()).hasSize(1);
    }

    @Test
    void onlyTheIssuersTokenAndAdminsMayRotate() {
        JsonNode x = issuer("web");
        JsonNode y = issuer("web");
        String rotate = "/api/issuers/" + slug(x) + "/keys/rotate";
        assertThat(http.post(rotate, null, "").status()).isEqualTo(401);
        assertThat(http.post(rotate, token(y), "").status()).isEqualTo(403);
        assertThat(http.get("/api/issuers/" + slug(x) + "/keys").json()).hasSize(1);

        Platform p = server.platform();
        Issuer issuerX = p.issuers().require(slug(x));
        Issuer issuerY = p.issuers().require(slug(y));
        String staff = "staff-" + UUID.randomUUID() + "@example.org";
        String adminX = "admin-x-" + UUID.randomUUID() + "@example.org";
        String adminY = "admin-y-" + UUID.randomUUID() + "@example.org";
        for (String email : List.of(staff, adminX, adminY)) {
            p.accounts().signUp(email, "Keys", PASSWORD.toCharArray(), Roles.ISSUER_ADMIN);
        }
        p.accounts().addMember(issuerX, staff, Membership.STAFF);
        p.accounts().addMember(issuerX, adminX, Membership.ADMIN);
        p.accounts().addMember(issuerY, adminY, Membership.ADMIN);
        String console = "/console/" + slug(x) + "/keys/rotate";

        WebUser otherAdmin = WebUser.signedIn(server.baseUrl(), adminY, PASSWORD, false);
        assertThat(otherAdmin.post(console, Map.of()).status()).as("another issuer's admin").isEqualTo(403);
        WebUser staffMember = WebUser.signedIn(server.baseUrl(), staff, PASSWORD, false);
        assertThat(staffMember.get("/console/" + slug(x)).body()).contains("Signing keys")
                .doesNotContain("Rotate signing key");
        assertThat(staffMember.post(console, Map.of()).status()).as("staff").isEqualTo(403);
        WebUser admin = WebUser.signedIn(server.baseUrl(), adminX, PASSWORD, false);
        assertThat(admin.post(console, Map.of("csrf", "forged")).status()).as("forged CSRF").isEqualTo(403);
        assertThat(http.get("/api/issuers/" + slug(x) + "/keys").json()).hasSize(1);
        assertThat(admin.get("/console/" + slug(x)).body()).contains("Rotate signing key");
        assertThat(admin.post(console, Map.of()).status()).isEqualTo(303);
        assertThat(http.get("/api/issuers/" + slug(x) + "/keys").json()).hasSize(2);
        assertThat(admin.get("/console/" + slug(x)).body()).contains(issuerX.did() + "#key-2");
    }

    /**
     * The verifying server keeps its issuers' verification methods in memory ({@code IssuerMethods}): a key added by
     * another server on the same database is found at once, the kept methods say what the DID document says, and a
     * warm cache accepts no altered credential nor a signature by a key the issuer does not have.
     */
    @Test
    void keptVerificationMethodsFollowKeysAddedByAnotherServer() throws Exception {
        JsonNode issuer = issuer("web");
        String did = issuer.path("did").asText();
        Issuer stored = server.platform().issuers().require(slug(issuer));
        JsonNode before = issue(issuer);
        assertThat(outcome(before)).isEqualTo("valid");
        dev.microcred.server.issuing.IssuerMethods kept = server.platform().issuers().methods();
        assertThat(kept.find(did + "#key-1")).as("kept as the DID document lists it")
                .isEqualTo(server.platform().verification().resolve(did + "#key-1"));
        assertThat(kept.find(did + "#key-9")).isNull();
        assertThat(kept.find("did:web:example.org:issuers:" + slug(issuer) + "#key-1")).isNull();

        ObjectNode altered = (ObjectNode) before.path("credential").deepCopy();
        ((ObjectNode) altered.path("credentialSubject").path("achievement")).put("name", "Altered");
        assertThat(verifyOutcome(altered)).isEqualTo("tampered");
        ObjectNode forged = (ObjectNode) before.path("credential").deepCopy();
        forged.remove("proof");
        forged = DataIntegrity.standard().sign(forged, ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, did + "#key-1"),
                Ed25519PrivateKey.generate());
        assertThat(verifyOutcome(forged)).as("signed by a key the issuer does not have").isEqualTo("tampered");
        ObjectNode unknownKey = (ObjectNode) before.path("credential").deepCopy();
        unknownKey.remove("proof");
        unknownKey = DataIntegrity.standard().sign(unknownKey,
                ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, did + "#key-2"), Ed25519PrivateKey.generate());
        assertThat(verifyOutcome(unknownKey)).as("a key id the issuer does not have (yet)").isNotEqualTo("valid");

        // a second server on the same database (the same H2 in-memory database, or PostgreSQL schema)
        try (MicrocredServer other = MicrocredServer.start(Config.defaults().withPort(0)
                .withDataDirectory(Files.createTempDirectory("microcred-keys-other")).withDatabaseUrl(urls.get(0))
                .withKeyEncryptionKey(kek).withAdminToken(ADMIN))) {
            Http.Response rotated = new Http(other.baseUrl()).post("/api/issuers/" + slug(issuer) + "/keys/rotate",
                    token(issuer), "");
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
            assertThat(rotated.json().path("verificationMethod").asText()).isEqualTo(did + "#key-2");
        }
        assertThat(verifyOutcome(unknownKey)).as("key-2 is now the issuer's, but not the key that signed").isEqualTo("tampered");
        JsonNode after = issue(issuer);
        assertThat(method(after)).isEqualTo(did + "#key-2");
        assertThat(outcome(after)).as("the key added by the other server is found").isEqualTo("valid");
        assertThat(kept.find(did + "#key-2").method())
                .isEqualTo(server.platform().verification().resolve(did + "#key-2").method());
        assertThat(server.platform().verification().resolve(did + "#key-1").authorizedFor("authentication"))
                .as("presentations read the document afresh: the retired key no longer authenticates").isFalse();
        assertThat(outcome(before)).isEqualTo("valid");
        assertThat(verifyOutcome(altered)).isEqualTo("tampered");

        server.platform().issuers().rotateKey(stored);
        assertThat(kept.find(did + "#key-1")).as("dropped and read again after a rotation here")
                .isEqualTo(server.platform().verification().resolve(did + "#key-1"));
        assertThat(kept.find(did + "#key-1").authorizedFor("authentication")).isFalse();
        assertThat(outcome(before)).isEqualTo("valid");
        assertThat(outcome(after)).isEqualTo("valid");
    }

    String verifyOutcome(ObjectNode credential) {
        Http.Response r = http.post("/api/verify", null, credential.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("outcome").asText();
    }

    /** Every transparency-log entry text, sequenced or still pending, in order. */
    private List<String> loggedEntries() {
        return server.platform().db().read(c -> {
            List<String> entries = new ArrayList<>();
            for (String sql : List.of("SELECT entry FROM tlog_entry ORDER BY idx",
                    "SELECT entry FROM tlog_pending ORDER BY seq")) {
                try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        entries.add(rs.getString(1));
                    }
                }
            }
            return entries;
        });
    }
}
