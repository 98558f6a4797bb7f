package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.server.tlog.TlogSettings;
import dev.microcred.store.Issuer;
import dev.microcred.store.StoredAchievement;
import dev.microcred.store.TransparencyLogStore;
import dev.microcred.tlog.witness.Ed25519Cosigner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint is published only when the witness quorum cosigned it: with the demo witness and an unreachable
 * second witness and a quorum of 2, the log key signs checkpoints but none is published, no receipt is built, and
 * the credential page says the credential is not on record yet; with a quorum of 1 the same log publishes.
 */
class TransparencyLogQuorumIT {
    @TempDir
    Path data;

    @Test
    void publishesOnlyWhenTheQuorumHasCosigned() {
        KeyEncryptionKey kek = KeyEncryptionKey.generate();
        String db = dev.microcred.store.Database.h2FileUrl(data.resolve("db"));
        // a witness nobody answers for: port 1 on loopback refuses connections
        String unreachable = "http://127.0.0.1:1 " + new Ed25519Cosigner("absent.example",
                Ed25519PrivateKey.generate(), Clock.systemUTC()).verifier().verifierKey().format();
        Config config = Config.defaults().withPort(0).withDataDirectory(data).withDatabaseUrl(db)
                .withKeyEncryptionKey(kek);
        String credential;
        try (MicrocredServer server = MicrocredServer.start(config.withTlog(
                TlogSettings.parse(unreachable, "2", true)))) {
            Platform p = server.platform();
            Issuer issuer = p.issuers().create(new IssuerRegistry.NewIssuer("quorum", "Quorum", null, null, null,
                    "key"));
            StoredAchievement a = p.achievements().create(issuer, Json.parseObject(
                    "{\"name\": \"Q\", \"description\": \"d\", \"criteria\": \"c\"}"));
            credential = p.issuance().issue(issuer, a, new Issuance.Recipient(null, "did:example:q"), null, null)
                    .stored().id();
            assertThat(p.sequencer().catchUp(Duration.ofSeconds(60))).isTrue();
            TransparencyLogStore logs = new TransparencyLogStore();
            List<TransparencyLogStore.SignedCheckpoint> signed = p.db().read(logs::checkpoints);
            assertThat(signed).isNotEmpty().allSatisfy(c -> assertThat(c.publishedAt()).isNull());
            assertThat(p.tlog().policyText()).contains("group quorum 2 w1 w2");
            Http http = new Http(server.baseUrl());
            assertThat(http.get("/tlog/checkpoint").status()).isEqualTo(404);
            assertThat(http.get("/credentials/" + credential + "/receipt").status()).isEqualTo(404);
            assertThat(http.get("/credentials/" + credential, "Accept", "text/html").body())
                    .contains("data-check=\"tlog\" data-outcome=\"skipped\"");
        }
        // the same log (same database and data directory: the same log key and demo witness), quorum 1 of 2
        try (MicrocredServer server = MicrocredServer.start(config.withTlog(
                TlogSettings.parse(unreachable, "1", true)))) {
            Platform p = server.platform();
            assertThat(p.sequencer().catchUp(Duration.ofSeconds(60))).isTrue();
            Http http = new Http(server.baseUrl());
            assertThat(http.get("/tlog/checkpoint").status()).isEqualTo(200);
            assertThat(http.get("/credentials/" + credential + "/receipt").status()).isEqualTo(200);
        }
    }
}
