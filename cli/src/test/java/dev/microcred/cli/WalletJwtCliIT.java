package dev.microcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.core.Sha256;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.Config;
import dev.microcred.server.MicrocredServer;
import dev.microcred.server.Platform;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.server.issuing.StatusRegistry;
import dev.microcred.server.tlog.TlogSettings;
import dev.microcred.store.Database;
import dev.microcred.store.Issuer;
import dev.microcred.store.StoredAchievement;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wallet's VC-JWT form of a platform credential (the bytes {@code /wallet/{id}/credential.jwt} answers) checked
 * by the command line: {@code microcred verify} passes every check (the status list answered from a local copy, as
 * an air-gapped verifier would), with {@code --receipt} its own log receipt; {@code microcred tlog audit} accepts the
 * log with the JWT's issuance entry, and its stolen-key monitor lists the JWT when the issuer's records lack its
 * hash; after revocation {@code verify} says revoked.
 */
class WalletJwtCliIT {
    @TempDir
    Path dir;
    MicrocredServer server;
    Platform p;
    String base;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = MicrocredServer.start(Config.defaults().withPort(0).withDataDirectory(dir.resolve("data"))
                .withDatabaseUrl(Database.h2MemoryUrl("jwtcli" + UUID.randomUUID().toString().replace("-", "")))
                .withKeyEncryptionKey(KeyEncryptionKey.generate())
                .withTlog(TlogSettings.none().withDemoWitness(true).withInterval(Duration.ofMillis(200))));
        p = server.platform();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A local copy of the status list the JWT names, and the --offline-map option that serves it. */
    String[] statusListMap(String jwt) throws Exception {
        JsonNode payload = Json.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                StandardCharsets.UTF_8));
        String url = payload.path("credentialStatus").path("statusListCredential").asText();
        assertThat(url).startsWith(server.baseUrl() + "/issuers/");
        HttpResponse<byte[]> list = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(list.statusCode()).isEqualTo(200);
        Path file = Files.write(dir.resolve("list-" + UUID.randomUUID() + ".json"), list.body());
        return new String[] {"--offline", "--offline-map", url + "=" + file};
    }

    @Test
    void theCommandLineVerifiesTheJwtAndAuditsTheLogThatRecordsIt() throws Exception {
        Issuer issuer = p.issuers().create(new IssuerRegistry.NewIssuer("jwtcli-" + UUID.randomUUID().toString()
                .substring(0, 6), "JWT Academy", null, null, null, "key"));
        StoredAchievement achievement = p.achievements().create(issuer, Json.parseObject(
                "{\"name\": \"Portable\", \"description\": \"d\", \"criteria\": \"c\"}"));
        Issuance.Issued issued = p.issuance().issue(issuer, achievement,
                new Issuance.Recipient("holder@example.org", null), null, null);
        String id = issued.stored().id();
        String jwt = p.issuance().jwtForms().of(issued.stored());
        Path jwtFile = Files.writeString(dir.resolve("credential.jwt"), jwt);

        String[] map = statusListMap(jwt);
        CliRun ok = CliRun.of("verify", map[0], map[1], map[2], jwtFile.toString());
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).startsWith("VALID").containsPattern("ok\\s+proof").containsPattern("ok\\s+issuer-key")
                .containsPattern("ok\\s+status").containsPattern("ok\\s+validity").doesNotContainPattern("(?i)fail");

        // the JWT's own receipt, once published: verify --receipt binds the JWT bytes to its log entry
        assertThat(p.sequencer().catchUp(Duration.ofSeconds(60))).isTrue();
        Path policy = Files.writeString(dir.resolve("policy.txt"), p.tlog().policyText());
        String receipt = p.issuance().jwtForms().form(id, jwt).orElseThrow().receipt();
        assertThat(receipt).isNotNull().isNotEqualTo(p.tlog().receipt(id).orElseThrow());
        Path receiptFile = Files.writeString(dir.resolve("credential.jwt.tlog"), receipt);
        CliRun logged = CliRun.of("verify", map[0], map[1], map[2], "--receipt", receiptFile.toString(), "--policy",
                policy.toString(), jwtFile.toString());
        assertThat(logged.exitCode()).as(logged.out() + logged.err()).isZero();
        assertThat(logged.out()).containsPattern("ok\\s+tlog");
        // the credential's Data Integrity receipt does not fit the JWT
        Path other = Files.writeString(dir.resolve("credential.tlog"), p.tlog().receipt(id).orElseThrow());
        CliRun mismatched = CliRun.of("verify", map[0], map[1], map[2], "--receipt", other.toString(), "--policy",
                policy.toString(), jwtFile.toString());
        assertThat(mismatched.exitCode()).as(mismatched.out() + mismatched.err()).isEqualTo(1);
        assertThat(mismatched.out()).as("the tlog step rejects it, not some other failure")
                .containsPattern("FAIL\\s+tlog").containsPattern("ok\\s+proof");

        // the audit: the log with the JWT's issuance entry verifies; the issuer's records must know both forms
        String jsonHash = Sha256.hex(issued.stored().document().getBytes(StandardCharsets.UTF_8));
        String jwtHash = Sha256.hex(jwt.getBytes(StandardCharsets.UTF_8));
        Path both = Files.writeString(dir.resolve("known.txt"), jsonHash + "\n" + jwtHash + "\n");
        Path jsonOnly = Files.writeString(dir.resolve("known-json.txt"), jsonHash + "\n");
        Path mirror = dir.resolve("mirror");
        CliRun audit = CliRun.of("tlog", "audit", base + "/tlog", "--key", p.tlog().key().vkey(), "--mirror",
                mirror.toString(), "--policy", policy.toString(), "--issuer", issuer.did(), "--known", both.toString(),
                "--no-progress");
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        assertThat(audit.out()).contains("every tile and the root recomputed").contains("2 issuance entries, 0 not in");
        CliRun monitor = CliRun.of("tlog", "audit", base + "/tlog", "--key", p.tlog().key().vkey(), "--mirror",
                mirror.toString(), "--issuer", issuer.did(), "--known", jsonOnly.toString(), "--no-progress");
        assertThat(monitor.exitCode()).isEqualTo(1);
        assertThat(monitor.out()).contains("2 issuance entries, 1 not in").contains(jwtHash);

        // revoked: the same JWT now verifies as revoked (its status entry points at the list that changed)
        p.status().change(issuer, id, StatusRegistry.Change.REVOKE, "test");
        String[] after = statusListMap(jwt);
        CliRun revoked = CliRun.of("verify", after[0], after[1], after[2], jwtFile.toString());
        assertThat(revoked.exitCode()).as(revoked.out()).isEqualTo(1);
        assertThat(revoked.out()).startsWith("REVOKED");
    }
}
