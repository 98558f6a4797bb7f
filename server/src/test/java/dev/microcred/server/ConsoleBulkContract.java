package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.accounts.Roles;
import dev.microcred.server.bulk.BulkIssuance;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.store.BulkJob;
import dev.microcred.store.Issuer;
import dev.microcred.store.Membership;
import dev.microcred.store.StoredAchievement;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The console's bulk issuance pages over HTTP without a browser: the upload and its preview with per-row errors,
 * starting, the session-authenticated event stream, the summary with links, a re-upload that issues nothing twice,
 * a job resumed after a restart, and bad input (forged CSRF, empty, oversized, not UTF-8, unusable header): each
 * answered clearly with nothing stored. Run on H2 ({@link ConsoleBulkH2IT}) and PostgreSQL
 * ({@link ConsoleBulkPostgresIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleBulkContract {
    static final String PASSWORD = "bulk console password";
    static final Pattern CREDENTIAL_LINK = Pattern.compile("href=\"/credentials/([0-9a-f-]{36})\"");
    final KeyEncryptionKey kek = KeyEncryptionKey.generate();
    final List<String> urls = new ArrayList<>();
    MicrocredServer server;
    Issuer issuer;
    StoredAchievement achievement;
    WebUser staff;

    abstract String jdbcUrl();

    @BeforeAll
    void start() throws Exception {
        String url = newDatabase();
        server = MicrocredServer.start(config(url));
        Platform p = server.platform();
        issuer = p.issuers().create(new IssuerRegistry.NewIssuer("bulk-console", "Bulk <i>Console</i>", null,
                null, null, "key"));
        achievement = p.achievements().create(issuer, Json.parseObject("""
                {"name": "CSV <script>alert(1)</script>", "description": "d", "criteria": "c"}
                """));
        p.accounts().signUp("staff@bulk.example", "Staff", PASSWORD.toCharArray(), Roles.ISSUER_ADMIN);
        p.accounts().addMember(issuer, "staff@bulk.example", Membership.STAFF);
        staff = WebUser.signedIn(server.baseUrl(), "staff@bulk.example", PASSWORD);
    }

    String newDatabase() {
        String url = jdbcUrl();
        urls.add(url);
        return url;
    }

    Config config(String url) throws IOException {
        return Config.defaults().withPort(0).withDataDirectory(Files.createTempDirectory("microcred-console-bulk"))
                .withDatabaseUrl(url).withKeyEncryptionKey(kek);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        urls.forEach(TestDatabases::drop);
    }

    static Http.Response upload(WebUser u, Issuer issuer, String achievementId, byte[] csv) {
        u.get("/console/" + issuer.slug() + "/bulk");
        return WalletContract.upload(u, "/console/" + issuer.slug() + "/bulk", achievementId == null ? Map.of()
                : Map.of("achievementId", achievementId), "learners.csv", csv);
    }

    static String jobOf(Http.Response uploaded) {
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(303);
        String location = uploaded.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static BulkJob awaitFinished(MicrocredServer server, Issuer issuer, String job) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        BulkJob j = server.platform().bulk().job(issuer, job);
        while (!j.isFinished() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            j = server.platform().bulk().job(issuer, job);
        }
        return j;
    }

    long credentials() {
        long n = server.platform().db().read(c -> server.platform().store().credentials().countByIssuer(c,
                issuer.id()));
        return n;
    }

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void thePreviewListsEachBadRowThenIssuingShowsTheResultWithLinks() throws Exception {
        String base = "/console/" + issuer.slug() + "/bulk";
        long before = credentials();
        String file = "email,did,validUntil\n"
                + "ada-" + UUID.randomUUID() + "@example.org,,\n"
                + "<script>alert(2)</script>,,\n"                      // row 2: bad email, never quoted back
                + ",did:example:bulk-" + UUID.randomUUID() + ",2031-01-01\n"
                + ",,\n"                                                // row 4: no recipient
                + "x@example.org,,31/12/2030\n";                        // row 5: bad date
        String job = jobOf(upload(staff, issuer, achievement.id(), csv(file)));
        assertThat(credentials()).as("a preview issues nothing").isEqualTo(before);
        Http.Response preview = staff.get(base + "/" + job);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"rows-total\">5<").contains("id=\"rows-valid\">2<")
                .contains("id=\"rows-invalid\">3<").contains("id=\"start\"").contains("Issue 2 credentials")
                .contains("<tr data-row=\"2\"><td>2</td><td>3</td><td>email</td><td>not an email address")
                .contains("<tr data-row=\"4\"><td>4</td><td>5</td><td>email</td><td>a recipient is required")
                .contains("<tr data-row=\"5\"><td>5</td><td>6</td><td>validUntil</td><td>not a date")
                .doesNotContain("alert(2)").doesNotContain("<script>")
                .contains("Bulk &lt;i&gt;Console&lt;/i&gt;");
        assertThat(preview.header("Content-Security-Policy")).doesNotContain("script-src");
        assertThat(staff.get(base).body()).contains("data-job=\"" + job + "\"")
                .contains("CSV &lt;script&gt;alert(1)&lt;/script&gt;");

        Http.Response started = staff.post(base + "/" + job + "/start", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(303);
        assertThat(started.header("Location")).isEqualTo(base + "/" + job);
        BulkJob done = awaitFinished(server, issuer, job);
        assertThat(done.state()).isEqualTo(BulkJob.DONE);
        assertThat(credentials()).isEqualTo(before + 2);
        Http.Response result = staff.get(base + "/" + job);
        assertThat(result.body()).contains("id=\"result-verdict\">Done: 2 issued, 0 issued before (kept, not issued"
                + " twice), 0 failed, 3 rows with errors left out.").contains("id=\"all-credentials\"");
        Set<String> linked = links(result.body());
        assertThat(linked).hasSize(2);
        for (String id : linked) {
            assertThat(new WebUser(server.baseUrl()).get("/credentials/" + id).body()).contains("Verified");
        }
        assertThat(staff.post(base + "/" + job + "/start", Map.of()).status()).as("a done job cannot start again")
                .isEqualTo(409);
    }

    static Set<String> links(String page) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = CREDENTIAL_LINK.matcher(page);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void aFileUploadedTwiceIssuesEachRowOnceAndSaysSo() throws Exception {
        String base = "/console/" + issuer.slug() + "/bulk";
        String file = "email,idempotencyKey\n" + "twice-a@example.org,key-" + UUID.randomUUID() + "\n"
                + "twice-b@example.org,key-" + UUID.randomUUID() + "\n";
        String first = jobOf(upload(staff, issuer, achievement.id(), csv(file)));
        staff.post(base + "/" + first + "/start", Map.of());
        assertThat(awaitFinished(server, issuer, first).issuedRows()).isEqualTo(2);
        Set<String> issued = links(staff.get(base + "/" + first).body());
        long count = credentials();

        String second = jobOf(upload(staff, issuer, achievement.id(), csv(file)));
        staff.post(base + "/" + second + "/start", Map.of());
        BulkJob again = awaitFinished(server, issuer, second);
        assertThat(again.issuedRows()).isZero();
        assertThat(again.skippedRows()).isEqualTo(2);
        assertThat(credentials()).as("no row yields a second credential").isEqualTo(count);
        String page = staff.get(base + "/" + second).body();
        assertThat(page).contains("Done: 0 issued, 2 issued before (kept, not issued twice), 0 failed.")
                .contains("data-outcome=\"skipped\"").contains("issued before: kept, not issued twice");
        assertThat(links(page)).as("the same credentials as the first time").isEqualTo(issued);
    }

    @Test
    void progressStreamsToTheSignedInStaffOnly() throws Exception {
        String base = "/console/" + issuer.slug() + "/bulk";
        String job = jobOf(upload(staff, issuer, achievement.id(), csv("email\nstream-" + UUID.randomUUID()
                + "@example.org\n")));
        String events = base + "/" + job + "/events";
        assertThat(new WebUser(server.baseUrl(), false).get(events).status()).isEqualTo(401);
        staff.post(base + "/" + job + "/start", Map.of());
        HttpClient client = HttpClient.newBuilder().cookieHandler(staff.cookies).build();
        HttpResponse<Stream<String>> stream = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + events)).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> names = new ArrayList<>();
        String last = null;
        for (String line : (Iterable<String>) stream.body()::iterator) {
            if (line.startsWith("event: ")) {
                names.add(line.substring(7));
            } else if (line.startsWith("data: ")) {
                last = line.substring(6);
            } else if (line.isEmpty() && names.contains("done")) {
                break;
            }
        }
        assertThat(names).last().isEqualTo("done");
        assertThat(Json.parse(last).path("rows").path("issued").asInt()).isEqualTo(1);
        assertThat(Json.parse(last).path("links").path("events").asText()).isEqualTo(events);
    }

    @Test
    void aRunningJobShowsLiveProgressAndAJobStoppedByARestartContinues() throws Exception {
        String url = newDatabase();
        Config config = config(url);
        int rows = BulkIssuance.BATCH_ROWS + 40;
        Issuer resumable;
        String job;
        String page;
        try (MicrocredServer stepped = MicrocredServer.start(config, Clock.systemUTC(), false)) {
            Platform p = stepped.platform();
            resumable = p.issuers().create(new IssuerRegistry.NewIssuer("resumable", "Resumable", null, null, null,
                    "key"));
            StoredAchievement a = p.achievements().create(resumable, Json.parseObject("""
                    {"name": "Resumed", "description": "d", "criteria": "c"}
                    """));
            p.accounts().signUp("staff@resume.example", "Staff", PASSWORD.toCharArray(), Roles.ISSUER_ADMIN);
            p.accounts().addMember(resumable, "staff@resume.example", Membership.STAFF);
            WebUser u = WebUser.signedIn(stepped.baseUrl(), "staff@resume.example", PASSWORD);
            StringBuilder file = new StringBuilder("email\n");
            for (int i = 0; i < rows; i++) {
                file.append("r").append(i).append("@example.org\n");
            }
            job = jobOf(upload(u, resumable, a.id(), csv(file.toString())));
            String base = "/console/resumable/bulk/" + job;
            assertThat(u.post(base + "/start", Map.of()).status()).isEqualTo(303);
            assertThat(p.bulk().step(job)).isTrue();
            Http.Response running = u.get(base);
            page = running.body();
            assertThat(running.header("Content-Security-Policy")).contains("script-src 'sha256-")
                    .contains("connect-src 'self'");
        }
        assertThat(page).contains("id=\"job-state\">running<").contains("data-events=\"/console/resumable/bulk/"
                        + job + "/events\"").contains("<progress id=\"progress-bar\" max=\"" + rows + "\" value=\""
                        + BulkIssuance.BATCH_ROWS + "\">")
                .contains("id=\"count-issued\">" + BulkIssuance.BATCH_ROWS + "<")
                .contains("id=\"count-pending\">40<").contains("<script>");

        try (MicrocredServer resumed = MicrocredServer.start(config)) {
            WebUser u = WebUser.signedIn(resumed.baseUrl(), "staff@resume.example", PASSWORD);
            BulkJob done = awaitFinished(resumed, resumable, job);
            assertThat(done.state()).isEqualTo(BulkJob.DONE);
            assertThat(done.issuedRows()).isEqualTo(rows);
            assertThat(done.skippedRows()).isZero();
            assertThat(u.get("/console/resumable/bulk/" + job).body()).contains("Done: " + rows + " issued, 0 issued"
                    + " before").contains("id=\"count-issued\">" + rows + "<");
            long stored = resumed.platform().db().read(c -> resumed.platform().store().credentials()
                    .countByIssuer(c, resumable.id()));
            assertThat(stored).isEqualTo(rows);
        }
    }

    @Test
    void badUploadsAreRefusedClearlyAndStoreNothing() {
        String base = "/console/" + issuer.slug() + "/bulk";
        int jobs = server.platform().bulk().jobs(issuer, 1000).size();

        staff.get(base);
        Http.Response forged = WalletContract.upload(staff, base, Map.of("csrf", "forged", "achievementId",
                achievement.id()), "a.csv", csv("email\nf@example.org\n"));
        assertThat(forged.status()).isEqualTo(403);

        Http.Response empty = upload(staff, issuer, achievement.id(), new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("Choose a CSV file first.");

        Http.Response header = upload(staff, issuer, achievement.id(), csv("email,<b>colour</b>\nx@example.org,red\n"));
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.body()).contains("The file cannot be used: column 2 of the header is not known")
                .doesNotContain("<b>colour");

        Http.Response noAchievement = upload(staff, issuer, null, csv("email\nx@example.org\n"));
        assertThat(noAchievement.status()).isEqualTo(400);
        assertThat(noAchievement.body()).contains("default achievement");

        Http.Response notUtf8 = upload(staff, issuer, achievement.id(), new byte[] {'e', 'm', 'a', 'i', 'l', '\n',
            (byte) 0xC3, (byte) 0x28, '\n'});
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(notUtf8.body()).contains("UTF-8");

        Http.Response otherIssuersAchievement = upload(staff, issuer, UUID.randomUUID().toString(),
                csv("email\nx@example.org\n"));
        assertThat(otherIssuersAchievement.status()).isEqualTo(400);

        byte[] huge = new byte[(int) BulkIssuance.MAX_CSV_BYTES + 1];
        System.arraycopy(csv("email\n"), 0, huge, 0, 6);
        java.util.Arrays.fill(huge, 6, huge.length, (byte) 'a');
        Http.Response tooLarge = upload(staff, issuer, achievement.id(), huge);
        assertThat(tooLarge.status()).isEqualTo(413);

        assertThat(server.platform().bulk().jobs(issuer, 1000)).as("no job was stored").hasSize(jobs);
    }

    @Test
    void startingNeedsTheCsrfTokenAndTheIssuersStaff() throws Exception {
        String base = "/console/" + issuer.slug() + "/bulk";
        String job = jobOf(upload(staff, issuer, achievement.id(), csv("email\ncsrf-" + UUID.randomUUID()
                + "@example.org\n")));
        long count = credentials();
        assertThat(staff.post(base + "/" + job + "/start", Map.of("csrf", "forged")).status()).isEqualTo(403);
        assertThat(server.platform().bulk().job(issuer, job).state()).isEqualTo(BulkJob.VALIDATED);
        assertThat(credentials()).isEqualTo(count);
        assertThat(staff.get(base + "/" + UUID.randomUUID()).status()).isEqualTo(404);
    }
}
