package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Sha256;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.server.tlog.TlogSettings;
import dev.microcred.store.Issuer;
import dev.microcred.store.StoredAchievement;
import dev.microcred.store.StoredCredential;
import dev.microcred.store.TransparencyLogStore;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.entry.LogEntry;
import dev.microcred.tlog.merkle.ConsistencyProof;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.InclusionProof;
import dev.microcred.tlog.merkle.TreeHash;
import dev.microcred.tlog.note.SignedNote;
import dev.microcred.tlog.policy.Policy;
import dev.microcred.tlog.proof.ReceiptVerification;
import dev.microcred.tlog.proof.TlogProof;
import dev.microcred.tlog.tiles.EntryBundle;
import dev.microcred.tlog.tiles.TileHashReader;
import dev.microcred.tlog.tiles.TileId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The transparency log in the platform, over real HTTP and a real database: every issuance path (API, VCALM, bulk)
 * and issuer creation and status list publication append their entry in the event's transaction; the sequencer
 * indexes them without gaps, the tree and the signed checkpoints agree with a recomputation, the demo witness
 * cosigns, receipts verify under the served policy, and the /tlog/ resources are what tlog-tiles says. Run on H2
 * ({@link TransparencyLogH2IT}) and PostgreSQL ({@link TransparencyLogPostgresIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TransparencyLogContract {
    static final String ADMIN = "admin-token-for-tlog-tests-0123456789abcdef";
    MicrocredServer server;
    Platform p;
    Http http;
    String url;
    final TransparencyLogStore logs = new TransparencyLogStore();
    final HttpClient client = HttpClient.newHttpClient();

    abstract String jdbcUrl();

    @BeforeAll
    void start() throws Exception {
        url = jdbcUrl();
        Path data = Files.createTempDirectory("microcred-tlog");
        server = MicrocredServer.start(Config.defaults().withPort(0).withDataDirectory(data).withDatabaseUrl(url)
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

    JsonNode issuer() {
        String slug = "tlog-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response r = http.post("/api/issuers", ADMIN, """
                {"slug": "%s", "name": "Log Academy", "didMethod": "web"}
                """.formatted(slug));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    String token(JsonNode issuer) {
        return issuer.path("apiToken").path("token").asText();
    }

    String achievement(JsonNode issuer) {
        Http.Response r = http.post("/api/issuers/" + issuer.path("slug").asText() + "/achievements", token(issuer),
                "{\"name\": \"Logged\", \"description\": \"d\", \"criteria\": \"c\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    String issueByApi(JsonNode issuer, String achievement) {
        Http.Response r = http.post("/api/issuers/" + issuer.path("slug").asText() + "/credentials", token(issuer),
                "{\"achievementId\": \"%s\", \"recipient\": {\"email\": \"l-%s@example.org\"}}".formatted(achievement,
                        UUID.randomUUID()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    byte[] bytes(String path) throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    void catchUp() {
        assertThat(p.sequencer().catchUp(Duration.ofSeconds(60))).as("the sequencer caught up").isTrue();
    }

    @Test
    void everyIssuancePathLogsItsCredentialAndReceiptsVerifyUnderThePolicy() throws Exception {
        JsonNode issuer = issuer();
        String slug = issuer.path("slug").asText();
        String achievement = achievement(issuer);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(issueByApi(issuer, achievement));
        }
        Http.Response vcalm = http.post("/issuers/" + slug + "/vcalm/credentials/issue", token(issuer), """
                {"credential": {
                   "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
                   "type": ["VerifiableCredential"], "credentialSubject": {"id": "did:example:s", "name": "S"}},
                 "options": {"credentialStatus": [{"type": "BitstringStatusListEntry", "statusPurpose": "revocation"}]}}
                """);
        assertThat(vcalm.status()).as(vcalm.body()).isEqualTo(201);
        String vcalmId = vcalm.json().path("verifiableCredential").path("id").asText();
        ids.add(vcalmId.substring(vcalmId.lastIndexOf('/') + 1));
        Issuer stored = p.issuers().require(slug);
        StoredAchievement a = p.achievements().find(stored, achievement).orElseThrow();
        String csv = "email\n" + "b1-" + UUID.randomUUID() + "@example.org\n" + "b2-" + UUID.randomUUID()
                + "@example.org\n";
        String job = p.bulk().preview(stored, a.id(), csv.getBytes(StandardCharsets.UTF_8)).id();
        p.bulk().start(stored, job);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!"done".equals(p.bulk().job(stored, job).state()) && System.nanoTime() < deadline) {
            if (!p.bulk().step(job)) {
                Thread.sleep(50);
            }
        }
        assertThat(p.bulk().job(stored, job).issuedRows()).isEqualTo(2);
        ids.addAll(p.db().read(c -> p.store().credentials().byIssuer(c, stored.id(), 100, 0)).stream()
                .map(StoredCredential::id).filter(id -> !ids.contains(id)).toList());
        assertThat(ids).hasSize(6);
        // revoking changes the list; fetching it publishes (signs) the new version, which is logged
        assertThat(http.post("/api/issuers/" + slug + "/credentials/" + ids.get(0) + "/revoke", token(issuer), "")
                .status()).isEqualTo(200);
        assertThat(http.get("/issuers/" + slug + "/status/revocation/1").status()).isEqualTo(200);
        catchUp();

        Map<String, LogEntry> byCredential = new HashMap<>();
        List<LogEntry> all = new ArrayList<>();
        long size = p.db().read(c -> logs.state(c, false)).orElseThrow().size();
        for (TransparencyLogStore.Sequenced e : p.db().read(c -> logs.entries(c, 0, size))) {
            LogEntry entry = LogEntry.parse(e.entry());
            all.add(entry);
            if (e.credentialId() != null) {
                assertThat(byCredential.put(e.credentialId(), entry)).as("one entry per credential").isNull();
            }
        }
        assertThat(all).hasSize((int) size);
        assertThat(p.db().read(logs::pendingCount)).isZero();
        for (String id : ids) {
            StoredCredential k = p.db().read(c -> p.store().credentials().byId(c, id)).orElseThrow();
            LogEntry entry = byCredential.get(id);
            assertThat(entry).as("entry of " + id).isInstanceOf(dev.microcred.tlog.entry.Issuance.class);
            dev.microcred.tlog.entry.Issuance issuance = (dev.microcred.tlog.entry.Issuance) entry;
            assertThat(issuance.issuer()).isEqualTo(stored.did());
            assertThat(issuance.credential().hex()).isEqualTo(Sha256.hex(k.document().getBytes(StandardCharsets.UTF_8)));
            assertThat(entry.format()).doesNotContain("@example.org").doesNotContain("did:example:s");
        }
        assertThat(all).anySatisfy(e -> assertThat(e.format()).contains("type key-added\nissuer " + stored.did()));
        assertThat(all).anySatisfy(e -> assertThat(e.format()).contains("type status-list\nissuer " + stored.did()
                + "\nurl " + server.baseUrl() + "/issuers/" + slug + "/status/revocation/1"));

        // the checkpoint: signed by the log key, cosigned by the demo witness, root = recomputation from entries
        Policy policy = Policy.parse(http.get("/tlog/policy").body());
        Http.Response checkpoint = http.get("/tlog/checkpoint");
        assertThat(checkpoint.status()).isEqualTo(200);
        assertThat(checkpoint.header("Cache-Control")).isEqualTo("public, max-age=5");
        SignedNote note = SignedNote.parse(checkpoint.body());
        assertThat(policy.verify(note).accepted()).as(policy.verify(note).toString()).isTrue();
        assertThat(policy.verify(note).cosigners()).hasSize(1);
        Checkpoint cp = Checkpoint.from(note);
        assertThat(cp.size()).isEqualTo(size);
        assertThat(cp.root()).isEqualTo(TreeHash.root(all.stream().map(LogEntry::leafHash).toList()));

        // receipts: stored, served publicly, verifying under the policy with this credential's entry
        for (String id : ids) {
            Http.Response r = http.get("/credentials/" + id + "/receipt");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            TlogProof proof = TlogProof.parse(r.body());
            ReceiptVerification v = proof.verify(policy, byCredential.get(id).bytes());
            assertThat(v.valid()).as(v.reason()).isTrue();
        }
        assertThat(http.get("/credentials/" + UUID.randomUUID() + "/receipt").status()).isEqualTo(404);
        // the public page and the verify page show the tlog check, passed, in plain language
        String page = http.get("/credentials/" + ids.get(1), "Accept", "text/html").body();
        assertThat(page).contains("data-check=\"tlog\" data-outcome=\"passed\"")
                .contains("publicly recorded this credential");
        String document = p.db().read(c -> p.store().credentials().byId(c, ids.get(1))).orElseThrow().document();
        String tampered = document.replace("\"Logged\"", "\"Forged\"");
        assertThat(tampered).isNotEqualTo(document);
        WebUser visitor = new WebUser(server.baseUrl(), false);
        visitor.get("/verify");
        assertThat(visitor.post("/verify", Map.of("credential", document)).body())
                .contains("data-check=\"tlog\" data-outcome=\"passed\"");
        assertThat(visitor.post("/verify", Map.of("credential", tampered)).body())
                .contains("data-check=\"tlog\" data-outcome=\"failed\"");

        // tiles and bundles as tlog-tiles serves them: an inclusion proof computed from them verifies
        TileHashReader tiles = new TileHashReader(cp.size(), id -> {
            try {
                return bytes("/tlog/" + id.path());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        for (long i = 0; i < cp.size(); i++) {
            assertThat(InclusionProof.generate(tiles, i, cp.size()).verify(all.get((int) i).leafHash(), cp.root()))
                    .isTrue();
        }
        TileId level0 = TileId.of(0, 0, cp.size());
        HttpResponse<byte[]> tile = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/tlog/"
                + level0.path())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(tile.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        EntryBundle bundle = EntryBundle.parse(bytes("/tlog/tile/entries/000.p/" + cp.size()), (int) cp.size());
        assertThat(bundle.leafHashes()).isEqualTo(all.stream().map(LogEntry::leafHash).toList());
        assertThat(http.get("/tlog/tile/0/000.p/" + (cp.size() + 1)).status()).isEqualTo(404);
        assertThat(http.get("/tlog/tile/0/001").status()).isEqualTo(404);
        assertThat(http.get("/tlog/tile/nonsense").status()).isEqualTo(404);
    }

    @Test
    void anIssuanceThatRollsBackLeavesNoEntry() throws SQLException {
        Issuer issuer = p.issuers().create(new IssuerRegistry.NewIssuer("rb-" + UUID.randomUUID().toString()
                .substring(0, 8), "Rollback", null, null, null, "key"));
        StoredAchievement a = p.achievements().create(issuer, dev.microcred.credentials.json.Json.parseObject(
                "{\"name\": \"R\", \"description\": \"d\", \"criteria\": \"c\"}"));
        // the sequencer runs in the background (issuer creation triggered it): compare caught-up logs
        catchUp();
        long before = p.db().read(c -> logs.state(c, false)).map(TransparencyLogStore.State::size).orElse(0L);
        assertThatThrownBy(() -> p.issuance().issue(issuer, a, new Issuance.Recipient(null, "did:example:r"), null,
                null, (c, k) -> {
                    throw new SQLException("simulated failure after the credential and its entry were written");
                })).isInstanceOf(MicrocredException.class);
        catchUp();
        assertThat(p.db().read(logs::pendingCount)).isZero();
        assertThat(p.db().read(c -> logs.state(c, false)).map(TransparencyLogStore.State::size).orElse(0L))
                .isEqualTo(before);
    }

    @Test
    void checkpointsAreConsistentAndAStaleWitnessSizeIsRecoveredFrom() {
        JsonNode issuer = issuer();
        String achievement = achievement(issuer);
        issueByApi(issuer, achievement);
        catchUp();
        // forget what the witness cosigned: the next add-checkpoint carries old 0, the witness answers 409 with its
        // size, and the sequencer retries from there
        p.db().inTransaction(c -> {
            try (var s = c.prepareStatement("UPDATE tlog_witness SET size = 0")) {
                s.executeUpdate();
            }
            return null;
        });
        issueByApi(issuer, achievement);
        catchUp();
        List<TransparencyLogStore.SignedCheckpoint> signed = p.db().read(logs::checkpoints);
        assertThat(signed.get(signed.size() - 1).publishedAt()).as("the latest checkpoint is published").isNotNull();
        long size = signed.get(signed.size() - 1).size();
        String witness = p.tlog().witnesses().get(0).url().toString();
        assertThat((long) p.db().read(c -> logs.witnessSize(c, witness))).as("the witness cosigned after its 409")
                .isEqualTo(size);
        TileHashReader tree = new TileHashReader(size, p.tlog()::tile);
        for (int i = 0; i < signed.size(); i++) {
            Checkpoint a = Checkpoint.from(SignedNote.parse(signed.get(i).note()));
            for (int j = i + 1; j < signed.size(); j++) {
                Checkpoint b = Checkpoint.from(SignedNote.parse(signed.get(j).note()));
                assertThat(ConsistencyProof.generate(new TileHashReader(b.size(), p.tlog()::tile), a.size(),
                        b.size()).verify(a.root(), b.root())).isTrue();
            }
        }
        assertThat(TreeHash.root(tree, size)).isEqualTo(Hash.of(p.db().read(c -> logs.state(c, false)).orElseThrow()
                .root()));
    }
}
