package dev.microcred.server.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.Config;
import dev.microcred.server.MicrocredServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.UUID;

/**
 * The CPU one verification costs inside the server, without HTTP: starts a server on 127.0.0.1 (embedded H2), issues
 * one Open Badges 3.0 credential (eddsa-rdfc-2022, did:web issuer, revocation entry), then calls the platform's
 * {@code Verification.verify} on it {@code perRound} times per round on one thread and prints that thread's CPU time
 * per verification. On a shared machine the CPU time says more than a rate. Bounded: at most 20 rounds of 5,000.
 *
 * <pre>
 * java -cp ... dev.microcred.server.load.VerifyCpu [rounds=6] [perRound=500]
 * </pre>
 */
public final class VerifyCpu {
    private static final String ADMIN = "verify-cpu-admin-token-0123456789abcdef";

    private VerifyCpu() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        if (rounds < 1 || rounds > 20 || perRound < 1 || perRound > 5_000) {
            throw new IllegalArgumentException("rounds 1..20, perRound 1..5000");
        }
        Config config = Config.defaults().withPort(0).withDataDirectory(Files.createTempDirectory("microcred-cpu"))
                .withKeyEncryptionKey(KeyEncryptionKey.generate()).withAdminToken(ADMIN);
        HttpClient http = HttpClient.newHttpClient();
        try (MicrocredServer server = MicrocredServer.start(config)) {
            String base = "http://127.0.0.1:" + server.port();
            String slug = "cpu-" + UUID.randomUUID().toString().substring(0, 8);
            String token = send(http, base + "/api/issuers", ADMIN, "{\"slug\":\"" + slug
                    + "\",\"name\":\"CPU Academy\",\"didMethod\":\"web\"}").path("apiToken").path("token").asText();
            JsonNode achievement = send(http, base + "/api/issuers/" + slug + "/achievements", token,
                    "{\"name\":\"Measured Badge\",\"description\":\"d\",\"criteria\":\"c\",\"eqfLevel\":4,"
                            + "\"validityDays\":365}");
            ObjectNode credential = (ObjectNode) send(http, base + "/api/issuers/" + slug + "/credentials", token,
                    "{\"achievementId\":\"" + achievement.path("id").asText()
                            + "\",\"recipient\":{\"email\":\"learner@example.org\"}}").path("credential");
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int round = 1; round <= rounds; round++) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                int valid = 0;
                for (int i = 0; i < perRound; i++) {
                    if (server.platform().verification().verify(credential).valid()) {
                        valid++;
                    }
                }
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                System.out.printf(Locale.ROOT, "round %d: %d verifications, %d valid, %.0f us CPU each%n", round,
                        perRound, valid, cpu / 1e3 / perRound);
            }
        }
    }

    private static JsonNode send(HttpClient http, String url, String token, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization",
                "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.parse(r.body());
    }
}
