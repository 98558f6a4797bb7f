package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.store.BulkJob;
import dev.microcred.store.Issuer;
import dev.microcred.store.Membership;
import dev.microcred.store.StoredCredential;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The achievement status setting over real HTTP: "revocation and suspension" credentials carry two status entries,
 * still verify (the OB 3.0 single-object rule a warning on the schema step), and can be suspended, unsuspended and
 * revoked, which the verifier and the public page both say; "revocation only" credentials keep one schema-exact
 * entry and answer suspension with a 409 that explains. Single, console and bulk issuance. Run on H2
 * ({@link SuspensionH2IT}) and PostgreSQL ({@link SuspensionPostgresIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SuspensionContract {
    static final String ADMIN = "admin-token-for-suspension-tests-0123456789";
    @AutoClose
    TestServer server;
    Http http;
    String slug;
    String token;

    abstract String jdbcUrl();

    @BeforeAll
    void start() {
        server = TestServer.start(jdbcUrl(), ADMIN);
        http = new Http(server.baseUrl());
        Http.Response r = http.post("/api/issuers", ADMIN, "{\"slug\": \"susp-" + UUID.randomUUID().toString()
                .substring(0, 8) + "\", \"name\": \"Suspension Academy\"}");
        slug = r.json().path("slug").asText();
        token = r.json().path("apiToken").path("token").asText();
    }


    JsonNode achievement(String status) {
        String member = status == null ? "" : ", \"status\": \"" + status + "\"";
        Http.Response r = http.post("/api/issuers/" + slug + "/achievements", token,
                "{\"name\": \"Status " + status + "\", \"description\": \"d\", \"criteria\": \"c\"" + member + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode issue(JsonNode achievement) {
        Http.Response r = http.post("/api/issuers/" + slug + "/credentials", token, "{\"achievementId\": \""
                + achievement.path("id").asText() + "\", \"recipient\": {\"email\": \"s-" + UUID.randomUUID()
                + "@example.org\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode verify(JsonNode issued) {
        Http.Response r = http.post("/api/verify", null, issued.path("credential").toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonNode check(JsonNode report, String name) {
        for (JsonNode c : report.path("checks")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + report);
    }

    String page(JsonNode issued) {
        Http.Response page = http.get("/credentials/" + issued.path("id").asText());
        assertThat(page.status()).isEqualTo(200);
        Matcher m = Pattern.compile("id=\"verdict\" data-outcome=\"([a-z-]+)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        return m.group(1) + "|" + page.body();
    }

    Http.Response change(JsonNode issued, String what) {
        return http.post("/api/issuers/" + slug + "/credentials/" + issued.path("id").asText() + "/" + what, token,
                "{\"reason\": \"status test\"}");
    }

    @Test
    void revocationAndSuspensionCredentialsCarryBothEntriesAndCanBeSuspended() {
        JsonNode a = achievement("revocation-and-suspension");
        assertThat(a.path("status").asText()).isEqualTo("revocation-and-suspension");
        JsonNode issued = issue(a);
        JsonNode status = issued.path("credential").path("credentialStatus");
        assertThat(status.isArray()).isTrue();
        assertThat(status).hasSize(2);
        assertThat(status.get(0).path("statusPurpose").asText()).isEqualTo("revocation");
        assertThat(status.get(1).path("statusPurpose").asText()).isEqualTo("suspension");
        assertThat(status.get(1).path("type").asText()).isEqualTo("BitstringStatusListEntry");

        JsonNode report = verify(issued);
        assertThat(report.path("outcome").asText()).isEqualTo("valid");
        assertThat(check(report, "schema").path("outcome").asText()).isEqualTo("warning");
        assertThat(check(report, "schema").path("detail").asText()).contains("single-object rule");
        assertThat(check(report, "status").path("detail").asText()).contains("2 status entries checked");
        assertThat(check(report, "proof").path("outcome").asText()).isEqualTo("passed");
        assertThat(page(issued)).startsWith("valid|");

        Http.Response suspended = change(issued, "suspend");
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(suspended.json().path("state").asText()).isEqualTo("suspended");
        assertThat(verify(issued).path("outcome").asText()).isEqualTo("suspended");
        String shown = page(issued);
        assertThat(shown).startsWith("suspended|").contains("Suspended: the issuer has suspended this credential");

        assertThat(change(issued, "unsuspend").status()).isEqualTo(200);
        assertThat(verify(issued).path("outcome").asText()).isEqualTo("valid");
        assertThat(page(issued)).startsWith("valid|");

        assertThat(change(issued, "suspend").status()).isEqualTo(200);
        assertThat(change(issued, "revoke").status()).isEqualTo(200);
        assertThat(verify(issued).path("outcome").asText()).isEqualTo("revoked");
        assertThat(page(issued)).startsWith("revoked|");
        assertThat(change(issued, "unsuspend").status()).isEqualTo(409);
    }

    @Test
    void revocationOnlyCredentialsStaySchemaExactAndExplainWhyTheyCannotBeSuspended() {
        JsonNode a = achievement(null);
        assertThat(a.path("status").asText()).isEqualTo("revocation");
        JsonNode issued = issue(a);
        JsonNode status = issued.path("credential").path("credentialStatus");
        assertThat(status.isObject()).isTrue();
        assertThat(status.path("statusPurpose").asText()).isEqualTo("revocation");
        JsonNode report = verify(issued);
        assertThat(report.path("outcome").asText()).isEqualTo("valid");
        assertThat(check(report, "schema").path("outcome").asText()).isEqualTo("passed");

        Http.Response refused = change(issued, "suspend");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asText()).contains("revocation only", "revocation and suspension");
        assertThat(verify(issued).path("outcome").asText()).isEqualTo("valid");
        assertThat(change(issued, "revoke").status()).isEqualTo(200);
        assertThat(verify(issued).path("outcome").asText()).isEqualTo("revoked");

        Http.Response bad = http.post("/api/issuers/" + slug + "/achievements", token,
                "{\"name\": \"Bad\", \"description\": \"d\", \"criteria\": \"c\", \"status\": \"suspension\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("detail").asText()).contains("status must be");
    }

    @Test
    void theConsoleFormSetsItAndBulkIssuanceFollowsIt() throws Exception {
        Platform p = server.platform();
        Issuer issuer = p.issuers().require(slug);
        String email = "console-" + UUID.randomUUID() + "@example.org";
        WebUser staff = server.member(issuer, Membership.STAFF, email, "Console", false);
        assertThat(staff.get("/console/" + slug + "/achievements/new").body())
                .contains("name=\"status\"", "Revocation and suspension");
        String name = "Console suspendable " + UUID.randomUUID();
        assertThat(staff.post("/console/" + slug + "/achievements", Map.of("name", name, "description", "d",
                "criteria", "c", "status", "revocation-and-suspension", "action", "save")).status()).isEqualTo(303);
        JsonNode listed = null;
        for (JsonNode a : http.get("/api/issuers/" + slug + "/achievements").json()) {
            if (a.path("name").asText().equals(name)) {
                listed = a;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("status").asText()).isEqualTo("revocation-and-suspension");
        String achievementId = listed.path("id").asText();
        assertThat(staff.get("/console/" + slug + "/achievements/" + achievementId + "/edit").body())
                .containsPattern("value=\"revocation-and-suspension\"\\s+selected");

        BulkJob job = p.bulk().preview(issuer, achievementId, ("email\nbulk-a-" + UUID.randomUUID()
                + "@example.org\nbulk-b-" + UUID.randomUUID() + "@example.org\n").getBytes(StandardCharsets.UTF_8));
        p.bulk().start(issuer, job.id());
        for (int i = 0; i < 600 && !p.bulk().job(issuer, job.id()).isFinished(); i++) {
            Thread.sleep(50);
        }
        List<StoredCredential> issued = p.db().read(c -> p.store().credentials().byIssuer(c, issuer.id(), 500, 0))
                .stream().filter(k -> achievementId.equals(k.achievementId())).toList();
        assertThat(issued).hasSize(2).allSatisfy(k -> {
            assertThat(k.suspensionListId()).isNotNull();
            assertThat(k.suspensionIndex()).isNotNull();
        });
        assertThat(issued.get(0).suspensionIndex()).isNotEqualTo(issued.get(1).suspensionIndex());
        StoredCredential first = issued.get(0);
        assertThat(staff.post("/console/" + slug + "/credentials/" + first.id() + "/suspend", Map.of()).status())
                .isEqualTo(303);
        Http.Response report = http.post("/api/verify", null, first.document());
        assertThat(report.json().path("outcome").asText()).isEqualTo("suspended");
        assertThat(http.post("/api/verify", null, issued.get(1).document()).json().path("outcome").asText())
                .isEqualTo("valid");
    }
}
