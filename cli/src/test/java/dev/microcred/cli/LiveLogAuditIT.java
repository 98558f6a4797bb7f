package dev.microcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcred.core.Sha256;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.Config;
import dev.microcred.server.MicrocredServer;
import dev.microcred.server.Platform;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.server.tlog.TlogSettings;
import dev.microcred.store.Database;
import dev.microcred.store.Issuer;
import dev.microcred.store.StoredAchievement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against a live server's log: {@code microcred tlog audit <base>/tlog} mirrors the served tiles,
 * recomputes the root, checks the checkpoint under the served policy (log key and demo witness) and lists an
 * issuance its records do not hold; {@code microcred verify --receipt --policy} accepts a credential with the
 * receipt the server stored for it and rejects another credential's receipt.
 */
class LiveLogAuditIT {
    @TempDir
    Path dir;
    MicrocredServer server;
    Platform p;
    String base;

    @BeforeEach
    void start() {
        server = MicrocredServer.start(Config.defaults().withPort(0).withDataDirectory(dir.resolve("data"))
                .withDatabaseUrl(Database.h2MemoryUrl("audit" + UUID.randomUUID().toString().replace("-", "")))
                .withKeyEncryptionKey(KeyEncryptionKey.generate())
                .withTlog(TlogSettings.none().withDemoWitness(true).withInterval(Duration.ofMillis(200))));
        p = server.platform();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void auditsTheServedLogAndVerifiesAStoredReceipt() throws Exception {
        Issuer issuer = p.issuers().create(new IssuerRegistry.NewIssuer("audit-" + UUID.randomUUID().toString()
                .substring(0, 6), "Audited Academy", null, null, null, "key"));
        StoredAchievement achievement = p.achievements().create(issuer, Json.parseObject(
                "{\"name\": \"Audited\", \"description\": \"d\", \"criteria\": \"c\"}"));
        List<Issuance.Issued> issued = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            issued.add(p.issuance().issue(issuer, achievement, new Issuance.Recipient(null, "did:example:" + i), null,
                    null));
        }
        assertThat(p.sequencer().catchUp(Duration.ofSeconds(60))).isTrue();
        Path policy = Files.writeString(dir.resolve("policy.txt"), p.tlog().policyText());
        StringBuilder known = new StringBuilder("# our records\n");
        for (Issuance.Issued i : issued.subList(0, 299)) {
            known.append(Sha256.hex(i.stored().document().getBytes(StandardCharsets.UTF_8))).append('\n');
        }
        Path knownFile = Files.writeString(dir.resolve("known.txt"), known);
        Path mirror = dir.resolve("mirror");

        CliRun audit = CliRun.of("tlog", "audit", base + "/tlog", "--key", p.tlog().key().vkey(), "--mirror",
                mirror.toString(), "--policy", policy.toString(), "--no-progress");
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        long size = dev.microcred.tlog.checkpoint.Checkpoint.from(dev.microcred.tlog.note.SignedNote.parse(
                p.tlog().checkpoint().orElseThrow())).size();
        assertThat(size).isGreaterThanOrEqualTo(301);
        assertThat(audit.out()).contains("verified " + p.tlog().key().origin() + " at size " + size)
                .contains("every tile and the root recomputed");
        // one credential missing from the issuer's records: the stolen-key monitor lists it
        CliRun monitor = CliRun.of("tlog", "audit", base + "/tlog", "--key", p.tlog().key().vkey(), "--mirror",
                mirror.toString(), "--issuer", issuer.did(), "--known", knownFile.toString(), "--no-progress");
        assertThat(monitor.exitCode()).as(monitor.out() + monitor.err()).isEqualTo(1);
        assertThat(monitor.out()).contains("300 issuance entries, 1 not in")
                .contains(Sha256.hex(issued.get(299).stored().document().getBytes(StandardCharsets.UTF_8)));

        // the receipt the server stored verifies offline with the credential it belongs to, and only with it
        Path credential = Files.writeString(dir.resolve("vc.json"), issued.get(7).stored().document());
        Path receipt = Files.writeString(dir.resolve("vc.tlog"), p.tlog().receipt(issued.get(7).stored().id())
                .orElseThrow());
        Path other = Files.writeString(dir.resolve("other.tlog"), p.tlog().receipt(issued.get(8).stored().id())
                .orElseThrow());
        CliRun ok = CliRun.of("verify", "--offline", "--receipt", receipt.toString(), "--policy", policy.toString(),
                credential.toString());
        assertThat(ok.out()).containsPattern("ok\\s+tlog");
        CliRun wrong = CliRun.of("verify", "--offline", "--receipt", other.toString(), "--policy", policy.toString(),
                credential.toString());
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.out()).containsPattern("(FAIL|fail)\\w*\\s+tlog");
    }
}
