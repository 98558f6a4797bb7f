package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.Sha256;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.verify.VerificationReport;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.tlog.TlogSettings;
import dev.microcred.store.Issuer;
import dev.microcred.store.StoredCredential;
import dev.microcred.store.TransparencyLogStore;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.entry.Issuance;
import dev.microcred.tlog.entry.LogEntry;
import dev.microcred.tlog.merkle.TreeHash;
import dev.microcred.tlog.note.SignedNote;
import dev.microcred.tlog.policy.Policy;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The wallet's VC-JWT download over real HTTP: the holder gets the stored credential as an OB 3.0 VC-JWT signed by
 * the issuer's current key ({@code kid} its DID URL), the same bytes on every download, one stored row, one
 * transparency-log issuance entry of the JWS in a log that still checks out; the platform's verifiers accept it,
 * and after revocation say revoked. Nobody else gets it. Run on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WalletJwtContract {
    static final String ADMIN = "mc_admin_walletjwt_0123456789";
    static final String PASSWORD = "wallet jwt password 123";

    MicrocredServer server;
    Platform p;
    Http http;
    String url;
    final TransparencyLogStore logs = new TransparencyLogStore();

    abstract String jdbcUrl();

    @BeforeAll
    void start() throws Exception {
        url = jdbcUrl();
        server = MicrocredServer.start(Config.defaults().withPort(0).withDataDirectory(
                Files.createTempDirectory("microcred-wallet-jwt")).withDatabaseUrl(url)
                .withKeyEncryptionKey(KeyEncryptionKey.generate()).withAdminToken(ADMIN)
                .withTlog(TlogSettings.none().withDemoWitness(true).withInterval(Duration.ofMillis(200))));
        p = server.platform();
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

    /** A new issuer ({@code did:web} or {@code did:key}) with an achievement; answers slug, token, achievement id. */
    String[] issuer(String didMethod) {
        String slug = "jwt-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response r = http.post("/api/issuers", ADMIN, """
                {"slug": "%s", "name": "JWT Academy", "didMethod": "%s"}
                """.formatted(slug, didMethod));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String token = r.json().path("apiToken").path("token").asText();
        Http.Response a = http.post("/api/issuers/" + slug + "/achievements", token,
                "{\"name\": \"Signed twice\", \"description\": \"d\", \"criteria\": \"c\", \"validityDays\": 365}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return new String[] {slug, token, a.json().path("id").asText()};
    }

    String issue(String[] issuer, String email) {
        Http.Response r = http.post("/api/issuers/" + issuer[0] + "/credentials", issuer[1],
                "{\"achievementId\": \"%s\", \"recipient\": {\"email\": \"%s\"}}".formatted(issuer[2], email));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    static String email() {
        return "j" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    WebUser learner(String email) {
        WebUser u = new WebUser(server.baseUrl());
        u.get("/signup");
        Http.Response r = u.post("/signup", Map.of("email", email, "name", "Learner", "password", PASSWORD,
                "role", "learner"));
        assertThat(r.status()).as(r.body()).isEqualTo(303);
        u.get("/wallet");
        return u;
    }

    StoredCredential stored(String id) {
        return p.db().read(c -> p.store().credentials().byId(c, id)).orElseThrow();
    }

    static JsonNode part(String jwt, int i) {
        return Json.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[i]), StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> download(WebUser u, String id) {
        return u.getBytes("/wallet/" + id + "/credential.jwt");
    }

    @Test
    void theHolderDownloadsTheCredentialAsAVcJwtThatVerifiesAndIsLogged() {
        String[] issuer = issuer("web");
        String email = email();
        String id = issue(issuer, email);
        WebUser u = learner(email);
        assertThat(u.get("/wallet/" + id).body()).contains("href=\"/wallet/" + id + "/credential.jwt\"")
                .contains("VC-JWT");

        HttpResponse<byte[]> first = download(u, id);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/jwt"));
        assertThat(first.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"credential.jwt\"");
        String jwt = new String(first.body(), StandardCharsets.US_ASCII);
        assertThat(jwt.split("\\.")).hasSize(3);

        // OB 3.0 §8.2: the header names the issuer's current key by its DID URL; the payload is the credential
        Issuer stored = p.issuers().require(issuer[0]);
        String kid = p.issuers().activeKey(stored).verificationMethod();
        JsonNode header = part(jwt, 0);
        assertThat(header.path("alg").asText()).isEqualTo("EdDSA");
        assertThat(header.path("typ").asText()).isEqualTo("JWT");
        assertThat(header.path("kid").asText()).isEqualTo(kid).startsWith(stored.did() + "#");
        StoredCredential k = stored(id);
        ObjectNode document = Json.parseObject(k.document());
        ObjectNode payload = (ObjectNode) part(jwt, 1);
        assertThat(payload.path("iss").asText()).isEqualTo(stored.did());
        assertThat(payload.path("jti").asText()).isEqualTo(document.path("id").asText());
        assertThat(payload.path("nbf").asLong()).isEqualTo(k.validFrom().getEpochSecond());
        assertThat(payload.path("exp").asLong()).isEqualTo(k.validUntil().getEpochSecond());
        assertThat(payload.has("sub")).as("an email recipient has no subject id").isFalse();
        ObjectNode credential = payload.deepCopy();
        credential.remove(List.of("iss", "jti", "nbf", "exp"));
        document.remove("proof");
        assertThat(credential).isEqualTo(document);
        assertThat(payload.path("credentialStatus").path("type").asText()).isEqualTo("BitstringStatusListEntry");

        // stable: later downloads answer the stored bytes; one row
        assertThat(download(u, id).body()).isEqualTo(first.body());
        assertThat(p.issuance().jwtForms().stored(id)).hasValue(jwt);

        // the platform's verifiers: the engine, POST /api/verify, the /verify page
        VerificationReport report = p.verification().verify(first.body());
        assertThat(report.valid()).as(report.toJson().toString()).isTrue();
        assertThat(report.format()).containsIgnoringCase("jwt");
        Http.Response api = http.post("/api/verify", null, jwt, "application/jwt");
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        assertThat(api.json().path("outcome").asText()).isEqualTo("valid");
        for (JsonNode check : api.json().path("checks")) {
            assertThat(check.path("outcome").asText()).as(check.toString()).isIn("passed", "skipped");
        }

        // the log: one issuance entry of the JWS bytes, by the issuer and the signing key; the checkpoint the log
        // publishes is still signed, cosigned and the root of every entry
        assertThat(p.sequencer().catchUp(Duration.ofSeconds(60))).isTrue();
        long size = p.db().read(c -> logs.state(c, false)).orElseThrow().size();
        List<LogEntry> all = new ArrayList<>();
        List<Issuance> ofJwt = new ArrayList<>();
        String jwtHash = Sha256.hex(jwt.getBytes(StandardCharsets.UTF_8));
        for (TransparencyLogStore.Sequenced e : p.db().read(c -> logs.entries(c, 0, size))) {
            LogEntry entry = LogEntry.parse(e.entry());
            all.add(entry);
            if (entry instanceof Issuance i && i.credential().hex().equals(jwtHash)) {
                ofJwt.add(i);
                assertThat(e.credentialId()).as("filed under the JWT's own reference, not the credential's id")
                        .isNotNull().isNotEqualTo(id);
            }
        }
        assertThat(ofJwt).hasSize(1);
        assertThat(ofJwt.get(0).issuer()).isEqualTo(stored.did());
        assertThat(ofJwt.get(0).key()).isEqualTo(kid);
        assertThat(ofJwt.get(0).time()).isEqualTo(k.validFrom());
        assertThat(ofJwt.get(0).format()).doesNotContain(email);
        Policy policy = Policy.parse(http.get("/tlog/policy").body());
        SignedNote note = SignedNote.parse(http.get("/tlog/checkpoint").body());
        assertThat(policy.verify(note).accepted()).isTrue();
        Checkpoint cp = Checkpoint.from(note);
        assertThat(cp.size()).isEqualTo(size);
        assertThat(cp.root()).isEqualTo(TreeHash.root(all.stream().map(LogEntry::leafHash).toList()));
        // the credential's own receipt is still the one of its Data Integrity form
        assertThat(http.get("/credentials/" + id + "/receipt").status()).isEqualTo(200);

        // the /verify page: every check passes, the tlog one by the JWT's own receipt
        WebUser visitor = new WebUser(server.baseUrl());
        visitor.get("/verify");
        String page = visitor.post("/verify", Map.of("credential", jwt)).body();
        assertThat(page).contains("data-outcome=\"valid\"").contains("data-check=\"proof\" data-outcome=\"passed\"")
                .contains("data-check=\"status\" data-outcome=\"passed\"")
                .contains("data-check=\"tlog\" data-outcome=\"passed\"").doesNotContain("data-outcome=\"failed\"");
        // a JWT the platform did not make for this credential gets the credential's receipt, which does not match
        String forged = jwt.substring(0, jwt.lastIndexOf('.') + 1) + "AAAA";
        assertThat(visitor.post("/verify", Map.of("credential", forged)).body()).doesNotContain("data-outcome=\"valid\"")
                .as("the tlog step itself, not only the broken signature, rejects it")
                .contains("data-check=\"tlog\" data-outcome=\"failed\"");

        // revoked: the same stored JWT now verifies as revoked (its status entry is inside)
        Http.Response revoke = http.post("/api/issuers/" + issuer[0] + "/credentials/" + id + "/revoke", issuer[1],
                "{\"reason\": \"test\"}");
        assertThat(revoke.status()).as(revoke.body()).isEqualTo(200);
        HttpResponse<byte[]> after = download(u, id);
        assertThat(after.body()).isEqualTo(first.body());
        assertThat(p.verification().verify(after.body()).outcome().label()).isEqualTo("revoked");
        assertThat(http.post("/api/verify", null, jwt, "application/jwt").json().path("outcome").asText())
                .isEqualTo("revoked");
        assertThat(visitor.post("/verify", Map.of("credential", jwt)).body()).contains("data-outcome=\"revoked\"");
    }

    @Test
    void aDidKeyIssuersJwtNamesItsDidKeyAndSignsWithTheKeyOfTheMomentAfterRotation() {
        String[] issuer = issuer("key");
        String email = email();
        String id = issue(issuer, email);
        WebUser u = learner(email);
        String jwt = new String(download(u, id).body(), StandardCharsets.US_ASCII);
        Issuer stored = p.issuers().require(issuer[0]);
        assertThat(part(jwt, 0).path("kid").asText()).startsWith("did:key:z6Mk")
                .isEqualTo(p.issuers().activeKey(stored).verificationMethod());
        assertThat(p.verification().verify(jwt.getBytes(StandardCharsets.US_ASCII)).valid()).isTrue();

        // did:web: a credential signed before a rotation gets its JWT from the new key, and still verifies
        String[] web = issuer("web");
        String email2 = email();
        String older = issue(web, email2);
        Issuer webIssuer = p.issuers().require(web[0]);
        String oldKey = p.issuers().activeKey(webIssuer).verificationMethod();
        assertThat(http.post("/api/issuers/" + web[0] + "/keys/rotate", web[1], "").status()).isEqualTo(201);
        String newKey = p.issuers().activeKey(webIssuer).verificationMethod();
        assertThat(newKey).isNotEqualTo(oldKey);
        String rotated = new String(download(learner(email2), older).body(), StandardCharsets.US_ASCII);
        assertThat(part(rotated, 0).path("kid").asText()).isEqualTo(newKey);
        assertThat(p.verification().verify(rotated.getBytes(StandardCharsets.US_ASCII)).valid()).isTrue();
    }

    @Test
    void nobodyButTheHolderGetsIt() {
        String[] issuer = issuer("key");
        String email = email();
        String id = issue(issuer, email);
        WebUser other = learner(email());
        assertThat(download(other, id).statusCode()).as("another learner, as for the JSON download").isEqualTo(404);
        assertThat(other.get("/wallet/" + id + "/credential.json").status()).isEqualTo(404);
        assertThat(download(new WebUser(server.baseUrl(), false), id).statusCode()).isEqualTo(401);
        assertThat(p.issuance().jwtForms().stored(id)).as("nothing was made for them").isEmpty();
        WebUser mine = learner(email);
        assertThat(download(mine, UUID.randomUUID().toString()).statusCode()).isEqualTo(404);
        assertThat(download(mine, "not-a-credential").statusCode()).isEqualTo(404);
        // the issuer's staff have no wallet access to it either
        assertThat(http.get("/wallet/" + id + "/credential.jwt", "Authorization", "Bearer " + issuer[1]).status())
                .isEqualTo(401);
    }

    @Test
    void concurrentFirstDownloadsStoreAndLogOneJwt() throws Exception {
        String[] issuer = issuer("key");
        String email = email();
        String id = issue(issuer, email);
        WebUser u = learner(email);
        int n = 6;
        List<Thread> threads = new ArrayList<>();
        List<byte[]> bodies = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> bodies.add(download(u, id).body()));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertThat(bodies).hasSize(n);
        Iterator<byte[]> it = bodies.iterator();
        byte[] one = it.next();
        while (it.hasNext()) {
            assertThat(it.next()).isEqualTo(one);
        }
        String hash = Sha256.hex(one);
        assertThat(p.sequencer().catchUp(Duration.ofSeconds(60))).isTrue();
        long size = p.db().read(c -> logs.state(c, false)).orElseThrow().size();
        long entries = p.db().read(c -> logs.entries(c, 0, size)).stream()
                .filter(e -> e.entry().contains("credential sha256:" + hash)).count();
        assertThat(entries).as("one log entry for the one stored JWT").isEqualTo(1);
    }
}
