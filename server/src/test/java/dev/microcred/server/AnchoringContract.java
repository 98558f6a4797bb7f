package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.anchor.AnchorVerification;
import dev.microcred.anchor.EvmChainId;
import dev.microcred.anchor.EvmRpc;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.core.Sha256;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.accounts.Roles;
import dev.microcred.server.anchoring.AnchorRecorder;
import dev.microcred.server.anchoring.Anchoring;
import dev.microcred.server.anchoring.AnchoringConfig;
import dev.microcred.server.anchoring.CheckpointSource;
import dev.microcred.store.Database;
import dev.microcred.store.StoredAnchor;
import dev.microcred.store.TlogAnchors;
import dev.microcred.tlog.entry.Anchor;
import dev.microcred.tlog.entry.LogEntry;
import dev.microcred.server.tlog.TlogSettings;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.merkle.ConsistencyProof;
import dev.microcred.tlog.merkle.InclusionProof;
import dev.microcred.tlog.note.SignedNote;
import dev.microcred.tlog.policy.Policy;
import dev.microcred.tlog.tiles.BundleId;
import dev.microcred.tlog.tiles.EntryBundle;
import dev.microcred.tlog.tiles.TileHashReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Anchoring in the server against the local Hardhat node of CI: on demand over the admin API and page, on the
 * schedule, once per checkpoint with two servers on one database, a claim left by a failed recording taken over,
 * an unreachable chain (503 with Retry-After). The log behind the seams is a real tlog tree in memory
 * ({@link TestTransparencyLog}). Run on H2 ({@link AnchoringH2IT}) and PostgreSQL ({@link AnchoringPostgresIT}).
 */
abstract class AnchoringContract {
    static final String ADMIN = "admin-token-for-anchoring-tests-0123456789";
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<String> urls = new ArrayList<>();

