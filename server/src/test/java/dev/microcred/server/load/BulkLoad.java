package dev.microcred.server.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.Config;
import dev.microcred.server.MicrocredServer;
import dev.microcred.server.skills.TaxonomyLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * Bulk issuance throughput: starts a server on 127.0.0.1 (embedded H2 file database in a temporary directory, or
 * the PostgreSQL database of a JDBC URL), creates an issuer and an achievement, uploads a CSV of N email rows,
 * starts the job and waits for it, then prints the preview time, the issuance time and rows per second, and the CPU
 * time the process used for each (with the time that CPU would take on this machine's cores alone). The upload
 * starts once the server's background start-up work (the skills index) is done. Bounded:
 * at most 200,000 rows and 15 minutes.
 *
 * <pre>
 * java -cp ... dev.microcred.server.load.BulkLoad [rows=100000] [jdbc-url]
 * </pre>
 */
public final class BulkLoad {
    private static final String ADMIN = "bulk-load-admin-token-0123456789abcdef";

    private BulkLoad() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        if (rows < 1 || rows > 200_000) {
            throw new IllegalArgumentException("rows must be 1..200000");
        }
        String url = args.length > 1 ? args[1] : null;
        Path data = Files.createTempDirectory("microcred-bulk-load");
        Config config = Config.defaults().withPort(0).withDataDirectory(data).withDatabaseUrl(url)
                .withKeyEncryptionKey(KeyEncryptionKey.generate()).withAdminToken(ADMIN);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (MicrocredServer server = MicrocredServer.start(config)) {
            String base = "http://127.0.0.1:" + server.port();
            System.out.printf(Locale.ROOT, "bulk load: %d rows, database %s%n", rows,
                    server.platform().db().product());
            String slug = "load-" + UUID.randomUUID().toString().substring(0, 8);
            JsonNode issuer = post(http, base + "/api/issuers", ADMIN, "application/json",
                    "{\"slug\":\"" + slug + "\",\"name\":\"Load Academy\",\"didMethod\":\"web\"}");
            String token = issuer.path("apiToken").path("token").asText();
            JsonNode achievement = post(http, base + "/api/issuers/" + slug + "/achievements", token,
                    "application/json", "{\"name\":\"Load Test Badge\",\"description\":\"Issued by BulkLoad.\","
                            + "\"criteria\":\"Be generated.\",\"eqfLevel\":4,\"ects\":2,\"validityDays\":365}");
            StringBuilder csv = new StringBuilder(rows * 32).append("email\n");
            for (int i = 0; i < rows; i++) {
                csv.append("learner").append(i).append("@load.example.org\n");
            }
            // the skills index loads in the background after start; measure the server once it is done
            long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (TaxonomyLoader.shared().now().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            long t0 = System.nanoTime();
            long cpu0 = VerifyLoad.processCpuNanos() - VerifyLoad.jitNanos();
            JsonNode job = post(http, base + "/api/issuers/" + slug + "/bulk?achievementId="
                    + achievement.path("id").asText(), token, "text/csv", csv.toString());
            long t1 = System.nanoTime();
            long cpu1 = VerifyLoad.processCpuNanos() - VerifyLoad.jitNanos();
            String jobUrl = base + "/api/issuers/" + slug + "/bulk/" + job.path("id").asText();
            post(http, jobUrl + "/start", token, "application/json", "");
            long deadline = t1 + Duration.ofMinutes(15).toNanos();
            JsonNode state;
            long lastPrint = 0;
            while (true) {
                Thread.sleep(250);
                state = get(http, jobUrl + "?errors=0", token);
                long now = System.nanoTime();
                if (now - lastPrint > 5_000_000_000L) {
                    lastPrint = now;
                    System.out.printf(Locale.ROOT, "  %6.1f s: issued %d, %.0f rows/s, eta %s s%n", (now - t1) / 1e9,
                            state.path("rows").path("issued").asInt(), state.path("ratePerSecond").asDouble(),
                            state.path("etaSeconds").asText());
                }
                String s = state.path("state").asText();
                if (s.equals("done") || s.equals("failed") || now > deadline) {
                    break;
                }
            }
            long t2 = System.nanoTime();
            long cpu2 = VerifyLoad.processCpuNanos() - VerifyLoad.jitNanos();
            int issued = state.path("rows").path("issued").asInt();
            double previewSeconds = (t1 - t0) / 1e9;
            double issueSeconds = (t2 - t1) / 1e9;
            System.out.printf(Locale.ROOT, "state %s; upload + preview of %d rows: %.2f s; issuance of %d credentials:"
                    + " %.2f s = %.0f credentials/s; total %.2f s%n", state.path("state").asText(), rows,
                    previewSeconds, issued, issueSeconds, issued / issueSeconds, previewSeconds + issueSeconds);
            // on a machine shared with other work, the CPU this process used says more than the wall clock (with
            // PostgreSQL, the database's own CPU is in its processes, not counted here)
            double cpuPreview = (cpu1 - cpu0) / 1e9;
            double cpuIssue = (cpu2 - cpu1) / 1e9;
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "process CPU without JIT compiling: preview %.1f s, issuance %.1f s = %.3f ms per credential;"
                    + " %d cores at that cost: %.0f credentials/s, %d rows in %.1f s%n", cpuPreview, cpuIssue,
                    cpuIssue * 1e3 / Math.max(1, issued), cores, issued == 0 ? 0 : cores / (cpuIssue / issued), rows,
                    (cpuPreview + cpuIssue) / cores);
            if (server.platform().db().product().startsWith("H2")) {
                // the bytes H2 wrote to its file while the process ran: independent of the machine's load, it shows
                // how many times each stored page was rewritten
                long written = server.platform().db().read(c -> {
                    try (var s = c.createStatement(); var rs = s.executeQuery("SELECT setting_value FROM"
                            + " information_schema.settings WHERE setting_name = 'info.FILE_WRITE_BYTES'")) {
                        return rs.next() ? Long.parseLong(rs.getString(1)) : 0L;
                    }
                });
                System.out.printf(Locale.ROOT, "H2 file writes: %.0f MB, %.1f KB per credential%n", written / 1e6,
                        written / 1e3 / Math.max(1, issued));
            }
        }
    }

    private static JsonNode post(HttpClient http, String url, String token, String type, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization",
                "Bearer " + token).header("Content-Type", type).timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.parse(r.body());
    }

    private static JsonNode get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization",
                "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return Json.parse(r.body());
    }
}
