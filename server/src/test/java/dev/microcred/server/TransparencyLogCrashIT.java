package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.store.Database;
import dev.microcred.store.TransparencyLogStore;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.entry.LogEntry;
import dev.microcred.tlog.merkle.ConsistencyProof;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.TreeHash;
import dev.microcred.tlog.note.SignedNote;
import dev.microcred.tlog.tiles.TileHashReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the log: the server runs as its own JVM, issues credentials (a bulk job and API calls in two
 * threads) and is killed with SIGKILL mid-issuance; restarted, it finishes the bulk job and the sequencer catches
 * up. Then the database and the log must agree: every credential has exactly one entry and every issuance entry
 * names a credential, nothing is left pending, the entries recompute the stored root and tiles, and every
 * checkpoint ever signed is consistent with every later one. On an H2 file database, and on PostgreSQL when
 * {@code MICROCRED_TEST_PG_URL} is set.
 */
class TransparencyLogCrashIT {
    static final String ADMIN = "admin-token-for-the-crash-test-0123456789";
    static final int ROWS = 600; // bulk batches of 500: killed after the first commits, 100 rows left

    @TempDir
    Path data;

    @Test
    void killedMidIssuanceOnH2TheLogAndTheCredentialsAgreeAfterRestart() throws Exception {
        // H2 writes commits to the file after a short delay (WRITE_DELAY): the last commits before a SIGKILL may be
        // lost, but whole transactions only, so the credentials and their entries still agree
        crashAndCheck(Database.h2FileUrl(data), false);
    }

    @Test
    void killedMidIssuanceOnPostgresTheLogAndTheCredentialsAgreeAfterRestart() throws Exception {
        String base = System.getenv(TestDatabases.PG_URL_VARIABLE);
        assumeTrue(base != null && !base.isBlank(), "MICROCRED_TEST_PG_URL is not set: PostgreSQL variant skipped");
        String url = TestDatabases.postgres();
        try {
            crashAndCheck(url, true);
        } finally {
            TestDatabases.drop(url);
        }
    }

    private void crashAndCheck(String dbUrl, boolean durable) throws Exception {
        String kek = KeyEncryptionKey.generate().toBase64();
        Process first = launch("serve", dbUrl, kek);
        AtomicInteger issued = new AtomicInteger();
        try {
            Http http = new Http(ready(first));
            String slug = "crash-" + UUID.randomUUID().toString().substring(0, 8);
            JsonNode issuer = http.post("/api/issuers", ADMIN, "{\"slug\": \"" + slug + "\", \"name\": \"Crash\"}")
                    .json();
            String token = issuer.path("apiToken").path("token").asText();
            String achievement = http.post("/api/issuers/" + slug + "/achievements", token,
                    "{\"name\": \"Crash\", \"description\": \"d\", \"criteria\": \"c\"}").json().path("id").asText();
            StringBuilder csv = new StringBuilder("email\n");
            for (int i = 0; i < ROWS; i++) {
                csv.append("row").append(i).append("-").append(UUID.randomUUID()).append("@example.org\n");
            }
            Http.Response job = http.post("/api/issuers/" + slug + "/bulk?achievementId=" + achievement, token,
                    csv.toString(), "text/csv");
            assertThat(job.status()).as(job.body()).isEqualTo(201);
            String jobPath = "/api/issuers/" + slug + "/bulk/" + job.json().path("id").asText();
            String started = jobPath + "/start";
            assertThat(http.post(started, token, "").status()).isEqualTo(202);
            AtomicBoolean stop = new AtomicBoolean();
            List<CompletableFuture<Void>> loops = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                loops.add(CompletableFuture.runAsync(() -> {
                    while (!stop.get()) {
                        try {
                            Http.Response r = http.post("/api/issuers/" + slug + "/credentials", token,
                                    "{\"achievementId\": \"" + achievement + "\", \"recipient\": {\"id\": \"did:example:"
                                            + UUID.randomUUID() + "\"}}");
                            if (r.status() == 201) {
                                issued.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            return; // the server is gone
                        }
                    }
                }));
            }
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // kill once the bulk job has committed a batch and is working on more, and the API loops issued some
            while (System.nanoTime() < until && (issued.get() < 10
                    || http.get(jobPath, "Authorization", "Bearer " + token).json().path("rows").path("issued").asInt()
                    == 0)) {
                Thread.sleep(20);
            }
            first.destroyForcibly(); // SIGKILL, mid-issuance: both loops and the bulk job are running
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            stop.set(true);
            CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } finally {
            first.destroyForcibly();
        }
        assertThat(issued.get()).as("credentials issued before the kill").isPositive();

        Process second = launch("catch-up", dbUrl, kek);
        try {
            assertThat(second.waitFor(180, TimeUnit.SECONDS)).as("the restarted server caught up in time").isTrue();
            String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(out).as(out).contains("CAUGHT-UP");
        } finally {
            second.destroyForcibly();
        }

        try (Database db = Database.open(dbUrl, Clock.systemUTC())) {
            check(db, durable ? issued.get() : 0);
        }
    }

