package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.store.Issuer;
import dev.microcred.store.Membership;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
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
    @AutoClose
    TestServer server;
    Http http;

    abstract String jdbcUrl();

    @BeforeAll
    void start() {
        server = TestServer.start(jdbcUrl(), ADMIN);
        http = new Http(server.baseUrl());
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
        String console = "/console/" + slug(x) + "/keys/rotate";

        WebUser otherAdmin = server.member(issuerY, Membership.ADMIN, adminY, "Keys", false);
        assertThat(otherAdmin.post(console, Map.of()).status()).as("another issuer's admin").isEqualTo(403);
        WebUser staffMember = server.member(issuerX, Membership.STAFF, staff, "Keys", false);
        assertThat(staffMember.get("/console/" + slug(x)).body()).contains("Signing keys")
                .doesNotContain("Rotate signing key");
        assertThat(staffMember.post(console, Map.of()).status()).as("staff").isEqualTo(403);
        WebUser admin = server.member(issuerX, Membership.ADMIN, adminX, "Keys", false);
        assertThat(admin.post(console, Map.of("csrf", "forged")).status()).as("forged CSRF").isEqualTo(403);
        assertThat(http.get("/api/issuers/" + slug(x) + "/keys").json()).hasSize(1);
        assertThat(admin.get("/console/" + slug(x)).body()).contains("Rotate signing key");
        assertThat(admin.post(console, Map.of()).status()).isEqualTo(303);
        assertThat(http.get("/api/issuers/" + slug(x) + "/keys").json()).hasSize(2);
        assertThat(admin.get("/console/" + slug(x)).body()).contains(issuerX.did() + "#key-2");
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
