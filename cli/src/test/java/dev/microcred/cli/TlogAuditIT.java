package dev.microcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.tlog.entry.Issuance;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.note.SignedNote;
import dev.microcred.tlog.witness.Ed25519Cosigner;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code microcred tlog audit} against a log built with the tlog module and served as static tiles over HTTP. */
class TlogAuditIT {
    static final String ORIGIN = "log.microcred.test/issuance";
    static final String ISSUER = "did:web:academy.example";

    @TempDir
    Path dir;

    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final TestLog log = new TestLog(ORIGIN);
    private HttpServer http;
    private String url;
    private Path mirror;

    @BeforeEach
    void serve() throws Exception {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        http.createContext("/log/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath().substring("/log/".length());
                requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                byte[] body = served.get(path);
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        http.start();
        url = "http://127.0.0.1:" + http.getAddress().getPort() + "/log";
        mirror = dir.resolve("mirror");
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    /** Publishes the log's current tiles and checkpoint (earlier tiles stay served, as on a CDN). */
    private SignedNote publish(TestLog source) {
        SignedNote note = source.checkpoint();
        publish(source, note);
        return note;
    }

    private void publish(TestLog source, SignedNote note) {
        served.putAll(source.tiles());
        served.put("checkpoint", note.format().getBytes(StandardCharsets.UTF_8));
    }

    private CliRun audit(String... more) {
        List<String> args = new ArrayList<>(List.of("tlog", "audit", url, "--key",
                log.key.verifier().verifierKey().format(), "--mirror", mirror.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static Hash credentialHash(int i) {
        return Hash.of(dev.microcred.core.Sha256.digest(("credential " + i).getBytes(StandardCharsets.UTF_8)));
    }

    private void appendIssuance(String issuer, int credential) {
        log.append(new Issuance(issuer, issuer + "#key-1", credentialHash(credential),
                Instant.parse("2025-06-01T10:00:00Z").plusSeconds(credential)).bytes());
    }

    @Test
    void auditsGrowsAndResumesWithoutFetchingFullTilesAgain() {
        log.appendText("entry", 300);
        publish(log);
        CliRun first = audit();
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("verified " + ORIGIN + " at size 300", "no earlier checkpoint in the mirror");
        assertThat(mirror.resolve("tile/0/000")).exists();
        assertThat(mirror.resolve("checkpoint")).exists();

        log.appendText("entry", 470);
        publish(log);
        CliRun second = audit();
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains("at size 770", "consistent with the checkpoint of size 300 seen before");
        assertThat(requests.get("tile/0/000").get()).isEqualTo(1);
        assertThat(requests.get("tile/entries/000").get()).isEqualTo(1);
        assertThat(requests.get("checkpoint").get()).isEqualTo(2);

        CliRun again = audit();
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("consistent with the checkpoint of size 770", "1 fetched");
    }

    @Test
    void forkedLogIsReported() {
        log.appendText("entry", 40);
        publish(log);
        assertThat(audit().exitCode()).isZero();
        // the same log key signs a tree whose 40 first entries differ: a split view
        TestLog fork = new TestLog(log.key);
        fork.appendText("rewritten entry", 60);
        served.clear();
        publish(fork);
        CliRun run = audit();
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).startsWith("FORK: ").contains("does not extend the checkpoint of size 40");
        try (Stream<Path> files = Files.list(mirror)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("fork-60-"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // the same size with another root is a fork too, and the log going backwards as well
        TestLog sameSize = new TestLog(log.key);
        sameSize.appendText("other entry", 40);
        publish(sameSize);
        assertThat(audit().out()).startsWith("FORK: ");
        TestLog smaller = new TestLog(log.key);
        smaller.appendText("entry", 39);
        publish(smaller);
        CliRun back = audit();
        assertThat(back.exitCode()).isEqualTo(1);
        assertThat(back.out()).contains("smaller than the size 40 seen before");
    }

    @Test
    void issuanceEntriesTheIssuerDoesNotHoldAreListed() throws Exception {
        log.appendText("entry", 10);
        for (int i = 0; i < 5; i++) {
            appendIssuance(ISSUER, i);
            appendIssuance("did:web:other.example", 100 + i);
        }
        publish(log);
        Path known = Files.writeString(dir.resolve("known.txt"), "# our records\n" + credentialHash(0).hex() + "\n"
                + "sha256:" + credentialHash(1).hex() + "\n\n" + credentialHash(2).hex() + "\n"
                + credentialHash(4).hex() + "\n");
        CliRun run = audit("--issuer", ISSUER, "--known", known.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("issuer " + ISSUER + ": 5 issuance entries, 1 not in")
                .contains("index 16  credential sha256:" + credentialHash(3).hex() + "  key " + ISSUER + "#key-1");
        Files.writeString(known, credentialHash(3).hex() + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        CliRun clean = audit("--issuer", ISSUER, "--known", known.toString());
        assertThat(clean.exitCode()).as(clean.out()).isZero();
        assertThat(clean.out()).contains("5 issuance entries, 0 not in");
        Path bad = Files.writeString(dir.resolve("bad.txt"), "not-a-hash\n");
        assertThat(audit("--issuer", ISSUER, "--known", bad.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void corruptTileOrBundleIsDetected() {
        log.appendText("entry", 600);
        publish(log);
        byte[] tile = served.get("tile/0/001").clone();
        tile[32 * 7 + 3] ^= 1;
        served.put("tile/0/001", tile);
        CliRun run = audit();
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).startsWith("CORRUPT: tile tile/0/001 holds at position 7 a hash the entries do not give");
        assertThat(mirror.resolve("checkpoint")).doesNotExist();
        assertThat(mirror.resolve("tile/0/001")).doesNotExist();

        publish(log);
        byte[] bundle = served.get("tile/entries/002.p/88").clone();
        bundle[bundle.length - 2] ^= 1;
        served.put("tile/entries/002.p/88", bundle);
        CliRun entries = audit();
        assertThat(entries.exitCode()).isEqualTo(1);
        assertThat(entries.out()).startsWith("CORRUPT: ").contains("tile/entries/002.p/88");

        // the mirror already holds the good tile/1/000.p/2 (paths name immutable content): audit afresh
        mirror = dir.resolve("fresh-mirror");
        publish(log);
        served.put("tile/1/000.p/2", new byte[64]);
        CliRun upper = audit();
        assertThat(upper.exitCode()).isEqualTo(1);
        assertThat(upper.out()).contains("tile/1/000.p/2");

        publish(log);
        assertThat(audit().exitCode()).isZero();
    }

    @Test
    void checkpointMustBeSignedByTheKeyAndSatisfyThePolicy() throws Exception {
        log.appendText("entry", 5);
        SignedNote note = publish(log);
        TestLog other = new TestLog(ORIGIN);
        CliRun wrongKey = CliRun.of("tlog", "audit", url, "--key", other.key.verifier().verifierKey().format(),
                "--mirror", mirror.toString());
        assertThat(wrongKey.exitCode()).isEqualTo(1);
        assertThat(wrongKey.out()).startsWith("BAD SIGNATURE: ");

        Ed25519Cosigner w1 = new Ed25519Cosigner("w1.test", Ed25519PrivateKey.generate(), Clock.systemUTC());
        Ed25519Cosigner w2 = new Ed25519Cosigner("w2.test", Ed25519PrivateKey.generate(), Clock.systemUTC());
        Path policy = Files.writeString(dir.resolve("policy.txt"), "log " + log.key.verifier().verifierKey().format()
                + "\nwitness W1 " + w1.verifier().verifierKey().format() + "\nwitness W2 "
                + w2.verifier().verifierKey().format() + "\ngroup both all W1 W2\nquorum both\n");
        publish(log, note.withSignatures(w1));
        CliRun shortOfQuorum = audit("--policy", policy.toString());
        assertThat(shortOfQuorum.exitCode()).isEqualTo(1);
        assertThat(shortOfQuorum.out()).contains("short of the quorum both");
        publish(log, note.withSignatures(w1, w2));
        CliRun cosigned = audit("--policy", policy.toString());
        assertThat(cosigned.exitCode()).as(cosigned.out() + cosigned.err()).isZero();
        assertThat(cosigned.out()).contains("cosigned by W1, W2");
    }

    @Test
    void unreadableLogsAndPlainHttpElsewhereAreRefused() {
        CliRun plain = CliRun.of("tlog", "audit", "http://192.0.2.1/log", "--key",
                log.key.verifier().verifierKey().format(), "--mirror", mirror.toString());
        assertThat(plain.exitCode()).isEqualTo(2);
        assertThat(plain.err()).contains("refusing plain HTTP");
        CliRun nothing = audit();
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err().strip()).endsWith("/log/checkpoint answered 404").doesNotContain("\n");
        log.appendText("entry", 3);
        publish(log);
        served.remove("tile/0/000.p/3");
        CliRun missingTile = audit();
        assertThat(missingTile.exitCode()).isEqualTo(2);
        assertThat(missingTile.err()).contains("tile/0/000.p/3 answered 404");
    }
}
