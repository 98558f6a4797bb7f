package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.KeyEncryptionKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The issuing slice end to end over real HTTP on a port of its own: issuers (did:web and did:key), achievements,
 * issuance, status lists, revocation and suspension, the public credential page, the verify API and page, and VCALM.
 * Run on H2 ({@link ServerH2IT}) and PostgreSQL ({@link ServerPostgresIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerContract {
    static final String ADMIN = "admin-token-for-integration-tests-0123456789";
    static final String PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d";
    MicrocredServer server;
    Http http;
    String url;
    Path data;

    abstract String jdbcUrl();

    @BeforeAll
    void start() throws Exception {
        url = jdbcUrl();
        data = Files.createTempDirectory("microcred-it");
        server = MicrocredServer.start(Config.defaults().withPort(0).withDataDirectory(data).withDatabaseUrl(url)
                .withKeyEncryptionKey(KeyEncryptionKey.generate()).withAdminToken(ADMIN));
        http = new Http(server.baseUrl());
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

    /** Creates an issuer; returns its JSON (with {@code apiToken.token}). */
    JsonNode issuer(String method) {
        String slug = method + "-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response r = http.post("/api/issuers", ADMIN, """
                {"slug": "%s", "name": "Acme Academy", "url": "https://acme.example", "didMethod": "%s"}
                """.formatted(slug, method));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static String token(JsonNode issuer) {
        return issuer.path("apiToken").path("token").asText();
    }

    JsonNode achievement(JsonNode issuer, String name) {
        Http.Response r = http.post("/api/issuers/" + issuer.path("slug").asText() + "/achievements", token(issuer), """
                {"name": %s, "description": "Writes and tests Python programs.",
                 "criteria": "Pass the **final project** review.", "skills": ["%s", "15-1252.00"],
                 "eqfLevel": 5, "ects": 3, "workloadHours": 75, "assessment": "supervised project review",
                 "participation": "online", "qualityAssurance": "internal review board", "language": "en",
                 "validityDays": 730}
                """.formatted(Json.write(Json.mapper().getNodeFactory().textNode(name)), PYTHON));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode issue(JsonNode issuer, JsonNode achievement, String recipient) {
        Http.Response r = http.post("/api/issuers/" + issuer.path("slug").asText() + "/credentials", token(issuer), """
                {"achievementId": "%s", "recipient": %s}
                """.formatted(achievement.path("id").asText(), recipient));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    String verifyOutcome(JsonNode credential) {
        Http.Response r = http.post("/api/verify", null, Json.write(credential));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("outcome").asText();
    }

    @Test
    void healthAndReadiness() {
        assertThat(http.get("/healthz").status()).isEqualTo(200);
        assertThat(http.get("/readyz").body()).isEqualTo("ready");
    }

    @Test
    void unknownRoutesAnswerProblemDetails() {
        Http.Response r = http.get("/no/such/thing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).isEqualTo(404);
    }

    @Test
    void creatingAnIssuerNeedsThePlatformAdminToken() {
        Http.Response none = http.post("/api/issuers", null, "{\"slug\":\"x1\",\"name\":\"X\"}");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(http.post("/api/issuers", "mcat_wrong", "{\"slug\":\"x1\",\"name\":\"X\"}").status()).isEqualTo(401);
        JsonNode other = issuer("key");
        Http.Response notAdmin = http.post("/api/issuers", token(other), "{\"slug\":\"x2\",\"name\":\"X\"}");
        assertThat(notAdmin.status()).isEqualTo(403);
        Http.Response bad = http.post("/api/issuers", ADMIN, "{\"slug\":\"Not A Slug\",\"name\":\"X\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("detail").asText()).contains("slug");
    }

    @Test
    void didWebIssuersServeTheirDidDocumentAtTheDidWebPath() {
        JsonNode issuer = issuer("web");
        String did = issuer.path("did").asText();
        assertThat(did).isEqualTo("did:web:localhost%3A" + server.port() + ":issuers:" + issuer.path("slug").asText());
        Http.Response doc = http.get("/issuers/" + issuer.path("slug").asText() + "/did.json");
        assertThat(doc.status()).isEqualTo(200);
        JsonNode d = doc.json();
        assertThat(d.path("id").asText()).isEqualTo(did);
        assertThat(d.path("verificationMethod").path(0).path("type").asText()).isEqualTo("Multikey");
        assertThat(d.path("verificationMethod").path(0).path("publicKeyMultibase").asText()).startsWith("z6Mk");
        assertThat(d.path("assertionMethod").path(0).asText()).isEqualTo(did + "#key-1");
    }

    @Test
    void issuesAVerifiableCredentialWithStatusEntriesAndAClaimMail() {
        JsonNode issuer = issuer("web");
        JsonNode achievement = achievement(issuer, "Python Programming");
        JsonNode alignment = achievement.path("achievement").path("alignment");
        assertThat(alignment.findValuesAsText("targetFramework")).contains("ESCO", "O*NET",
                "European Qualifications Framework");
        JsonNode issued = issue(issuer, achievement, "{\"email\": \"Learner.One@Example.org\"}");
        JsonNode vc = issued.path("credential");
        assertThat(vc.path("issuer").path("id").asText()).isEqualTo(issuer.path("did").asText());
        assertThat(vc.path("proof").path("cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
        assertThat(vc.path("credentialStatus").path("type").asText()).isEqualTo("BitstringStatusListEntry");
        assertThat(vc.path("credentialStatus").path("statusPurpose").asText()).isEqualTo("revocation");
        assertThat(vc.path("credentialStatus").path("statusListIndex").asText()).matches("[0-9]+");
        assertThat(vc.path("@context").toString()).startsWith("[\"https://www.w3.org/ns/credentials/v2\","
                + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"");
        assertThat(vc.path("credentialSubject").path("identifier").path(0).path("identityHash").asText())
                .startsWith("sha256$");
        assertThat(Json.write(vc)).doesNotContainIgnoringCase("learner.one@example.org");
        assertThat(vc.path("validUntil").isTextual()).isTrue();
        assertThat(verifyOutcome(vc)).isEqualTo("valid");

        Http.Response mails = http.get("/api/admin/outbox", "Authorization", "Bearer " + ADMIN);
        JsonNode mail = null;
        for (JsonNode m : mails.json()) {
            if (issued.path("id").asText().equals(m.path("relatedId").asText())) {
                mail = m;
            }
        }
        assertThat(mail).isNotNull();
        assertThat(mail.path("to").asText()).isEqualTo("learner.one@example.org");
        assertThat(mail.path("body").asText()).contains(server.baseUrl() + "/claim/claim_");
        assertThat(http.get("/api/admin/outbox", "Authorization", "Bearer " + token(issuer)).status()).isEqualTo(403);
    }

    @Test
    void statusListsAreSignedCredentialsWithCacheHeadersMatchingTheirTtl() {
        JsonNode issuer = issuer("web");
        JsonNode vc = issue(issuer, achievement(issuer, "Status"), "{\"id\": \"did:example:learner\"}")
                .path("credential");
        String listUrl = vc.path("credentialStatus").path("statusListCredential").asText();
        assertThat(listUrl).isEqualTo(server.baseUrl() + "/issuers/" + issuer.path("slug").asText()
                + "/status/revocation/1");
        Http.Response list = http.get(listUrl);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Cache-Control")).isEqualTo("public, max-age=300");
        JsonNode doc = list.json();
        assertThat(doc.path("type").findValuesAsText("type")).isEmpty();
        assertThat(doc.path("type").toString()).contains("BitstringStatusListCredential");
        assertThat(doc.path("credentialSubject").path("ttl").asLong()).isEqualTo(300_000);
        assertThat(doc.path("credentialSubject").path("encodedList").asText()).startsWith("u");
        assertThat(doc.path("proof").path("verificationMethod").asText()).isEqualTo(issuer.path("did").asText()
                + "#key-1");
        assertThat(verifyOutcome(doc)).isEqualTo("valid");
    }

    @Test
    void revocationIsFinalAndShowsEverywhere() {
        JsonNode issuer = issuer("web");
        String slug = issuer.path("slug").asText();
        JsonNode issued = issue(issuer, achievement(issuer, "Revocable"), "{\"email\": \"r@example.org\"}");
        String id = issued.path("id").asText();
        // verified once before, so the verifier holds the verified status list: the revocation must show at once
        assertThat(verifyOutcome(issued.path("credential"))).isEqualTo("valid");
        Http.Response revoked = http.post("/api/issuers/" + slug + "/credentials/" + id + "/revoke", token(issuer),
                "{\"reason\": \"issued in error\"}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().path("state").asText()).isEqualTo("revoked");
        assertThat(verifyOutcome(issued.path("credential"))).isEqualTo("revoked");
        Http.Response page = http.get("/credentials/" + id);
        assertThat(page.body()).contains("data-outcome=\"revoked\"").contains("Revoked: the issuer has withdrawn")
                .contains("id=\"verdict\" data-outcome=\"revoked\"");
        assertThat(http.post("/api/issuers/" + slug + "/credentials/" + id + "/suspend", token(issuer), "")
                .status()).isEqualTo(409);
        assertThat(http.post("/api/issuers/" + slug + "/credentials/" + id + "/revoke", token(issuer), "")
                .status()).isEqualTo(409);
    }

    @Test
    void suspensionIsLiftedByUnsuspending() {
        JsonNode issuer = issuer("key");
        String slug = issuer.path("slug").asText();
        Http.Response issued = http.post("/issuers/" + slug + "/vcalm/credentials/issue", token(issuer), """
                {"credential": {
                   "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
                   "type": ["VerifiableCredential"], "credentialSubject": {"id": "did:example:s", "name": "S"}},
                 "options": {"credentialStatus": [{"type": "BitstringStatusListEntry", "statusPurpose": "revocation"},
                                                  {"type": "BitstringStatusListEntry", "statusPurpose": "suspension"}]}}
                """);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        JsonNode vc = issued.json().path("verifiableCredential");
        assertThat(vc.path("issuer").asText()).startsWith("did:key:z6Mk");
        assertThat(vc.path("credentialStatus").findValuesAsText("statusPurpose")).containsExactly("revocation",
                "suspension");
        String id = vc.path("id").asText().substring(vc.path("id").asText().lastIndexOf('/') + 1);
        assertThat(http.post("/api/issuers/" + slug + "/credentials/" + id + "/unsuspend", token(issuer), "")
                .status()).isEqualTo(409);
        assertThat(http.post("/api/issuers/" + slug + "/credentials/" + id + "/suspend", token(issuer), "")
                .json().path("state").asText()).isEqualTo("suspended");
        assertThat(verifyOutcome(vc)).isEqualTo("suspended");
        assertThat(http.post("/api/issuers/" + slug + "/credentials/" + id + "/unsuspend", token(issuer), "")
                .json().path("state").asText()).isEqualTo("active");
        assertThat(verifyOutcome(vc)).isEqualTo("valid");
    }

    @Test
    void anOpenBadgeCredentialHasNoSuspensionEntry() {
        JsonNode issuer = issuer("key");
        JsonNode issued = issue(issuer, achievement(issuer, "Not suspendable"), "{\"email\": \"n@example.org\"}");
        Http.Response r = http.post("/api/issuers/" + issuer.path("slug").asText() + "/credentials/"
                + issued.path("id").asText() + "/suspend", token(issuer), "");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("detail").asText()).contains("no suspension entry");
    }

    @Test
    void anIssuerActsOnlyOnItsOwnCredentials() {
        JsonNode a = issuer("web");
        JsonNode b = issuer("web");
        JsonNode issued = issue(a, achievement(a, "Owned"), "{\"email\": \"o@example.org\"}");
        String id = issued.path("id").asText();
        assertThat(http.post("/api/issuers/" + a.path("slug").asText() + "/credentials/" + id + "/revoke", token(b), "")
                .status()).isEqualTo(403);
        assertThat(http.post("/api/issuers/" + b.path("slug").asText() + "/credentials/" + id + "/revoke", token(b), "")
                .status()).isEqualTo(404);
        assertThat(http.post("/api/issuers/" + b.path("slug").asText() + "/credentials", token(b),
                "{\"achievementId\": \"" + issued.path("achievementId").asText() + "\", \"recipient\": {\"email\":"
                        + " \"x@example.org\"}}").status()).isEqualTo(404);
        assertThat(verifyOutcome(issued.path("credential"))).isEqualTo("valid");
    }

    @Test
    void tamperingIsDetected() {
        JsonNode issuer = issuer("web");
        ObjectNode vc = (ObjectNode) issue(issuer, achievement(issuer, "Genuine"), "{\"email\": \"t@example.org\"}")
                .path("credential");
        ((ObjectNode) vc.path("credentialSubject").path("achievement")).put("name", "Forged");
        assertThat(verifyOutcome(vc)).isEqualTo("tampered");
    }

    @Test
    void theCredentialPageVerifiesLiveAndEscapesEverything() {
        JsonNode issuer = issuer("web");
        JsonNode issued = issue(issuer, achievement(issuer, "<script>alert(1)</script> Data & AI"),
                "{\"email\": \"p@example.org\"}");
        Http.Response page = http.get("/credentials/" + issued.path("id").asText());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt; Data"
                + " &amp; AI");
        assertThat(page.body()).contains("data-outcome=\"valid\"").contains("data-check=\"proof\"")
                .contains("The signature is intact").contains("Acme Academy").contains("EQF level 5")
                .contains("supervised project review").contains("Pass the <strong>final project</strong> review.");
        Http.Response json = http.get("/credentials/" + issued.path("id").asText(), "Accept", "application/json");
        assertThat(json.json()).isEqualTo(issued.path("credential"));
        assertThat(http.get("/credentials/nope").status()).isEqualTo(404);
    }

    @Test
    void theVerifyPageTakesAPastedCredential() {
        JsonNode issuer = issuer("key");
        JsonNode vc = issue(issuer, achievement(issuer, "Pasted"), "{\"email\": \"v@example.org\"}").path("credential");
        WebUser visitor = new WebUser(server.baseUrl());
        assertThat(visitor.get("/verify").body()).contains("<textarea name=\"credential\"");
        String boundary = "----microcred" + UUID.randomUUID();
        String csrf = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + visitor.csrf()
                + "\r\n";
        String body = csrf + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"credential\"\r\n\r\n"
                + Json.write(vc) + "\r\n--" + boundary + "--\r\n";
        Http.Response r = visitor.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl()
                        + "/verify")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("Verified: the credential is authentic");
        Http.Response empty = visitor.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl()
                        + "/verify")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csrf + "--" + boundary + "--\r\n")).build());
        assertThat(empty.status()).isEqualTo(400);
        Http.Response forged = http.post("/verify", null, body, "multipart/form-data; boundary=" + boundary);
        assertThat(forged.status()).as("no pre-session cookie: the token is not this visitor's").isEqualTo(403);
    }

    @Test
    void verifyApiReportsUnreadableInputAsAProblem() {
        Http.Response r = http.post("/api/verify", null, "this is not a credential", "text/plain");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("type").asText()).isEqualTo("/problems/malformed-input");
    }

    @Test
    void oversizedBodiesAreRefused() {
        String big = "{\"x\":\"" + "a".repeat((int) Config.DEFAULT_MAX_REQUEST_BYTES + 10) + "\"}";
        Http.Response r = http.post("/api/verify", null, big);
        assertThat(r.status()).isEqualTo(413);
    }

    @Test
    void vcalmIssuesAndVerifies() {
        JsonNode issuer = issuer("web");
        String slug = issuer.path("slug").asText();
        String request = """
                {"credential": {
                   "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
                   "type": ["VerifiableCredential"],
                   "issuer": "%s",
                   "credentialSubject": {"id": "did:example:subject", "name": "Alice"}},
                 "options": {"credentialStatus": {"type": "BitstringStatusListEntry", "statusPurpose": "revocation"}}}
                """.formatted(issuer.path("did").asText());
        assertThat(http.post("/issuers/" + slug + "/vcalm/credentials/issue", null, request).status()).isEqualTo(401);
        Http.Response issued = http.post("/issuers/" + slug + "/vcalm/credentials/issue", token(issuer), request);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        JsonNode vc = issued.json().path("verifiableCredential");
        assertThat(vc.path("proof").path("type").asText()).isEqualTo("DataIntegrityProof");
        assertThat(vc.path("credentialStatus").path("statusPurpose").asText()).isEqualTo("revocation");

        Http.Response ok = http.post("/issuers/" + slug + "/vcalm/credentials/verify", token(issuer),
                "{\"verifiableCredential\": " + Json.write(vc) + "}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("verified").asBoolean()).isTrue();
        assertThat(ok.json().path("checks").toString()).contains("proof");
        assertThat(ok.json().path("errors").size()).isZero();

        ((ObjectNode) vc.path("credentialSubject")).put("name", "Mallory");
        Http.Response bad = http.post("/issuers/" + slug + "/vcalm/credentials/verify", token(issuer),
                "{\"verifiableCredential\": " + Json.write(vc) + "}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.json().path("verified").asBoolean()).isFalse();
        assertThat(bad.json().path("errors").path(0).path("name").asText()).isEqualTo("proof");

        Http.Response jcs = http.post("/issuers/" + slug + "/vcalm/credentials/issue", token(issuer),
                request.replace("\"options\": {", "\"options\": {\"cryptosuite\": \"eddsa-jcs-2022\", "));
        assertThat(jcs.status()).as(jcs.body()).isEqualTo(201);
        assertThat(jcs.json().path("verifiableCredential").path("proof").path("cryptosuite").asText())
                .isEqualTo("eddsa-jcs-2022");
        Http.Response foreign = http.post("/issuers/" + slug + "/vcalm/credentials/issue", token(issuer),
                request.replace(issuer.path("did").asText(), "did:example:someone-else"));
        assertThat(foreign.status()).isEqualTo(400);
    }
}
