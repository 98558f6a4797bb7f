package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.dataintegrity.Cryptosuite;
import dev.microcred.credentials.dataintegrity.DataIntegrity;
import dev.microcred.credentials.dataintegrity.ProofOptions;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.DidKey;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.crypto.KeyEncryptionKey;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Operations and VCALM completeness over real HTTP: the OpenAPI document kept true against the router, Prometheus
 * metrics, readiness, VCALM status updates and presentation verification. Run on H2 ({@link OperationsH2IT}) and
 * PostgreSQL ({@link OperationsPostgresIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OperationsContract {
    static final String ADMIN = "admin-token-for-operations-tests-0123456789";
    final List<String> urls = new ArrayList<>();
    MicrocredServer server;
    Http http;

    abstract String jdbcUrl();

    Config config() throws Exception {
        String url = jdbcUrl();
        urls.add(url);
        return Config.defaults().withPort(0).withDataDirectory(Files.createTempDirectory("microcred-ops-it"))
                .withDatabaseUrl(url).withKeyEncryptionKey(KeyEncryptionKey.generate()).withAdminToken(ADMIN);
    }

    @BeforeAll
    void start() throws Exception {
        server = MicrocredServer.start(config());
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
        Http.Response r = http.post("/api/issuers", ADMIN, "{\"slug\": \"ops-" + UUID.randomUUID().toString()
                .substring(0, 8) + "\", \"name\": \"Ops Academy\", \"didMethod\": \"" + method + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static String token(JsonNode issuer) {
        return issuer.path("apiToken").path("token").asText();
    }

    JsonNode vcalmIssue(JsonNode issuer, String... purposes) {
        StringBuilder status = new StringBuilder();
        for (String p : purposes) {
            status.append(status.length() == 0 ? "" : ",").append("{\"type\": \"BitstringStatusListEntry\","
                    + " \"statusPurpose\": \"").append(p).append("\"}");
        }
        Http.Response r = http.post("/issuers/" + issuer.path("slug").asText() + "/vcalm/credentials/issue",
                token(issuer), """
                {"credential": {
                   "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
                   "type": ["VerifiableCredential"], "credentialSubject": {"id": "did:example:s", "name": "S"}},
                 "options": {"credentialStatus": [%s]}}
                """.formatted(status));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("verifiableCredential");
    }

    @Test
    void theOpenApiDocumentListsExactlyTheJsonApiRoutes() {
        Http.Response r = http.get("/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        JsonNode doc = r.json();
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        List<String> documented = new ArrayList<>();
        for (Iterator<String> paths = doc.path("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            doc.path("paths").path(path).fieldNames().forEachRemaining(m -> documented.add(
                    m.toUpperCase(Locale.ROOT) + " " + path));
        }
        List<String> routes = server.routes().stream()
                .map(x -> x.method() + " " + x.path().replace('<', '{').replace('>', '}')).toList();
        assertThat(routes).containsAll(documented);
        List<String> jsonApi = routes.stream().filter(x -> x.contains(" /api/") || x.contains("/vcalm/")).toList();
        assertThat(jsonApi).isNotEmpty();
        assertThat(documented).containsAll(jsonApi);
    }

    @Test
    void metricsAreExposedInThePrometheusTextFormat() {
        JsonNode issuer = issuer("key");
        JsonNode vc = vcalmIssue(issuer, "revocation");
        assertThat(http.post("/api/verify", null, Json.write(vc)).json().path("outcome").asText()).isEqualTo("valid");
        Http.Response r = http.get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        String text = r.body();
        assertThat(text).contains("# TYPE microcred_http_requests_total counter")
                .contains("microcred_http_requests_total{method=\"POST\",route=\"/issuers/{slug}/vcalm/credentials/issue\","
                        + "status=\"201\"}")
                .contains("microcred_http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/verify\","
                        + "le=\"+Inf\"}")
                .contains("microcred_credentials_issued_total{channel=\"vcalm\"}")
                .contains("microcred_verifications_total{outcome=\"valid\"}")
                .contains("jvm_memory_heap_used_bytes ").contains("jvm_threads_live ");
        for (String line : text.split("\n")) {
            if (!line.startsWith("#")) {
                assertThat(line).matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\""
                        + "(,[a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\")*\\})? -?[0-9][0-9.eE+-]*");
            }
        }
        assertThat(server.platform().metrics().counter("microcred_verifications_total", "valid")).isPositive();
    }

    @Test
    void readinessAnswers503WithRetryAfterWhenTheDatabaseIsGone() throws Exception {
        try (MicrocredServer other = MicrocredServer.start(config())) {
            Http h = new Http(other.baseUrl());
            assertThat(h.get("/readyz").status()).isEqualTo(200);
            other.platform().db().close();
            Http.Response r = h.get("/readyz");
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.header("Retry-After")).isNotBlank();
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(h.get("/healthz").status()).isEqualTo(200);
        }
    }

    @Test
    void vcalmStatusSetsAndClearsSuspensionAndRevokesForGood() {
        JsonNode issuer = issuer("key");
        String slug = issuer.path("slug").asText();
        JsonNode vc = vcalmIssue(issuer, "revocation", "suspension");
        String id = vc.path("id").asText();
        String path = "/issuers/" + slug + "/vcalm/credentials/status";
        String suspend = """
                {"credentialId": "%s", "credentialStatus": [{"type": "BitstringStatusListEntry", "status": %s,
                 "statusPurpose": "%s"}]}
                """;
        assertThat(http.post(path, null, suspend.formatted(id, true, "suspension")).status()).isEqualTo(401);
        assertThat(http.post(path, token(issuer(("key"))), suspend.formatted(id, true, "suspension")).status())
                .isEqualTo(403);
        Http.Response s = http.post(path, token(issuer), suspend.formatted(id, true, "suspension"));
        assertThat(s.status()).as(s.body()).isEqualTo(200);
        assertThat(s.json().path("state").asText()).isEqualTo("suspended");
        assertThat(http.post("/api/verify", null, Json.write(vc)).json().path("outcome").asText())
                .isEqualTo("suspended");
        assertThat(http.post(path, token(issuer), suspend.formatted(id, true, "suspension")).json().path("state")
                .asText()).isEqualTo("suspended");
        assertThat(http.post(path, token(issuer), suspend.formatted(id, false, "suspension")).json().path("state")
                .asText()).isEqualTo("active");
        assertThat(http.post("/api/verify", null, Json.write(vc)).json().path("outcome").asText()).isEqualTo("valid");
        assertThat(http.post(path, token(issuer), suspend.formatted(id, true, "revocation")).json().path("state")
                .asText()).isEqualTo("revoked");
        assertThat(http.post("/api/verify", null, Json.write(vc)).json().path("outcome").asText()).isEqualTo("revoked");
        assertThat(http.post(path, token(issuer), suspend.formatted(id, false, "revocation")).status()).isEqualTo(409);
        assertThat(http.post(path, token(issuer), suspend.formatted(server.baseUrl() + "/credentials/nope", true,
                "revocation")).status()).isEqualTo(404);
        assertThat(http.post(path, token(issuer), "{\"credentialId\": \"" + id + "\", \"credentialStatus\":"
                + " [{\"type\": \"StatusList2021Entry\", \"status\": true}]}").status()).isEqualTo(400);
        assertThat(http.post(path, token(issuer), "{\"credentialStatus\": []}").status()).isEqualTo(400);
    }

    @Test
    void vcalmVerifiesPresentationsWithTheirProofAndEmbeddedCredentials() {
        JsonNode issuer = issuer("web");
        String path = "/issuers/" + issuer.path("slug").asText() + "/vcalm/presentations/verify";
        JsonNode vc = vcalmIssue(issuer, "revocation");
        Ed25519PrivateKey holderKey = Ed25519PrivateKey.generate();
        String holder = DidKey.of(holderKey.publicKey());
        ObjectNode vp = Json.object();
        vp.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
        vp.putArray("type").add("VerifiablePresentation");
        vp.put("holder", holder);
        vp.putArray("verifiableCredential").add(vc);

        Http.Response unsigned = http.post(path, token(issuer), "{\"verifiablePresentation\": " + Json.write(vp) + "}");
        assertThat(unsigned.status()).as(unsigned.body()).isEqualTo(200);
        assertThat(unsigned.json().path("verified").asBoolean()).isTrue();
        assertThat(unsigned.json().path("warnings").path(0).path("name").asText()).isEqualTo("proof");

        ObjectNode signed = DataIntegrity.standard().sign(vp, ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022,
                DidKey.verificationMethodId(holderKey.publicKey())).withProofPurpose("authentication")
                .withChallenge("c-123").withDomain("verifier.example"), holderKey);
        Http.Response ok = http.post(path, token(issuer), "{\"verifiablePresentation\": " + Json.write(signed)
                + ", \"options\": {\"challenge\": \"c-123\", \"domain\": \"verifier.example\"}}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("checks").toString()).contains("proof").contains("credential[0]");
        assertThat(ok.json().path("credentialResults").path(0).path("verified").asBoolean()).isTrue();

        Http.Response wrongChallenge = http.post(path, token(issuer), "{\"verifiablePresentation\": "
                + Json.write(signed) + ", \"options\": {\"challenge\": \"other\"}}");
        assertThat(wrongChallenge.status()).isEqualTo(400);
        assertThat(wrongChallenge.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wrongChallenge.json().path("errors").path(0).path("message").asText()).contains("challenge");

        ObjectNode tamperedVp = signed.deepCopy();
        tamperedVp.put("holder", "did:example:mallory");
        Http.Response badProof = http.post(path, token(issuer), "{\"verifiablePresentation\": "
                + Json.write(tamperedVp) + "}");
        assertThat(badProof.status()).isEqualTo(400);
        assertThat(badProof.json().path("presentationResult").path("verified").asBoolean()).isFalse();

        ObjectNode forged = vp.deepCopy();
        ((ObjectNode) ((ArrayNode) forged.get("verifiableCredential")).get(0).get("credentialSubject"))
                .put("name", "Forged");
        Http.Response badCredential = http.post(path, token(issuer), "{\"verifiablePresentation\": "
                + Json.write(forged) + "}");
        assertThat(badCredential.status()).isEqualTo(400);
        assertThat(badCredential.json().path("verified").asBoolean()).isFalse();
        assertThat(badCredential.json().path("credentialResults").path(0).path("outcome").asText())
                .isEqualTo("tampered");

        assertThat(http.post(path, token(issuer), "{\"verifiablePresentation\": {\"type\": [\"Nope\"]}}").status())
                .isEqualTo(400);
        assertThat(http.post(path, null, "{\"verifiablePresentation\": {}}").status()).isEqualTo(401);
    }
}
