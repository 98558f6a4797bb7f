package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.KeyEncryptionKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bulk issuance end to end over real HTTP: the validation preview and its per-row errors, starting, progress and
 * its event stream, idempotent re-uploads, and a server stopped between batches that resumes without duplicates.
 * Run on H2 ({@link BulkH2IT}) and PostgreSQL ({@link BulkPostgresIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BulkContract {
    static final String ADMIN = "admin-token-for-bulk-integration-tests-0123";
    final KeyEncryptionKey kek = KeyEncryptionKey.generate();
    final List<String> urls = new ArrayList<>();
    MicrocredServer server;
    Http http;

    abstract String jdbcUrl();

    @BeforeAll
    void start() throws Exception {
        server = MicrocredServer.start(config(newDatabase()));
        http = new Http(server.baseUrl());
    }

    String newDatabase() {
        String url = jdbcUrl();
        urls.add(url);
        return url;
    }

    Config config(String url) throws IOException {
        return Config.defaults().withPort(0).withDataDirectory(Files.createTempDirectory("microcred-bulk-it"))
                .withDatabaseUrl(url).withKeyEncryptionKey(kek).withAdminToken(ADMIN);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        urls.forEach(TestDatabases::drop);
    }

    static JsonNode issuer(Http http) {
        String slug = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response r = http.post("/api/issuers", ADMIN, """
                {"slug": "%s", "name": "Bulk Academy", "didMethod": "key"}
                """.formatted(slug));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static String token(JsonNode issuer) {
        return issuer.path("apiToken").path("token").asText();
    }

    static String slug(JsonNode issuer) {
        return issuer.path("slug").asText();
    }

    static String achievement(Http http, JsonNode issuer, String name) {
        Http.Response r = http.post("/api/issuers/" + slug(issuer) + "/achievements", token(issuer), """
                {"name": "%s", "description": "Bulk test.", "criteria": "Attend.", "validityDays": 365}
                """.formatted(name));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    static Http.Response upload(Http http, JsonNode issuer, String achievementId, String csv) {
        return http.post("/api/issuers/" + slug(issuer) + "/bulk"
                + (achievementId == null ? "" : "?achievementId=" + achievementId), token(issuer), csv, "text/csv");
    }

    static JsonNode awaitFinished(Http http, JsonNode issuer, String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode job = http.get("/api/issuers/" + slug(issuer) + "/bulk/" + jobId, "Authorization",
                    "Bearer " + token(issuer)).json();
            String state = job.path("state").asText();
            if (state.equals("done") || state.equals("failed") || System.nanoTime() > deadline) {
                return job;
            }
            Thread.sleep(100);
        }
    }

    static long count(String url, String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void thePreviewReportsEveryBadRowWithItsNumberAndColumnAndIssuesNothing() {
        JsonNode issuer = issuer(http);
        String ach = achievement(http, issuer, "Preview");
        String csv = "\uFEFFemail,did,achievementId,validFrom,validUntil,idempotencyKey\r\n"
                + "ok@example.org,,,,,\r\n"                                   // row 1: valid
                + "not-an-email,,,,,\r\n"                                     // row 2: bad email
                + "u@example.org,,no-such-achievement,,,\r\n"                 // row 3: unknown achievement
                + "ok@example.org,,,,,\r\n"                                   // row 4: duplicate of row 1
                + "t@example.org,,,,,,extra\r\n"                              // row 5: too many columns
                + "b@example.org,did:example:b,,,,\r\n"                       // row 6: two recipients
                + "d@example.org,,,31/12/2030,,\r\n"                          // row 7: bad date
                + "v@example.org,,,2030-01-02,2030-01-01,\r\n"                // row 8: validUntil before validFrom
                + "q@exa\"mple.org,,,,,\r\n"                                  // row 9: CSV syntax
                + ",did:example:learner-10,,,,\"key\r\nwith a line break\"\r\n" // row 10: bad key over 2 lines
                + ",,,,,\r\n"                                                 // row 11 (line 13): no recipient
                + ",did:example:learner-12,,,,\"key,with \"\"comma\"\"\"\n";   // row 12: valid, quoted key
        Http.Response r = upload(http, issuer, ach, csv);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.header("Location")).endsWith("/bulk/" + r.json().path("id").asText());
        JsonNode job = r.json();
        assertThat(job.path("state").asText()).isEqualTo("validated");
        assertThat(job.path("rows").path("total").asInt()).isEqualTo(12);
        assertThat(job.path("rows").path("valid").asInt()).isEqualTo(2);
        assertThat(job.path("rows").path("invalid").asInt()).isEqualTo(10);
        assertThat(job.path("rows").path("issued").asInt()).isZero();
        List<String> errors = new ArrayList<>();
        for (JsonNode e : job.path("errors")) {
            errors.add(e.path("row").asInt() + "/" + e.path("line").asInt() + "/" + e.path("column").asText("-")
                    + "/" + e.path("message").asText());
        }
        assertThat(errors).hasSize(10);
        assertThat(errors.get(0)).startsWith("2/3/email/not an email address");
        assertThat(errors.get(1)).startsWith("3/4/achievementId/unknown achievement");
        assertThat(errors.get(2)).startsWith("4/5/-/duplicate of row 1");
        assertThat(errors.get(3)).startsWith("5/6/-/too many columns: 7, the header has 6");
        assertThat(errors.get(4)).startsWith("6/7/email/give an email or a did, not both");
        assertThat(errors.get(5)).startsWith("7/8/validFrom/not a date");
        assertThat(errors.get(6)).startsWith("8/9/validUntil/validUntil must be after validFrom");
        assertThat(errors.get(7)).startsWith("9/10/-/CSV syntax: a quote inside a field");
        assertThat(errors.get(8)).startsWith("10/11/idempotencyKey/an idempotency key is 1-150 printable");
        assertThat(errors.get(9)).startsWith("11/13/email/a recipient is required");
        assertThat(r.body()).doesNotContain("not-an-email").doesNotContain("q@exa");
        Http.Response list = http.get("/api/issuers/" + slug(issuer) + "/credentials", "Authorization",
                "Bearer " + token(issuer));
        assertThat(list.header("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void uploadsWhoseHeaderOrEncodingCannotBeUsedAreRefused() {
        JsonNode issuer = issuer(http);
        String ach = achievement(http, issuer, "Refused");
        Http.Response unknown = upload(http, issuer, ach, "email,colour\nx@example.org,red\n");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("detail").asText()).contains("column 2");
        Http.Response noAchievement = upload(http, issuer, null, "email\nx@example.org\n");
        assertThat(noAchievement.status()).isEqualTo(400);
        assertThat(noAchievement.json().path("detail").asText()).contains("default achievement");
        assertThat(upload(http, issuer, "nope", "email\nx@example.org\n").status()).isEqualTo(400);
        assertThat(upload(http, issuer, ach, "did\n\n").json().path("rows").path("total").asInt()).isZero();
        Http.Response notUtf8 = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/issuers/"
                        + slug(issuer) + "/bulk?achievementId=" + ach))
                .header("Authorization", "Bearer " + token(issuer)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'e', 'm', 'a', 'i', 'l', '\n', (byte) 0xC3,
                    (byte) 0x28, '\n'})).build());
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(notUtf8.json().path("detail").asText()).contains("UTF-8");
        JsonNode other = issuer(http);
        assertThat(http.post("/api/issuers/" + slug(issuer) + "/bulk?achievementId=" + ach, token(other),
                "email\nx@example.org\n", "text/csv").status()).isEqualTo(403);
        assertThat(http.post("/api/issuers/" + slug(issuer) + "/bulk?achievementId=" + ach, null,
                "email\nx@example.org\n", "text/csv").status()).isEqualTo(401);
    }

    @Test
    void startingIssuesTheValidRowsAndAReUploadIssuesNothingTwice() throws Exception {
        JsonNode issuer = issuer(http);
        String ach = achievement(http, issuer, "Idempotent");
        String second = achievement(http, issuer, "Second");
        StringBuilder csv = new StringBuilder("email,did,achievementId,validUntil\n");
        for (int i = 0; i < 5; i++) {
            csv.append("learner").append(i).append("@example.org,,,\n");
        }
        csv.append(",did:example:bulk-did,").append(second).append(",2031-01-01\n");
        csv.append("bad-row,,,\n");
        JsonNode job = upload(http, issuer, ach, csv.toString()).json();
        String jobId = job.path("id").asText();
        assertThat(job.path("rows").path("valid").asInt()).isEqualTo(6);
        Http.Response started = http.post("/api/issuers/" + slug(issuer) + "/bulk/" + jobId + "/start",
                token(issuer), "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode done = awaitFinished(http, issuer, jobId);
        assertThat(done.path("state").asText()).isEqualTo("done");
        assertThat(done.path("rows").path("issued").asInt()).isEqualTo(6);
        assertThat(done.path("rows").path("pending").asInt()).isZero();
        assertThat(done.path("etaSeconds").asLong()).isZero();
        assertThat(http.post("/api/issuers/" + slug(issuer) + "/bulk/" + jobId + "/start", token(issuer), "")
                .status()).isEqualTo(409);

        JsonNode listed = http.get("/api/issuers/" + slug(issuer) + "/credentials?limit=50", "Authorization",
                "Bearer " + token(issuer)).json();
        assertThat(listed.size()).isEqualTo(6);
        JsonNode first = http.get("/api/issuers/" + slug(issuer) + "/credentials/" + listed.path(0).path("id")
                .asText(), "Authorization", "Bearer " + token(issuer)).json();
        Http.Response verified = http.post("/api/verify", null, Json.write(first.path("credential")));
        assertThat(verified.json().path("outcome").asText()).isEqualTo("valid");
        long didCredentials = Stream.of(listed).flatMap(n -> Stream.iterate(0, i -> i + 1).limit(n.size()).map(n::get))
                .filter(n -> n.path("achievementId").asText().equals(second)).count();
        assertThat(didCredentials).isEqualTo(1);

        JsonNode again = upload(http, issuer, ach, csv.toString()).json();
        assertThat(again.path("rows").path("valid").asInt()).isEqualTo(6);
        String againId = again.path("id").asText();
        http.post("/api/issuers/" + slug(issuer) + "/bulk/" + againId + "/start", token(issuer), "");
        JsonNode twice = awaitFinished(http, issuer, againId);
        assertThat(twice.path("state").asText()).isEqualTo("done");
        assertThat(twice.path("rows").path("issued").asInt()).isZero();
        assertThat(twice.path("rows").path("skipped").asInt()).isEqualTo(6);
        assertThat(http.get("/api/issuers/" + slug(issuer) + "/credentials", "Authorization",
                "Bearer " + token(issuer)).header("X-Total-Count")).isEqualTo("6");
        JsonNode jobs = http.get("/api/issuers/" + slug(issuer) + "/bulk", "Authorization", "Bearer "
                + token(issuer)).json();
        assertThat(jobs.findValuesAsText("id")).contains(jobId, againId);
        assertThat(server.platform().metrics().scrape()).contains("microcred_bulk_rows_total{state=\"issued\"}");
    }

    @Test
    void progressStreamsAsServerSentEventsUntilTheJobIsDone() throws Exception {
        JsonNode issuer = issuer(http);
        String ach = achievement(http, issuer, "Streamed");
        JsonNode job = upload(http, issuer, ach, "email\na@example.org\nb@example.org\nc@example.org\n").json();
        String path = "/api/issuers/" + slug(issuer) + "/bulk/" + job.path("id").asText();
        assertThat(http.get(path + "/events").status()).isEqualTo(401);
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> stream = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + path + "/events")).header("Authorization", "Bearer " + token(issuer))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        http.post(path + "/start", token(issuer), "");
        List<String> events = new ArrayList<>();
        String lastData = null;
        for (String line : (Iterable<String>) stream.body()::iterator) {
            if (line.startsWith("event: ")) {
                events.add(line.substring(7));
            }
            if (line.startsWith("data: ")) {
                lastData = line.substring(6);
            }
            if (events.contains("done") && lastData != null && line.isEmpty()) {
                break;
            }
        }
        assertThat(events.get(0)).isEqualTo("progress");
        assertThat(events).last().isEqualTo("done");
        JsonNode finalState = Json.parse(lastData);
        assertThat(finalState.path("state").asText()).isEqualTo("done");
        assertThat(finalState.path("rows").path("issued").asInt()).isEqualTo(3);
    }

    @Test
    void aServerStoppedBetweenBatchesResumesTheJobWithoutDuplicates() throws Exception {
        String url = newDatabase();
        Config config = config(url);
        int rows = 1100;
        JsonNode issuer;
        String jobId;
        try (MicrocredServer stepped = MicrocredServer.start(config, Clock.systemUTC(), false)) {
            Http h = new Http(stepped.baseUrl());
            issuer = issuer(h);
            String ach = achievement(h, issuer, "Resumable");
            StringBuilder csv = new StringBuilder("email,idempotencyKey\n");
            for (int i = 0; i < rows; i++) {
                csv.append("r").append(i).append("@example.org,row-").append(i).append('\n');
            }
            jobId = upload(h, issuer, ach, csv.toString()).json().path("id").asText();
            assertThat(h.post("/api/issuers/" + slug(issuer) + "/bulk/" + jobId + "/start", token(issuer), "")
                    .status()).isEqualTo(202);
            assertThat(stepped.platform().bulk().step(jobId)).isTrue();
            JsonNode after = h.get("/api/issuers/" + slug(issuer) + "/bulk/" + jobId, "Authorization",
                    "Bearer " + token(issuer)).json();
            assertThat(after.path("state").asText()).isEqualTo("running");
            assertThat(after.path("rows").path("issued").asInt()).isEqualTo(500);
        }
        String issuerId = issuer.path("id").asText();
        assertThat(count(url, "SELECT COUNT(*) FROM credential WHERE issuer_id = ?", issuerId)).isEqualTo(500);
        assertThat(count(url, "SELECT COUNT(*) FROM mail_outbox m JOIN credential c ON c.id = m.related_id"
                + " WHERE c.issuer_id = ?", issuerId)).isEqualTo(500);

        try (MicrocredServer resumed = MicrocredServer.start(config)) {
            Http h = new Http(resumed.baseUrl());
            JsonNode done = awaitFinished(h, issuer, jobId);
            assertThat(done.path("state").asText()).isEqualTo("done");
            assertThat(done.path("rows").path("issued").asInt()).isEqualTo(rows);
            assertThat(done.path("rows").path("skipped").asInt()).isZero();
        }
        assertThat(count(url, "SELECT COUNT(*) FROM credential WHERE issuer_id = ?", issuerId)).isEqualTo(rows);
        assertThat(count(url, "SELECT COUNT(DISTINCT revocation_index) FROM credential WHERE issuer_id = ?", issuerId))
                .isEqualTo(rows);
        assertThat(count(url, "SELECT COUNT(*) FROM credential_key WHERE issuer_id = ?", issuerId)).isEqualTo(rows);
        // issued rows are those the job's cursor passed, each with the credential stored under its key
        assertThat(count(url, "SELECT COUNT(*) FROM bulk_row r JOIN bulk_job j ON j.id = r.job_id"
                + " JOIN credential_key k ON k.issuer_id = r.issuer_id AND k.idempotency_key = r.idempotency_key"
                + " WHERE r.job_id = ? AND r.state = 'pending' AND r.row_number <= j.issued_through_row", jobId))
                .isEqualTo(rows);
        assertThat(count(url, "SELECT COUNT(*) FROM credential c WHERE c.issuer_id = ? AND NOT EXISTS"
                + " (SELECT 1 FROM credential_key k JOIN bulk_row r ON r.issuer_id = k.issuer_id"
                + " AND r.idempotency_key = k.idempotency_key WHERE k.credential_id = c.id)", issuerId)).isZero();
        assertThat(count(url, "SELECT COUNT(*) FROM mail_outbox m WHERE m.kind = 'credential-issued' AND NOT EXISTS"
                + " (SELECT 1 FROM credential c WHERE c.id = m.related_id)")).isZero();
        assertThat(count(url, "SELECT COUNT(DISTINCT recipient) FROM mail_outbox m JOIN credential c"
                + " ON c.id = m.related_id WHERE c.issuer_id = ?", issuerId)).isEqualTo(rows);
    }
}