    /** @param issuedByApi credentials whose 201 the client saw, all committed durably (0 when not durable) */
    private void check(Database db, int issuedByApi) {
        TransparencyLogStore logs = new TransparencyLogStore();
        Map<String, String> documents = new HashMap<>();
        db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, document FROM credential");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    documents.put(rs.getString(1), rs.getString(2));
                }
            }
            return null;
        });
        assertThat(documents.size()).isGreaterThanOrEqualTo(issuedByApi + ROWS);
        assertThat(db.read(logs::pendingCount)).as("nothing left pending").isZero();
        long size = db.read(c -> logs.state(c, false)).orElseThrow().size();
        List<TransparencyLogStore.Sequenced> entries = db.read(c -> logs.entries(c, 0, size));
        assertThat(entries).hasSize((int) size);
        Set<String> logged = new HashSet<>();
        List<Hash> leaves = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            TransparencyLogStore.Sequenced e = entries.get(i);
            assertThat(e.index()).as("no gaps").isEqualTo(i);
            LogEntry entry = LogEntry.parse(e.entry());
            leaves.add(entry.leafHash());
            if (entry instanceof dev.microcred.tlog.entry.Issuance issuance) {
                assertThat(e.credentialId()).as("an issuance entry names its credential").isNotNull();
                assertThat(logged.add(e.credentialId())).as("one entry per credential").isTrue();
                String document = documents.get(e.credentialId());
                assertThat(document).as("no entry without its credential: " + e.credentialId()).isNotNull();
                assertThat(issuance.credential()).isEqualTo(Hash.of(dev.microcred.core.Sha256.digest(
                        document.getBytes(StandardCharsets.UTF_8))));
            }
        }
        assertThat(logged).as("every credential has its entry").isEqualTo(documents.keySet());
        Hash root = TreeHash.root(leaves);
        assertThat(Hash.of(db.read(c -> logs.state(c, false)).orElseThrow().root())).isEqualTo(root);
        assertThat(TreeHash.root(new TileHashReader(size, id -> db.read(c -> logs.nodes(c, 8 * id.level(),
                id.index() * 256, id.width()))), size)).as("the stored tiles give the root").isEqualTo(root);
        List<TransparencyLogStore.SignedCheckpoint> signed = db.read(logs::checkpoints);
        assertThat(signed).isNotEmpty();
        Checkpoint last = Checkpoint.from(SignedNote.parse(signed.get(signed.size() - 1).note()));
        assertThat(last.size()).isEqualTo(size);
        assertThat(last.root()).isEqualTo(root);
        // consistency is transitive: every checkpoint against the next and against the last covers every pair
        // (the proofs come from the tree the entries build, once: a smaller tree's complete subtrees are in it)
        List<Checkpoint> all = signed.stream().map(s -> Checkpoint.from(SignedNote.parse(s.note()))).toList();
        dev.microcred.tlog.merkle.MemoryHashStore tree = new dev.microcred.tlog.merkle.MemoryHashStore();
        dev.microcred.tlog.merkle.CompactRange.EMPTY.appendAll(leaves, tree);
        for (int i = 0; i + 1 < all.size(); i++) {
            for (Checkpoint later : List.of(all.get(i + 1), last)) {
                Checkpoint a = all.get(i);
                assertThat(ConsistencyProof.generate(tree, a.size(), later.size()).verify(a.root(), later.root()))
                        .as(a.size() + " -> " + later.size()).isTrue();
            }
        }
    }

    private Process launch(String mode, String dbUrl, String kek) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder b = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashServerMain.class.getName(), mode, data.resolve("server").toString(), dbUrl, kek, ADMIN);
        b.redirectError(data.resolve(mode + "-" + System.nanoTime() + ".log").toFile());
        return b.start();
    }

    private static String ready(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                for (String l; (l = out.readLine()) != null; ) {
                    if (l.startsWith("READY ")) {
                        return l.substring(6);
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String base = line.get(90, TimeUnit.SECONDS);
        assertThat(base).as("the server process started").isNotNull();
        return base;
    }
}
