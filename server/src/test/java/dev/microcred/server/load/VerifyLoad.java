package dev.microcred.server.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verification throughput: starts a server on 127.0.0.1 (embedded H2), issues one Open Badges 3.0 credential
 * (did:web issuer, revocation status entry; eddsa-rdfc-2022 through the OB 3.0 API, or the same credential re-signed
 * with eddsa-jcs-2022 through VCALM {@code /credentials/issue}), waits until the server's background start-up work
 * (the skills index) is done, then {@code clients} threads POST it to
 * {@code /issuers/{slug}/vcalm/credentials/verify} over HTTP/1.1 keep-alive connections (JDK HttpClient) for a
 * warm-up and then a fixed measured duration, and prints requests per second, latency percentiles and errors
 * (anything but 200 with {@code verified: true}), and the CPU time the whole process (server and load generator)
 * used over the measured window, with the rate that CPU cost per request allows on this machine's cores. Every request is verified in full (request parsing, token, JSON
 * schema, proof, issuer key, status, validity); what the server reuses between requests is decoded keys and, for the
 * status list's ttl, the outcome of checking the same status list bytes' own proof. Bounded: at most 120 s measured,
 * 64 clients.
 *
 * <pre>
 * java -cp ... dev.microcred.server.load.VerifyLoad [seconds=20] [clients=8] [warmupSeconds=5] [suite=eddsa-rdfc-2022]
 * </pre>
 */
public final class VerifyLoad {
    private static final String ADMIN = "verify-load-admin-token-0123456789abcdef";

    private VerifyLoad() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String suite = args.length > 3 ? args[3] : "eddsa-rdfc-2022";
        if (seconds < 1 || seconds > 120 || clients < 1 || clients > 64 || warmup < 0 || warmup > 60) {
            throw new IllegalArgumentException("seconds 1..120, clients 1..64, warmup 0..60");
        }
        if (!suite.equals("eddsa-rdfc-2022") && !suite.equals("eddsa-jcs-2022")) {
            throw new IllegalArgumentException("suite: eddsa-rdfc-2022 or eddsa-jcs-2022");
        }
        Config config = Config.defaults().withPort(0).withDataDirectory(Files.createTempDirectory("microcred-verify"))
                .withKeyEncryptionKey(KeyEncryptionKey.generate()).withAdminToken(ADMIN);
        ExecutorService io = Executors.newFixedThreadPool(2);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(io).build();
        try (MicrocredServer server = MicrocredServer.start(config)) {
            String base = "http://127.0.0.1:" + server.port();
            String slug = "verify-" + UUID.randomUUID().toString().substring(0, 8);
            JsonNode issuer = send(http, base + "/api/issuers", ADMIN,
                    "{\"slug\":\"" + slug + "\",\"name\":\"Verify Academy\",\"didMethod\":\"web\"}");
            String token = issuer.path("apiToken").path("token").asText();
            JsonNode achievement = send(http, base + "/api/issuers/" + slug + "/achievements", token,
                    "{\"name\":\"Verified Badge\",\"description\":\"Verified by VerifyLoad.\",\"criteria\":\"Exist.\","
                            + "\"eqfLevel\":4,\"validityDays\":365}");
            JsonNode issued = send(http, base + "/api/issuers/" + slug + "/credentials", token,
                    "{\"achievementId\":\"" + achievement.path("id").asText()
                            + "\",\"recipient\":{\"email\":\"learner@example.org\"}}");
            JsonNode credential = issued.path("credential");
            if (suite.equals("eddsa-jcs-2022")) {
                ObjectNode unsigned = ((ObjectNode) credential).deepCopy();
                unsigned.remove("proof");
                unsigned.remove("credentialStatus");
                ObjectNode request = Json.object();
                request.set("credential", unsigned);
                request.putObject("options").put("cryptosuite", suite).putObject("credentialStatus")
                        .put("type", "BitstringStatusListEntry").put("statusPurpose", "revocation");
                credential = send(http, base + "/issuers/" + slug + "/vcalm/credentials/issue", token,
                        Json.write(request)).path("verifiableCredential");
            }
            String body = "{\"verifiableCredential\":" + Json.write(credential) + "}";
            // the skills index loads in the background after start; measure the server once it is done
            long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (TaxonomyLoader.shared().now().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/issuers/" + slug
                            + "/vcalm/credentials/verify")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            System.out.printf(Locale.ROOT, "verify load: %s, %d clients, %d s warm-up, %d s measured, credential %d"
                    + " bytes, database %s%n", suite, clients, warmup, seconds, body.length(),
                    server.platform().db().product());
            run(http, request, clients, Duration.ofSeconds(warmup), false);
            run(http, request, clients, Duration.ofSeconds(seconds), true);
        } finally {
            io.shutdownNow();
        }
    }

    private static void run(HttpClient http, HttpRequest request, int clients, Duration duration, boolean report)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        long jitStart = jitNanos();
        for (int c = 0; c < clients; c++) {
            int me = c;
            pool.execute(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200 || !r.body().contains("\"verified\":true")) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - t0;
                }
                latencies[me] = mine;
                counts[me] = n;
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        double jit = (jitNanos() - jitStart) / 1e9;
        if (!report) {
            return;
        }
        int total = 0;
        for (int n : counts) {
            total += n;
        }
        long[] all = new long[total];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, k, counts[c]);
            k += counts[c];
        }
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "requests %d in %.1f s = %.0f req/s; latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms;"
                + " errors %d%n", total, elapsed, total / elapsed, pct(all, 0.50), pct(all, 0.95), pct(all, 0.99),
                errors.get());
        // on a machine shared with other work, the CPU this process used says more than the wall clock
        int cores = Runtime.getRuntime().availableProcessors();
        double work = Math.max(0, cpu - jit);
        System.out.printf(Locale.ROOT, "process CPU %.1f s (server and load generator), of it JIT compiling %.1f s; the"
                + " rest = %.3f ms per request; %d cores at that cost: %.0f req/s%n", cpu, jit,
                work * 1e3 / Math.max(1, total), cores, total == 0 || work == 0 ? 0 : cores / (work / total));
    }

    /** CPU time of this JVM (all threads), in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time of the JIT compiler threads (a machine under load stretches warm-up over the measured window), read
     * from each {@code /proc/self/task/{tid}/stat} (utime + stime, 100 ticks a second); 0 where that cannot be read.
     */
    static long jitNanos() {
        long ticks = 0;
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path task : (Iterable<java.nio.file.Path>) tasks::iterator) {
                String stat;
                try {
                    stat = java.nio.file.Files.readString(task.resolve("stat"));
                } catch (java.io.IOException gone) {
                    continue; // the thread ended
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close);
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    String[] f = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15: utime, stime
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
        return ticks * 10_000_000L;
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
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