    abstract String jdbcUrl();

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        volatile Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        opened.clear();
        urls.forEach(TestDatabases::drop);
        urls.clear();
    }

    private String freshUrl() {
        String url = jdbcUrl();
        urls.add(url);
        return url;
    }

    private Database database(Clock clock) {
        Database db = Database.open(freshUrl(), clock);
        opened.add(db);
        return db;
    }

    private Anchoring anchoring(Database db, AnchoringConfig config, TestTransparencyLog log, Clock clock) {
        Anchoring a = new Anchoring(db, new TlogAnchors(), Optional.of(config), log, log, clock);
        opened.add(a);
        return a;
    }

    private static AnchoringConfig hardhat(Duration interval) {
        return new AnchoringConfig(EvmTestNode.url(), EvmTestNode.CHAIN, EvmTestNode.key(), interval, Optional.empty(),
                Duration.ofSeconds(30));
    }

    private MicrocredServer server(AnchoringConfig config, CheckpointSource source, AnchorRecorder recorder)
            throws Exception {
        MicrocredServer server = MicrocredServer.start(Config.defaults().withPort(0)
                .withDataDirectory(Files.createTempDirectory("microcred-anchoring-it")).withDatabaseUrl(freshUrl())
                .withKeyEncryptionKey(KeyEncryptionKey.generate()).withAdminToken(ADMIN).withAnchoring(config),
                Clock.systemUTC(), false, source, recorder);
        opened.add(server);
        return server;
    }

    private static void verifyOnChain(String note, Anchor entry) {
        try (EvmRpc rpc = EvmRpc.open(EvmTestNode.url())) {
            AnchorVerification v = AnchorVerification.verify(note, entry, rpc, new AnchorVerification.Expectations(
                    Optional.of(EvmTestNode.CHAIN), Optional.of(EvmTestNode.ACCOUNT_0), 1));
            assertThat(v.valid()).as(v.reason()).isTrue();
        }
    }

    @Test
    void theAdminAnchorsTheLatestCheckpointOverTheApiOnceAndListsIt() throws Exception {
        TestTransparencyLog log = new TestTransparencyLog("log.example/server-anchor-api").append(12);
        MicrocredServer server = server(hardhat(Duration.ZERO), log, log);
        Http http = new Http(server.baseUrl());
        Http.Response none = http.post("/api/admin/tlog/anchor", ADMIN, "");
        assertThat(none.status()).as(none.body()).isEqualTo(409);
        assertThat(none.header("Content-Type")).startsWith("application/problem+json");
        assertThat(none.json().path("detail").asText()).contains("not published a checkpoint yet");

        String note = log.publish();
        Http.Response first = http.post("/api/admin/tlog/anchor", ADMIN, "");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode anchor = first.json();
        assertThat(anchor.path("status").asText()).isEqualTo("anchored");
        assertThat(anchor.path("log").asText()).isEqualTo("log.example/server-anchor-api");
        assertThat(anchor.path("size").asLong()).isEqualTo(12);
        assertThat(anchor.path("checkpoint").asText()).isEqualTo("sha256:" + Sha256.hex(SignedNote.parse(note).text()
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(anchor.path("chain").asText()).isEqualTo("eip155:31337");
        assertThat(anchor.path("sender").asText()).isEqualTo(EvmTestNode.ACCOUNT_0);
        Anchor entry = (Anchor) LogEntry.parse(anchor.path("entry").asText());
        assertThat(entry.tx()).isEqualTo(anchor.path("tx").asText());
        assertThat(entry.time().toString()).isEqualTo(anchor.path("time").asText());
        assertThat(log.anchors()).as("the entry is appended to the log").containsExactly(entry);
        assertThat(log.size()).isEqualTo(13);
        verifyOnChain(note, entry);

        Http.Response again = http.post("/api/admin/tlog/anchor", ADMIN, "");
        assertThat(again.status()).as("the same checkpoint is anchored once").isEqualTo(200);
        assertThat(again.json().path("tx").asText()).isEqualTo(entry.tx());
        assertThat(log.anchors()).hasSize(1);

        Http.Response list = http.get("/api/admin/tlog/anchors", "Authorization", "Bearer " + ADMIN);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("enabled").asBoolean()).isTrue();
        assertThat(list.json().path("chain").asText()).isEqualTo("eip155:31337");
        assertThat(list.json().path("sender").asText()).isEqualTo(EvmTestNode.ACCOUNT_0);
        assertThat(list.json().path("interval").asText()).isEqualTo("PT0S");
        assertThat(list.json().path("anchors")).hasSize(1);
        assertThat(list.json().path("anchors").get(0).path("tx").asText()).isEqualTo(entry.tx());
        assertThat(list.body()).doesNotContain(EvmTestNode.ACCOUNT_0_KEY.substring(2, 20));
        assertThat(http.get("/api/admin/tlog/anchors?limit=0", "Authorization", "Bearer " + ADMIN).status())
                .isEqualTo(400);

        // the admin page lists it, and its form anchors the checkpoint published since
        server.platform().accounts().signUp("anchors-admin@example.org", "Admin", "anchoring admin 123".toCharArray(),
                Roles.PLATFORM_ADMIN);
        WebUser admin = WebUser.signedIn(server.baseUrl(), "anchors-admin@example.org", "anchoring admin 123");
        Http.Response page = admin.get("/admin/anchors");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(entry.tx()).contains("Anchoring on eip155:31337").contains("anchor-now");
        log.append(5).publish();
        Http.Response posted = admin.post("/admin/anchors", Map.of());
        assertThat(posted.status()).as(posted.body()).isEqualTo(303);
        assertThat(log.anchors()).hasSize(2);
        assertThat(log.anchors().get(1).size()).isEqualTo(18);
        assertThat(admin.get("/admin/anchors").body()).contains(log.anchors().get(1).tx());
    }

    /**
     * End to end on the platform's own log: an issued credential is sequenced and published (cosigned by the demo
     * witness), the published checkpoint is anchored on demand, the anchor entry is sequenced by the round its
     * commit triggers (the background interval is an hour), served in the entry bundle, included in a later
     * published checkpoint, and the served checkpoint and entry verify on the chain.
     */
    @Test
    void thePlatformLogsAnchorIsInTheServedLogAndVerifies() throws Exception {
        MicrocredServer server = MicrocredServer.start(Config.defaults().withPort(0)
                .withDataDirectory(Files.createTempDirectory("microcred-anchoring-platform-it"))
                .withDatabaseUrl(freshUrl()).withKeyEncryptionKey(KeyEncryptionKey.generate()).withAdminToken(ADMIN)
                .withTlog(TlogSettings.none().withDemoWitness(true).withInterval(Duration.ofHours(1)))
                .withAnchoring(hardhat(Duration.ZERO)), Clock.systemUTC(), true, null, null);
        opened.add(server);
        Platform p = server.platform();
        Http http = new Http(server.baseUrl());
        assertThat(http.post("/api/admin/tlog/anchor", ADMIN, "").status()).as("nothing published yet")
                .isEqualTo(409);
        Http.Response issuer = http.post("/api/issuers", ADMIN, """
                {"slug": "anchored-academy", "name": "Anchored Academy", "didMethod": "web"}
                """);
        assertThat(issuer.status()).as(issuer.body()).isEqualTo(201);
        String token = issuer.json().path("apiToken").path("token").asText();
        Http.Response achievement = http.post("/api/issuers/anchored-academy/achievements", token,
                "{\"name\": \"Anchored\", \"description\": \"d\", \"criteria\": \"c\"}");
        assertThat(achievement.status()).as(achievement.body()).isEqualTo(201);
        Http.Response credential = http.post("/api/issuers/anchored-academy/credentials", token,
                "{\"achievementId\": \"%s\", \"recipient\": {\"email\": \"learner@example.org\"}}"
                        .formatted(achievement.json().path("id").asText()));
        assertThat(credential.status()).as(credential.body()).isEqualTo(201);
        assertThat(p.sequencer().catchUp(Duration.ofSeconds(60))).isTrue();

        // the published checkpoint, as served, is the one anchored
        Policy policy = Policy.parse(http.get("/tlog/policy").body());
        String served = http.get("/tlog/checkpoint").body();
        assertThat(policy.verify(SignedNote.parse(served)).accepted()).as("cosigned by the witness quorum").isTrue();
        Checkpoint first = Checkpoint.from(SignedNote.parse(served));
        assertThat(first.size()).as("the issuer's key and the credential").isGreaterThanOrEqualTo(2);
        Http.Response anchored = http.post("/api/admin/tlog/anchor", ADMIN, "");
        assertThat(anchored.status()).as(anchored.body()).isEqualTo(201);
        Anchor entry = (Anchor) LogEntry.parse(anchored.json().path("entry").asText());
        assertThat(entry.log()).isEqualTo(first.origin());
        assertThat(entry.size()).isEqualTo(first.size());
        assertThat(anchored.json().path("checkpoint").asText()).isEqualTo("sha256:" + Sha256.hex(
                SignedNote.parse(served).text().getBytes(StandardCharsets.UTF_8)));

        // the commit triggered a sequencer round: a later published checkpoint covers the anchor entry
        Checkpoint later = first;
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (later.size() == first.size() && System.nanoTime() < until) {
            Thread.sleep(100);
            later = Checkpoint.from(SignedNote.parse(http.get("/tlog/checkpoint").body()));
        }
        assertThat(later.size()).as("the anchor entry was sequenced and published").isEqualTo(first.size() + 1);
        SignedNote laterNote = SignedNote.parse(http.get("/tlog/checkpoint").body());
        assertThat(policy.verify(laterNote).accepted()).isTrue();
        long size = later.size();
        BundleId bundleId = BundleId.containing(first.size(), size);
        EntryBundle bundle = EntryBundle.parse(bytes(server, "/tlog/" + bundleId.path()), bundleId.width());
        byte[] servedEntry = bundle.entries().get((int) (first.size() % 256)).toArray();
        assertThat(new String(servedEntry, StandardCharsets.US_ASCII)).as("the served entry is the anchor entry")
                .isEqualTo(entry.format());
        TileHashReader tiles = new TileHashReader(size, id -> bytes(server, "/tlog/" + id.path()));
        assertThat(InclusionProof.generate(tiles, first.size(), size).verify(entry.leafHash(), later.root()))
                .as("included in the later checkpoint, by the served tiles").isTrue();
        assertThat(ConsistencyProof.generate(tiles, first.size(), size).verify(first.root(), later.root())).isTrue();

        // the served checkpoint and the served entry verify on the chain
        verifyOnChain(served, (Anchor) LogEntry.parse(servedEntry));
        assertThat(http.post("/api/admin/tlog/anchor", ADMIN, "").status())
                .as("the checkpoint covering the anchor is a new one: anchored in turn").isEqualTo(201);
    }

    private static byte[] bytes(MicrocredServer server, String path) {
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUnreachableChainIsA503WithRetryAfterAndLeavesNoClaim() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        TestTransparencyLog log = new TestTransparencyLog("log.example/server-anchor-down").append(3);
        log.publish();
        MicrocredServer server = server(AnchoringConfig.of("http://127.0.0.1:" + closed, EvmTestNode.CHAIN,
                EvmTestNode.key()), log, log);
        Http http = new Http(server.baseUrl());
        Http.Response r = http.post("/api/admin/tlog/anchor", ADMIN, "");
        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.header("Retry-After")).isNotBlank();
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("detail").asText()).contains("unreachable");
        assertThat(server.platform().anchoring().recent(10)).as("the claim is dropped").isEmpty();
        assertThat(log.anchors()).isEmpty();
    }

    @Test
    void withoutConfigurationNothingIsAnchored() throws Exception {
        MicrocredServer server = server(null, null, null);
        Http http = new Http(server.baseUrl());
        Http.Response r = http.post("/api/admin/tlog/anchor", ADMIN, "");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("detail").asText()).contains("not configured");
        Http.Response list = http.get("/api/admin/tlog/anchors", "Authorization", "Bearer " + ADMIN);
        assertThat(list.json().path("enabled").asBoolean()).isFalse();
        assertThat(list.json().path("anchors")).isEmpty();
        assertThat(server.platform().anchoring().tick()).isEmpty();
    }

    @Test
    void theScheduleAnchorsWhenTheIntervalHasPassedAndTheLogHasGrown() {
        MovableClock clock = new MovableClock();
        Database db = database(clock);
        TestTransparencyLog log = new TestTransparencyLog("log.example/server-anchor-schedule").append(7);
        Anchoring anchoring = anchoring(db, hardhat(Duration.ofHours(24)), log, clock);
        assertThat(anchoring.tick()).as("nothing published").isEmpty();
        String first = log.publish();
        StoredAnchor a1 = anchoring.tick().orElseThrow();
        assertThat(a1.size()).isEqualTo(7);
        verifyOnChain(first, (Anchor) LogEntry.parse(a1.entry()));

        String second = log.append(10).publish();
        assertThat(anchoring.tick()).as("a day has not passed").isEmpty();
        clock.now = clock.now.plus(Duration.ofHours(25));
        StoredAnchor a2 = anchoring.tick().orElseThrow();
        assertThat(a2.size()).isEqualTo(18);
        verifyOnChain(second, (Anchor) LogEntry.parse(a2.entry()));

        clock.now = clock.now.plus(Duration.ofHours(25));
        assertThat(anchoring.tick()).as("the log has not published anything new").isEmpty();
        assertThat(log.anchors()).hasSize(2);
        assertThat(anchoring.recent(10)).extracting(StoredAnchor::size).containsExactly(18L, 7L);
    }

    @Test
    void aClaimLeftByAFailedRecordingIsTakenOverOnceStale() {
        MovableClock clock = new MovableClock();
        Database db = database(clock);
        TestTransparencyLog log = new TestTransparencyLog("log.example/server-anchor-claim").append(4);
        String note = log.publish();
        Anchoring anchoring = anchoring(db, hardhat(Duration.ZERO), log, clock);
        log.failNextAppend();
        assertThatThrownBy(anchoring::anchorLatest).isInstanceOf(MicrocredException.class);
        assertThat(log.anchors()).isEmpty();
        assertThat(anchoring.recent(10)).singleElement().satisfies(a -> {
            assertThat(a.status()).as("the recording rolled back; the claim stays").isEqualTo(StoredAnchor.SENDING);
            assertThat(a.tx()).isNull();
        });
        assertThatThrownBy(anchoring::anchorLatest).isInstanceOf(MicrocredException.class)
                .satisfies(e -> assertThat(((MicrocredException) e).problem()).isEqualTo(Problem.CONFLICT))
                .hasMessageContaining("is being anchored");
        clock.now = clock.now.plus(Anchoring.STALE_CLAIM).plusSeconds(1);
        Anchoring.Result result = anchoring.anchorLatest();
        assertThat(result.sent()).isTrue();
        assertThat(result.anchor().status()).isEqualTo(StoredAnchor.ANCHORED);
        assertThat(log.anchors()).hasSize(1);
        verifyOnChain(note, log.anchors().get(0));
    }

    @Test
    void twoServersOnOneDatabaseAnchorACheckpointOnce() throws Exception {
        Clock clock = Clock.systemUTC();
        String url = freshUrl();
        Database db1 = Database.open(url, clock);
        opened.add(db1);
        Database db2 = Database.open(url, clock);
        opened.add(db2);
        TestTransparencyLog log = new TestTransparencyLog("log.example/server-anchor-twice").append(9);
        log.publish();
        Anchoring one = anchoring(db1, hardhat(Duration.ZERO), log, clock);
        Anchoring two = anchoring(db2, hardhat(Duration.ZERO), log, clock);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Anchoring.Result>> results = pool.invokeAll(List.<Callable<Anchoring.Result>>of(
                    one::anchorLatest, two::anchorLatest));
            int sent = 0;
            for (Future<Anchoring.Result> f : results) {
                try {
                    sent += f.get().sent() ? 1 : 0;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(MicrocredException.class);
                    assertThat(((MicrocredException) e.getCause()).problem()).isEqualTo(Problem.CONFLICT);
                }
            }
            assertThat(sent).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(log.anchors()).hasSize(1);
        assertThat(two.anchorLatest().sent()).isFalse();
        assertThat(one.recent(10)).singleElement().extracting(StoredAnchor::status).isEqualTo(StoredAnchor.ANCHORED);
    }

    @Test
    void configurationFromTheEnvironment() throws Exception {
        assertThat(AnchoringConfig.fromEnvironment(Map.of())).isEmpty();
        Map<String, String> env = Map.of(AnchoringConfig.RPC_URL, "https://rpc.example/v3/SECRETPATH",
                AnchoringConfig.CHAIN, "eip155:11155111", AnchoringConfig.KEY, EvmTestNode.ACCOUNT_0_KEY,
                AnchoringConfig.INTERVAL, "12h", AnchoringConfig.MAX_FEE_GWEI, "2.5");
        AnchoringConfig c = AnchoringConfig.fromEnvironment(env).orElseThrow();
        assertThat(c.chain()).isEqualTo(new EvmChainId(11155111));
        assertThat(c.interval()).isEqualTo(Duration.ofHours(12));
        assertThat(c.maxFeePerGasWei()).contains(java.math.BigInteger.valueOf(2_500_000_000L));
        assertThat(c.key().address()).isEqualTo(EvmTestNode.ACCOUNT_0);
        assertThat(Config.fromEnvironment(env).toString()).contains("eip155:11155111", "https://rpc.example",
                EvmTestNode.ACCOUNT_0).doesNotContain("SECRETPATH").doesNotContain(EvmTestNode.ACCOUNT_0_KEY
                .substring(2, 20));
        java.nio.file.Path keyFile = Files.createTempFile("anchor", ".key");
        Files.writeString(keyFile, EvmTestNode.ACCOUNT_0_KEY);
        assertThat(AnchoringConfig.fromEnvironment(Map.of(AnchoringConfig.RPC_URL, "http://127.0.0.1:8545",
                AnchoringConfig.CHAIN, "eip155:31337", AnchoringConfig.KEY_FILE, keyFile.toString())).orElseThrow()
                .interval()).isEqualTo(AnchoringConfig.DEFAULT_INTERVAL);
        for (Map<String, String> bad : List.of(
                Map.of(AnchoringConfig.RPC_URL, "https://rpc.example"),
                Map.of(AnchoringConfig.RPC_URL, "https://rpc.example", AnchoringConfig.CHAIN, "eip155:1"),
                Map.of(AnchoringConfig.RPC_URL, "http://rpc.example", AnchoringConfig.CHAIN, "eip155:1",
                        AnchoringConfig.KEY, EvmTestNode.ACCOUNT_0_KEY),
                Map.of(AnchoringConfig.RPC_URL, "https://rpc.example", AnchoringConfig.CHAIN, "1",
                        AnchoringConfig.KEY, EvmTestNode.ACCOUNT_0_KEY),
                Map.of(AnchoringConfig.RPC_URL, "https://rpc.example", AnchoringConfig.CHAIN, "eip155:1",
                        AnchoringConfig.KEY, EvmTestNode.ACCOUNT_0_KEY, AnchoringConfig.INTERVAL, "30s"),
                Map.of(AnchoringConfig.RPC_URL, "https://rpc.example", AnchoringConfig.CHAIN, "eip155:1",
                        AnchoringConfig.KEY, "0x1234"))) {
            assertThatThrownBy(() -> AnchoringConfig.fromEnvironment(bad)).as(bad.toString())
                    .isInstanceOf(MicrocredException.class).hasMessageNotContaining(EvmTestNode.ACCOUNT_0_KEY);
        }
    }
}
