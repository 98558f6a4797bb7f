package dev.microcred.server.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.crypto.PasswordHash;
import dev.microcred.server.Config;
import dev.microcred.server.MicrocredServer;
import dev.microcred.server.Platform;
import dev.microcred.server.accounts.Roles;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.server.skills.TaxonomyLoader;
import dev.microcred.store.Account;
import dev.microcred.store.Issuer;
import dev.microcred.store.StoredAchievement;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Employer matching through the platform API: starts a server on 127.0.0.1 (embedded H2, or the JDBC URL given),
 * issues {@code learners} learners three to five claimed credentials each from six achievements aligned to skills of
 * O*NET 15-1251.00 Computer Programmers (a fixed seed), opts them all in, signs an employer in through the sign-in
 * form and creates a posting from that occupation through {@code POST /api/employer/postings}; then times
 * {@code GET /api/employer/postings/{id}/candidates?limit=20} over HTTP: the time to the first answer (the candidate
 * index is built in the background, every wallet verified; the calls meanwhile answer 503), a call after a change notice (rebuilt from the cached profiles: one evidence
 * fingerprint per learner read from the database), and {@code queries} calls on the built index (p50, p95, p99).
 * Bounded: at most 5,000 learners and 2,000 queries.
 *
 * <pre>
 * java -cp ... dev.microcred.server.load.TalentLoad [learners=1000] [queries=200] [jdbcUrl]
 * </pre>
 */
public final class TalentLoad {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "talent load password";
    private static final String[] SKILLS = {"onet:element/2.B.3.e", "onet:element/2.B.3.m", "onet:element/2.A.2.a",
        "onet:element/2.A.1.a", "onet:element/2.B.2.i", "onet:element/2.A.1.e"};

    private TalentLoad() {
    }

    public static void main(String[] args) throws Exception {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String jdbcUrl = args.length > 2 ? args[2] : null;
        if (learners < 1 || learners > 5000 || queries < 1 || queries > 2000) {
            throw new IllegalArgumentException("learners 1..5000, queries 1..2000");
        }
        Config config = Config.defaults().withPort(0).withDataDirectory(Files.createTempDirectory("microcred-talent"))
                .withKeyEncryptionKey(KeyEncryptionKey.generate());
        if (jdbcUrl != null) {
            config = config.withDatabaseUrl(jdbcUrl);
        }
        try (MicrocredServer server = MicrocredServer.start(config)) {
            Platform p = server.platform();
            TaxonomyLoader.shared().await(Duration.ofMinutes(5));
            String run = UUID.randomUUID().toString().substring(0, 8);
            Issuer issuer = p.issuers().create(new IssuerRegistry.NewIssuer("talent-" + run, "Talent Academy", null,
                    null, null, "key"));
            List<StoredAchievement> achievements = new ArrayList<>();
            for (int i = 0; i < SKILLS.length; i++) {
                achievements.add(p.achievements().create(issuer, Json.parseObject("""
                        {"name": "Course %d", "description": "d", "criteria": "c", "skills": ["%s"], "eqfLevel": 4}
                        """.formatted(i, SKILLS[i]))));
            }
            String hash = PasswordHash.hash(PASSWORD.toCharArray());
            Random random = new Random(42);
            long seeding = System.nanoTime();
            int credentials = 0;
            for (int l = 0; l < learners; l++) {
                String email = "talent-" + run + "-" + l + "@example.org";
                Account a = new Account(UUID.randomUUID().toString(), email, "Learner " + l, hash,
                        Set.of(Roles.LEARNER), p.clock().instant());
                p.db().inTransaction(c -> {
                    p.store().accounts().insert(c, a);
                    return null;
                });
                List<StoredAchievement> shuffled = new ArrayList<>(achievements);
                java.util.Collections.shuffle(shuffled, random);
                int n = 3 + random.nextInt(3);
                for (StoredAchievement s : shuffled.subList(0, n)) {
                    String id = p.issuance().issue(issuer, s, new Issuance.Recipient(email, null), null, null)
                            .stored().id();
                    p.db().inTransaction(c -> p.store().credentials().claim(c, id, a.id(), p.clock().instant()));
                    credentials++;
                }
                server.career().employers().setDiscoverable(a.id(), true);
            }
            System.out.printf(Locale.ROOT, "seeded learners=%d credentials=%d in %.1f s (%s)%n", learners, credentials,
                    (System.nanoTime() - seeding) / 1e9, server.platform().db().product());
            String employer = "employer-" + run + "@example.org";
            p.accounts().signUp(employer, "Load Employer", PASSWORD.toCharArray(), Roles.VERIFIER);

            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + server.port();
            Matcher m = CSRF.matcher(http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the sign-in page");
            }
            String form = "csrf=" + enc(m.group(1)) + "&email=" + enc(employer) + "&password=" + enc(PASSWORD);
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 303) {
                throw new IllegalStateException("sign-in failed: " + login.statusCode());
            }
            HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(base + "/api/employer/postings"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String csrf = list.headers().firstValue("X-CSRF-Token").orElseThrow();
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base
                            + "/api/employer/postings")).header("Content-Type", "application/json")
                    .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"title\": \"Programmer\", \"occupation\": \"15-1251.00\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("posting failed: " + created.statusCode() + " " + created.body());
            }
            String posting = Json.parse(created.body()).path("id").asText();
            HttpRequest candidates = HttpRequest.newBuilder(URI.create(base + "/api/employer/postings/" + posting
                    + "/candidates?limit=20")).build();

            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(candidates, HttpResponse.BodyHandlers.ofString());
            int unavailable = 0;
            while (r.statusCode() == 503) { // the first index is built in the background
                unavailable++;
                Thread.sleep(200);
                r = http.send(candidates, HttpResponse.BodyHandlers.ofString());
            }
            JsonNode first = Json.parse(ok(r));
            double cold = (System.nanoTime() - t0) / 1e6;
            server.career().pool().changed("nobody"); // a change notice that touches no indexed learner
            t0 = System.nanoTime();
            ok(http.send(candidates, HttpResponse.BodyHandlers.ofString()));
            double warm = (System.nanoTime() - t0) / 1e6;
            long[] times = new long[queries];
            for (int i = 0; i < queries; i++) {
                long s = System.nanoTime();
                ok(http.send(candidates, HttpResponse.BodyHandlers.ofString()));
                times[i] = System.nanoTime() - s;
            }
            Arrays.sort(times);
            System.out.printf(Locale.ROOT, "posting requirements=%d top=%d best score %.3f%n",
                    Json.parse(created.body()).path("requirements").size(), first.size(),
                    first.path(0).path("score").asDouble());
            System.out.printf(Locale.ROOT, "first answer (index built in the background, %d wallets verified; %d"
                    + " answers 503 meanwhile): %.0f ms%n", learners, unavailable, cold);
            System.out.printf(Locale.ROOT, "after a change notice (rebuilt from cached profiles): %.0f ms%n", warm);
            System.out.printf(Locale.ROOT, "top-20 over HTTP, %d calls: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                    queries, pct(times, 0.50), pct(times, 0.95), pct(times, 0.99));
        }
    }

    private static String ok(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("candidates failed: " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
