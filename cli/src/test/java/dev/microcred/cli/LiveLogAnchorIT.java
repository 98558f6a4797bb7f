package dev.microcred.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.Config;
import dev.microcred.server.MicrocredServer;
import dev.microcred.server.Platform;
import dev.microcred.server.anchoring.Anchoring;
import dev.microcred.server.anchoring.AnchoringConfig;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.server.tlog.TlogSettings;
import dev.microcred.store.Database;
import dev.microcred.store.Issuer;
import dev.microcred.store.StoredAchievement;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.entry.Anchor;
import dev.microcred.tlog.entry.LogEntry;
import dev.microcred.tlog.note.SignedNote;
import dev.microcred.tlog.tiles.BundleId;
import dev.microcred.tlog.tiles.EntryBundle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against a live server that anchors its own log on the Hardhat node of CI
 * ({@code MICROCRED_TEST_EVM_URL}; skipped without it): after an anchor, {@code microcred tlog audit} verifies the
 * served log with the {@code anchor} entry in it, and {@code microcred tlog verify-anchor} accepts the checkpoint as
 * served and the entry as read from the served entry bundle.
 */
class LiveLogAnchorIT {
    @TempDir
    Path dir;

    @Test
    void auditAndVerifyAnchorAcceptTheAnchorEntryTheServerLogged() throws Exception {
        String rpc = System.getenv("MICROCRED_TEST_EVM_URL");
        assumeTrue(rpc != null && !rpc.isBlank(), "MICROCRED_TEST_EVM_URL is not set (CI starts a Hardhat node)");
        AnchoringConfig anchoring = AnchoringConfig.fromEnvironment(Map.of(AnchoringConfig.RPC_URL, rpc,
                AnchoringConfig.CHAIN, "eip155:31337", AnchoringConfig.KEY, TlogAnchorCommandsIT.ACCOUNT_0_KEY,
                AnchoringConfig.INTERVAL, "0")).orElseThrow();
        try (MicrocredServer server = MicrocredServer.start(Config.defaults().withPort(0)
                .withDataDirectory(dir.resolve("data"))
                .withDatabaseUrl(Database.h2MemoryUrl("anchor" + UUID.randomUUID().toString().replace("-", "")))
                .withKeyEncryptionKey(KeyEncryptionKey.generate())
                .withTlog(TlogSettings.none().withDemoWitness(true).withInterval(Duration.ofMillis(200)))
                .withAnchoring(anchoring))) {
            Platform p = server.platform();
            String base = "http://127.0.0.1:" + server.port();
            Issuer issuer = p.issuers().create(new IssuerRegistry.NewIssuer("anchor-" + UUID.randomUUID().toString()
                    .substring(0, 6), "Anchored Academy", null, null, null, "key"));
            StoredAchievement achievement = p.achievements().create(issuer, Json.parseObject(
                    "{\"name\": \"Anchored\", \"description\": \"d\", \"criteria\": \"c\"}"));
            for (int i = 0; i < 5; i++) {
                p.issuance().issue(issuer, achievement, new Issuance.Recipient(null, "did:example:" + i), null, null);
            }
            assertThat(p.sequencer().catchUp(Duration.ofSeconds(60))).isTrue();
            String anchored = get(base + "/tlog/checkpoint");
            long anchoredSize = Checkpoint.from(SignedNote.parse(anchored)).size();
            Anchoring.Result result = p.anchoring().anchorLatest();
            assertThat(result.sent()).isTrue();
            assertThat(p.sequencer().catchUp(Duration.ofSeconds(60))).isTrue();
            long size = Checkpoint.from(SignedNote.parse(get(base + "/tlog/checkpoint"))).size();
            assertThat(size).isEqualTo(anchoredSize + 1);

            CliRun audit = CliRun.of("tlog", "audit", base + "/tlog", "--key", p.tlog().key().vkey(), "--mirror",
                    dir.resolve("mirror").toString(), "--policy",
                    Files.writeString(dir.resolve("policy.txt"), p.tlog().policyText()).toString(), "--no-progress");
            assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
            assertThat(audit.out()).contains("verified " + p.tlog().key().origin() + " at size " + size);

            BundleId bundleId = BundleId.containing(anchoredSize, size);
            EntryBundle bundle = EntryBundle.parse(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/tlog/" + bundleId.path())).build(), HttpResponse.BodyHandlers.ofByteArray())
                    .body(), bundleId.width());
            String entry = new String(bundle.entries().get((int) (anchoredSize % 256)).toArray(),
                    StandardCharsets.US_ASCII);
            assertThat(LogEntry.parse(entry)).isInstanceOf(Anchor.class);
            assertThat(entry).isEqualTo(result.anchor().entry());
            Path checkpoint = Files.writeString(dir.resolve("checkpoint"), anchored);
            CliRun verify = CliRun.of("tlog", "verify-anchor", "--rpc", rpc, "--checkpoint", checkpoint.toString(),
                    "--anchor", entry, "--chain", "eip155:31337", "--sender", TlogAnchorCommandsIT.ACCOUNT_0,
                    "--key", p.tlog().key().vkey());
            assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
            assertThat(verify.out()).startsWith("valid: checkpoint " + p.tlog().key().origin() + " at size "
                    + anchoredSize + " is anchored on eip155:31337");
        }
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }
}
