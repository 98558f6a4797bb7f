package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.accounts.Roles;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.store.Issuer;
import dev.microcred.store.Membership;
import dev.microcred.store.OutboxMail;
import dev.microcred.store.RenewalLinks;
import dev.microcred.store.StoredCredential;
import dev.microcred.store.TransparencyLogStore;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Renewal (issue 3 §9) over real HTTP: a renewal is a new credential of the same achievement to the same recipient
 * that verifies, has its own status entries, transparency log entry and claim mail, and is linked to the credential
 * it renews on both public pages, in the API and in the wallet; revoked credentials, another issuer's tokens,
 * second renewals of the same credential, reused idempotency keys and forged CSRF tokens are refused and leave no
 * link. Run on H2 ({@link RenewalH2IT}) and PostgreSQL ({@link RenewalPostgresIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RenewalContract {
    static final String ADMIN = "admin-token-for-renewal-tests-0123456789";
    static final String PASSWORD = "renewal test password";
    MicrocredServer server;
    Platform p;
    Http http;
    String url;
    String slug;
    String token;
    String otherSlug;
    String otherToken;
    String achievementId;
    WebUser staff;

    abstract String jdbcUrl();

    @BeforeAll
    void start() throws Exception {
        url = jdbcUrl();
        server = MicrocredServer.start(Config.defaults().withPort(0)
                .withDataDirectory(Files.createTempDirectory("microcred-renewal-it")).withDatabaseUrl(url)
                .withKeyEncryptionKey(KeyEncryptionKey.generate()).withAdminToken(ADMIN));
        p = server.platform();
        http = new Http(server.baseUrl());
        JsonNode x = http.post("/api/issuers", ADMIN, "{\"slug\": \"renew-" + UUID.randomUUID().toString()
                .substring(0, 8) + "\", \"name\": \"Renewal Academy\"}").json();
        slug = x.path("slug").asText();
        token = x.path("apiToken").path("token").asText();
        JsonNode y = http.post("/api/issuers", ADMIN, "{\"slug\": \"other-" + UUID.randomUUID().toString()
                .substring(0, 8) + "\", \"name\": \"Other Academy\"}").json();
        otherSlug = y.path("slug").asText();
        otherToken = y.path("apiToken").path("token").asText();
        Http.Response a = http.post("/api/issuers/" + slug + "/achievements", token, "{\"name\": \"First aid\","
                + " \"description\": \"d\", \"criteria\": \"c\", \"validityDays\": 365}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        achievementId = a.json().path("id").asText();
        Issuer issuer = p.issuers().require(slug);
        String staffEmail = "staff-" + UUID.randomUUID() + "@renewal.example";
        p.accounts().signUp(staffEmail, "Staff", PASSWORD.toCharArray(), Roles.ISSUER_ADMIN);
        p.accounts().addMember(issuer, staffEmail, Membership.STAFF);
        staff = WebUser.signedIn(server.baseUrl(), staffEmail, PASSWORD);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (url != null) {
            TestDatabases.drop(url);
        }
    }

    static String email() {
        return "learner-" + UUID.randomUUID() + "@renewal.example";
    }

    JsonNode issue(String recipientJson) {
        Http.Response r = http.post("/api/issuers/" + slug + "/credentials", token, "{\"achievementId\": \""
                + achievementId + "\", \"recipient\": " + recipientJson + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    Http.Response renew(String issuerSlug, String bearer, String id, String body, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/issuers/" + issuerSlug
                + "/credentials/" + id + "/renew")).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return http.send(b.build());
    }

    JsonNode view(String id) {
        Http.Response r = http.get("/api/issuers/" + slug + "/credentials/" + id, "Authorization", "Bearer " + token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    RenewalLinks links(String id) {
        return p.db().read(c -> p.store().credentials().renewalLinks(c, id));
    }

    StoredCredential stored(String id) {
        return p.db().read(c -> p.store().credentials().byId(c, id)).orElseThrow();
    }

    boolean logged(String id) {
        TransparencyLogStore logs = new TransparencyLogStore();
        // the queue first: an entry the sequencer moves between the two reads is then found in the log
        return p.db().read(c -> logs.pending(c, 100_000).stream().anyMatch(e -> id.equals(e.credentialId()))
                || logs.entryOf(c, id).isPresent());
    }

    @Test
    void aRenewalIsANewValidLoggedCredentialLinkedBothWays() {
        String to = email();
        JsonNode old = issue("{\"email\": \"" + to + "\"}");
        String oldId = old.path("id").asText();
        Instant before = p.clock().instant().minusSeconds(1);

        Http.Response r = renew(slug, token, oldId, null, null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String newId = r.json().path("id").asText();
        assertThat(newId).isNotEqualTo(oldId);
        assertThat(r.json().path("renews").asText()).isEqualTo(oldId);
        assertThat(r.header("Location")).isEqualTo(server.baseUrl() + "/credentials/" + newId);
        assertThat(r.json().path("credential").path("id").asText()).isEqualTo(server.baseUrl() + "/credentials/"
                + newId);
        // the signed credential keeps to the OB 3.0 schema: no link property of ours inside it
        assertThat(r.json().path("credential").has("renews")).isFalse();

        // same achievement and recipient, new status entries, a new validity window of the achievement's length
        StoredCredential o = stored(oldId);
        StoredCredential n = stored(newId);
        assertThat(n.achievementId()).isEqualTo(o.achievementId());
        assertThat(n.recipientHash()).isEqualTo(o.recipientHash());
        assertThat(n.revocationIndex()).isNotNull();
        assertThat(List.of(n.revocationListId(), n.revocationIndex()))
                .isNotEqualTo(List.of(o.revocationListId(), o.revocationIndex()));
        assertThat(n.validFrom()).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(Duration.between(n.validFrom(), n.validUntil())).isEqualTo(Duration.ofDays(365));

        Http.Response verified = http.post("/api/verify", null, r.json().path("credential").toString());
        assertThat(verified.json().path("outcome").asText()).as(verified.body()).isEqualTo("valid");
        assertThat(logged(newId)).as("transparency log entry of the renewal").isTrue();

        // the claim mail goes to the recipient as for any issuance
        List<OutboxMail> mails = p.db().read(c -> p.store().outbox().byRelated(c, "credential-issued", newId));
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).recipient()).isEqualTo(to);
        assertThat(mails.get(0).body()).contains("/claim/");

        // the links: API view, public pages
        assertThat(view(oldId).path("renewedBy").asText()).isEqualTo(newId);
        assertThat(view(oldId).has("renews")).isFalse();
        assertThat(view(newId).path("renews").asText()).isEqualTo(oldId);
        assertThat(view(newId).has("renewedBy")).isFalse();
        String oldPage = http.get("/credentials/" + oldId, "Accept", "text/html").body();
        assertThat(oldPage).contains("id=\"renewed-by\"").contains("renewed by")
                .contains("href=\"/credentials/" + newId + "\"");
        String newPage = http.get("/credentials/" + newId, "Accept", "text/html").body();
        assertThat(newPage).contains("id=\"renews\"").contains("href=\"/credentials/" + oldId + "\"")
                .doesNotContain("id=\"renewed-by\"");

        // renewed once: again is refused and names the renewal; renewing the renewal extends the chain
        Http.Response again = renew(slug, token, oldId, null, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).contains("application/problem+json");
        assertThat(again.body()).contains("renewed already by " + newId);
        Http.Response third = renew(slug, token, newId, null, null);
        assertThat(third.status()).as(third.body()).isEqualTo(201);
        assertThat(third.json().path("renews").asText()).isEqualTo(newId);
        assertThat(links(newId)).isEqualTo(new RenewalLinks(oldId, third.json().path("id").asText()));
    }

    @Test
    void aRenewalTakesTheGivenValidityAndRefusesABadOne() {
        String oldId = issue("{\"email\": \"" + email() + "\"}").path("id").asText();
        Http.Response bad = renew(slug, token, oldId, "{\"validFrom\": \"2030-01-01T00:00:00Z\","
                + " \"validUntil\": \"2029-01-01T00:00:00Z\"}", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("validUntil must be after validFrom");
        assertThat(links(oldId)).isEqualTo(RenewalLinks.NONE);
        Http.Response malformed = renew(slug, token, oldId, "{\"validUntil\": \"next year\"}", null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(links(oldId)).isEqualTo(RenewalLinks.NONE);

        Http.Response r = renew(slug, token, oldId, "{\"validFrom\": \"2027-01-01T00:00:00Z\","
                + " \"validUntil\": \"2029-06-30T00:00:00Z\"}", null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("validFrom").asText()).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(r.json().path("validUntil").asText()).isEqualTo("2029-06-30T00:00:00Z");
        assertThat(r.json().path("credential").path("validUntil").asText()).isEqualTo("2029-06-30T00:00:00Z");
    }

    @Test
    void aRevokedCredentialIsNotRenewed() {
        String oldId = issue("{\"email\": \"" + email() + "\"}").path("id").asText();
        assertThat(http.post("/api/issuers/" + slug + "/credentials/" + oldId + "/revoke", token,
                "{\"reason\": \"fraud\"}").status()).isEqualTo(200);
        long count = p.db().read(c -> p.store().credentials().countByIssuer(c, stored(oldId).issuerId()));
        Http.Response r = renew(slug, token, oldId, null, null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.header("Content-Type")).contains("application/problem+json");
        assertThat(r.body()).contains("is revoked: a revoked credential is not renewed");
        assertThat(links(oldId)).isEqualTo(RenewalLinks.NONE);
        long after = p.db().read(c -> p.store().credentials().countByIssuer(c, stored(oldId).issuerId()));
        assertThat(after).isEqualTo(count);
    }

    @Test
    void anotherIssuerCannotRenew() {
        String oldId = issue("{\"email\": \"" + email() + "\"}").path("id").asText();
        assertThat(renew(slug, otherToken, oldId, null, null).status()).isEqualTo(403);
        assertThat(renew(otherSlug, otherToken, oldId, null, null).status()).isEqualTo(404);
        assertThat(renew(slug, "not-a-token", oldId, null, null).status()).isEqualTo(401);
        assertThat(renew(slug, token, UUID.randomUUID().toString(), null, null).status()).isEqualTo(404);
        assertThat(links(oldId)).isEqualTo(RenewalLinks.NONE);
    }

    @Test
    void aReplayedIdempotencyKeyAnswersTheFirstRenewal() {
        String oldId = issue("{\"email\": \"" + email() + "\"}").path("id").asText();
        String otherId = issue("{\"email\": \"" + email() + "\"}").path("id").asText();
        String key = "renew-" + UUID.randomUUID();
        Http.Response first = renew(slug, token, oldId, null, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        Http.Response replay = renew(slug, token, oldId, null, key);
        assertThat(replay.status()).as(replay.body()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        Http.Response elsewhere = renew(slug, token, otherId, null, key);
        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(elsewhere.body()).contains("idempotency key was used for another request");
        assertThat(links(otherId)).isEqualTo(RenewalLinks.NONE);
        assertThat(renew(slug, token, oldId, null, "bad key with spaces").status()).isEqualTo(400);
    }

    @Test
    void aDidRecipientKeepsItsDid() {
        String did = "did:example:" + UUID.randomUUID();
        String oldId = issue("{\"id\": \"" + did + "\"}").path("id").asText();
        Http.Response r = renew(slug, token, oldId, null, null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("credential").path("credentialSubject").path("id").asText()).isEqualTo(did);
        String newId = r.json().path("id").asText();
        List<OutboxMail> mails = p.db().read(c -> p.store().outbox().byRelated(c, "credential-issued", newId));
        assertThat(mails).isEmpty();
    }

    @Test
    void theConsoleRenewButtonRenewsWithItsCsrfTokenOnly() {
        String oldId = issue("{\"email\": \"" + email() + "\"}").path("id").asText();
        String list = staff.get("/console/" + slug + "/credentials").body();
        String action = "/console/" + slug + "/credentials/" + oldId + "/renew";
        assertThat(list).contains("action=\"" + action + "\"");

        Http.Response forged = staff.post(action, Map.of("csrf", "forged"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(links(oldId)).isEqualTo(RenewalLinks.NONE);
        WebUser stranger = new WebUser(server.baseUrl());
        stranger.get("/login");
        assertThat(stranger.post(action, Map.of()).status()).isIn(401, 303);
        assertThat(links(oldId)).isEqualTo(RenewalLinks.NONE);

        staff.get("/console/" + slug + "/credentials");
        Http.Response ok = staff.post(action, Map.of());
        assertThat(ok.status()).as(ok.body()).isEqualTo(303);
        String newId = links(oldId).renewedBy();
        assertThat(newId).isNotNull();
        assertThat(ok.header("Location")).endsWith("/console/" + slug + "/credentials?renewed=" + newId);
        assertThat(staff.get(ok.header("Location")).body()).contains("Renewed: issued credential " + newId);
        assertThat(logged(newId)).isTrue();

        staff.get("/console/" + slug + "/credentials");
        assertThat(staff.post(action, Map.of()).status()).isEqualTo(409);
    }

    @Test
    void theWalletShowsTheChainAndAClaimedCredentialsRenewalLandsInIt() {
        String to = email();
        p.accounts().signUp(to, "Learner", PASSWORD.toCharArray(), Roles.LEARNER);
        Issuer issuer = p.issuers().require(slug);
        Issuance.Issued old = p.issuance().issue(issuer, p.achievements().find(issuer, achievementId).orElseThrow(),
                new Issuance.Recipient(to, null), null, null);
        WebUser learner = WebUser.signedIn(server.baseUrl(), to, PASSWORD);
        String claimPath = old.claimUrl().substring(old.claimUrl().indexOf("/claim/"));
        learner.get(claimPath);
        assertThat(learner.post(claimPath, Map.of()).status()).isEqualTo(303);
        assertThat(stored(old.stored().id()).holderAccountId()).isNotNull();

        Http.Response r = renew(slug, token, old.stored().id(), null, null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String newId = r.json().path("id").asText();

        String wallet = learner.get("/wallet").body();
        assertThat(wallet).contains("data-credential=\"" + old.stored().id() + "\"")
                .contains("data-credential=\"" + newId + "\"").contains("valid, superseded")
                .contains("superseded by its <a href=\"/wallet/" + newId + "\"")
                .contains("renews <a href=\"/wallet/" + old.stored().id() + "\"");
        assertThat(learner.get("/wallet/" + newId).status()).isEqualTo(200);
        assertThat(learner.get("/wallet/" + old.stored().id()).body()).contains("superseded by its");
    }
}
