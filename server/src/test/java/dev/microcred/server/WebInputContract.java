package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcred.credentials.json.Json;
import dev.microcred.server.accounts.Roles;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.store.Issuer;
import dev.microcred.store.Membership;
import dev.microcred.store.StoredAchievement;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bad input on the web pages, across routes: script in every text field a person can type is escaped on every page
 * that shows it; every form refuses a forged or missing CSRF token and stores nothing; a form sent twice issues one
 * credential, and a replayed form key with other content is refused; malformed and oversized uploads are refused
 * with a clear message and nothing stored. Run on H2 ({@link WebInputH2IT}) and PostgreSQL
 * ({@link WebInputPostgresIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebInputContract {
    static final String PASSWORD = "web input password 1";
    /** Closes an attribute, opens a tag and a script: any of it unescaped would run. */
    static final String EVIL = "\"'><img src=x onerror=alert(1)><script>alert(\"xss\")</script>";
    static final String ESCAPED = "&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(&quot;xss"
            + "&quot;)&lt;/script&gt;";
    static final Pattern FORM_KEY = Pattern.compile("name=\"formKey\" value=\"([^\"]+)\"");

    @AutoClose
    TestServer server;
    Platform p;
    Issuer issuer;
    StoredAchievement achievement;
    WebUser staff;
    WebUser admin;

    abstract String jdbcUrl();

    @BeforeAll
    void start() {
        server = TestServer.start(jdbcUrl());
        p = server.platform();
        issuer = p.issuers().create(new IssuerRegistry.NewIssuer("web-input", "Academy " + EVIL, null, null, null,
                "key"));
        staff = server.member(issuer, Membership.ADMIN, "staff@input.example", "Staff " + EVIL, true);
        admin = server.account("admin@input.example", "Admin", Roles.PLATFORM_ADMIN, true);
        achievement = p.achievements().create(issuer, Json.parseObject("""
                {"name": "Plain", "description": "d", "criteria": "c"}
                """));
    }


    static String email() {
        return "in" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    String console() {
        return "/console/" + issuer.slug();
    }

    long credentials() {
        long n = p.db().read(c -> p.store().credentials().countByIssuer(c, issuer.id()));
        return n;
    }

    /** What the forms below could change, counted. */
    Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("credentials", credentials());
        m.put("achievements", (long) p.achievements().of(issuer).size());
        m.put("bulk jobs", (long) p.bulk().jobs(issuer, 10_000).size());
        m.put("mails", (long) p.db().read(c -> p.store().outbox().recent(c, 100_000)).size());
        return m;
    }

    @Test
    void scriptInEveryTextFieldIsEscapedOnEveryPageThatShowsIt() {
        staff.get(console() + "/achievements/new");
        Map<String, String> fields = new LinkedHashMap<>();
        for (String f : List.of("name", "description", "criteria", "assessment", "participation",
                "qualityAssurance")) {
            fields.put(f, f + " " + EVIL);
        }
        fields.put("eqfLevel", "4");
        assertThat(staff.post(console() + "/achievements", fields).status()).isEqualTo(303);
        StoredAchievement a = p.achievements().of(issuer).stream().filter(x -> x.name().equals("name " + EVIL))
                .findFirst().orElseThrow();
        String learnerEmail = email();
        WebUser learner = new WebUser(server.baseUrl());
        learner.get("/signup");
        assertThat(learner.post("/signup", Map.of("email", learnerEmail, "name", "Learner " + EVIL, "password",
                PASSWORD, "role", "learner")).status()).isEqualTo(303);
        Issuance.Issued issued = p.issuance().issue(issuer, a, new Issuance.Recipient(learnerEmail, null), null,
                null);
        String id = issued.stored().id();
        String revoked = p.issuance().issue(issuer, a, new Issuance.Recipient(email(), null), null, null).stored()
                .id();
        staff.get(console() + "/credentials");
        assertThat(staff.post(console() + "/credentials/" + revoked + "/revoke", Map.of("reason", "reason " + EVIL))
                .status()).isEqualTo(303);
        learner.get("/wallet");
        assertThat(learner.post("/wallet/" + id + "/visibility", Map.of("visibility", "public")).status())
                .isEqualTo(303);
        String share = learner.get("/wallet/" + id).body().replaceAll("(?s).*href=\"(/share/[^\"]+)\".*", "$1");
        Http.Response imported = learner.post("/wallet/import", Map.of("credential", issued.stored().document()));
        assertThat(imported.status()).isEqualTo(303);
        String bulkJob = p.bulk().preview(issuer, a.id(), ("email\n\"" + EVIL.replace("\"", "\"\"") + "\"\n")
                .getBytes(StandardCharsets.UTF_8)).id();
        String claim = issued.claimUrl().substring(issued.claimUrl().indexOf("/claim/"));
        WebUser anonymous = new WebUser(server.baseUrl());

        Map<String, Supplier<Http.Response>> pages = new LinkedHashMap<>();
        pages.put("home", () -> anonymous.get("/"));
        pages.put("console", () -> staff.get("/console"));
        pages.put("dashboard", () -> staff.get(console()));
        pages.put("achievements", () -> staff.get(console() + "/achievements"));
        pages.put("edit", () -> staff.get(console() + "/achievements/" + a.id() + "/edit"));
        pages.put("issue form", () -> staff.get(console() + "/credentials/new"));
        pages.put("credentials", () -> staff.get(console() + "/credentials"));
        pages.put("bulk", () -> staff.get(console() + "/bulk"));
        pages.put("bulk job", () -> staff.get(console() + "/bulk/" + bulkJob));
        pages.put("credential page", () -> anonymous.get("/credentials/" + id));
        pages.put("revoked page", () -> anonymous.get("/credentials/" + revoked));
        pages.put("claim", () -> anonymous.get(claim));
        pages.put("wallet", () -> learner.get("/wallet"));
        pages.put("wallet detail", () -> learner.get("/wallet/" + id));
        pages.put("import", () -> learner.get(imported.header("Location")));
        pages.put("share", () -> anonymous.get(share));
        pages.put("account", () -> learner.get("/account"));
        pages.put("verify", () -> {
            anonymous.get("/verify");
            return anonymous.post("/verify", Map.of("credential", issued.stored().document()));
        });
        pages.put("admin", () -> admin.get("/admin"));
        pages.put("outbox", () -> admin.get("/admin/outbox"));
        List<String> unsafe = new ArrayList<>();
        int escaped = 0;
        for (Map.Entry<String, Supplier<Http.Response>> page : pages.entrySet()) {
            Http.Response r = page.getValue().get();
            assertThat(r.status()).as(page.getKey()).isEqualTo(200);
            if (r.body().contains("<script>alert") || r.body().contains("<img src=x")) {
                unsafe.add(page.getKey());
            }
            if (r.body().contains(ESCAPED)) {
                escaped++;
            }
        }
        assertThat(unsafe).as("pages with unescaped script").isEmpty();
        assertThat(escaped).as("pages that show a field, escaped").isGreaterThanOrEqualTo(pages.size() - 2);
        Http.Response document = anonymous.get("/issuers/" + issuer.slug() + "/achievements/" + a.id());
        assertThat(document.header("Content-Type")).as("the achievement's document is JSON-LD, never HTML")
                .startsWith("application/ld+json");
        assertThat(document.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(staff.get(console() + "/credentials").body()).contains("reason " + ESCAPED);
        assertThat(anonymous.get("/credentials/" + id).body()).contains("name " + ESCAPED)
                .contains("description " + ESCAPED);
        assertThat(learner.get("/account").body()).contains("Learner " + ESCAPED);
        assertThat(staff.get(console() + "/bulk/" + bulkJob).body()).as("errors never quote the value")
                .contains("not an email address").doesNotContain("&lt;img src=x onerror=alert(1)&gt;&lt;script"
                        + "&gt;alert(&quot;xss&quot;)&lt;/script&gt;</td>");
    }

    /** Every web form the server registers, with real path values, posted by {@code u} with {@code fields}. */
    List<String> everyWebForm() {
        String credential = p.issuance().issue(issuer, achievement, new Issuance.Recipient(email(), null), null, null)
                .stored().id();
        String claim = p.issuance().issue(issuer, achievement, new Issuance.Recipient(email(), null), null, null)
                .claimUrl();
        String job = p.bulk().preview(issuer, achievement.id(), ("email\n" + email() + "\n")
                .getBytes(StandardCharsets.UTF_8)).id();
        List<String> paths = new ArrayList<>();
        for (MicrocredServer.Route r : server.routes()) {
            if (!r.method().equals("POST") || r.path().startsWith("/api/") || r.path().contains("/vcalm/")) {
                continue;
            }
            paths.add(r.path().replace("{slug}", issuer.slug()).replace("{job}", job)
                    .replace("{token}", r.path().startsWith("/claim/") ? claim.substring(claim.lastIndexOf('/') + 1)
                            : "reset_unknown")
                    .replace("{id}", r.path().contains("/achievements/") ? achievement.id() : credential));
        }
        return paths;
    }

    @Test
    void everyFormRefusesAForgedOrMissingCsrfTokenAndStoresNothing() {
        List<String> forms = everyWebForm();
        assertThat(forms).contains(console() + "/bulk", "/wallet/import", "/verify", "/login", "/logout");
        Map<String, Long> before = counts();
        List<String> accepted = new ArrayList<>();
        for (String path : forms) {
            staff.get(console());
            Map<String, String> fields = Map.of("name", "Forged", "description", "d", "criteria", "c",
                    "recipient", email(), "achievementId", achievement.id(), "reason", "forged", "visibility",
                    "public", "email", "staff@input.example", "password", PASSWORD, "credential", "{}");
            Map<String, String> forged = new LinkedHashMap<>(fields);
            forged.put("csrf", "forged-" + UUID.randomUUID());
            int withForged = staff.post(path, forged).status();
            String boundary = "----forged" + UUID.randomUUID().toString().replace("-", "");
            int missing = staff.send(staff.request(path).header("Content-Type", "multipart/form-data; boundary="
                    + boundary).POST(HttpRequest.BodyPublishers.ofString("--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"recipient\"\r\n\r\n" + email() + "\r\n--" + boundary
                    + "--\r\n")).build()).status();
            if (withForged != 403 || missing != 403) {
                accepted.add(path + " forged=" + withForged + " missing=" + missing);
            }
        }
        assertThat(accepted).isEmpty();
        assertThat(counts()).isEqualTo(before);
        assertThat(staff.get("/account").status()).as("still signed in: the forged sign-out did nothing")
                .isEqualTo(200);
    }

    @Test
    void aFormSentTwiceIssuesOneCredentialAndAReplayedKeyWithOtherContentIsRefused() {
        Matcher key = FORM_KEY.matcher(staff.get(console() + "/credentials/new").body());
        assertThat(key.find()).isTrue();
        String recipient = email();
        Map<String, String> form = Map.of("achievementId", achievement.id(), "recipient", recipient, "formKey",
                key.group(1));
        long before = credentials();
        Http.Response first = staff.post(console() + "/credentials", form);
        assertThat(first.status()).isEqualTo(303);
        String issued = first.header("Location").replaceAll(".*issued=([0-9a-f-]{36}).*", "$1");
        Http.Response again = staff.post(console() + "/credentials", form);
        assertThat(again.status()).isEqualTo(303);
        assertThat(again.header("Location")).contains("issued=" + issued).endsWith("&again=1");
        assertThat(staff.get(again.header("Location")).body()).contains("This form was sent before: credential "
                + issued + " was issued then, and not again");
        assertThat(credentials()).isEqualTo(before + 1);
        List<dev.microcred.store.OutboxMail> mails = p.db().read(c -> p.store().outbox().byRecipient(c, recipient));
        assertThat(mails).hasSize(1);

        Http.Response other = staff.post(console() + "/credentials", Map.of("achievementId", achievement.id(),
                "recipient", email(), "formKey", key.group(1)));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.body()).contains("this idempotency key was used for another credential");
        assertThat(other.body()).containsPattern("name=\"formKey\" value=\"(?!" + key.group(1) + ")");
        Http.Response damaged = staff.post(console() + "/credentials", Map.of("achievementId", achievement.id(),
                "recipient", email(), "formKey", "<script>"));
        assertThat(damaged.status()).isEqualTo(400);
        assertThat(damaged.body()).contains("the form is damaged").doesNotContain("<script>");
        assertThat(credentials()).isEqualTo(before + 1);
    }

    Http.Response apiIssue(String token, String key, String recipient) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/issuers/" + issuer.slug()
                + "/credentials")).header("Authorization", "Bearer " + token).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"achievementId\": \""
                + achievement.id() + "\", \"recipient\": {\"email\": \"" + recipient + "\"}}"));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return new Http(server.baseUrl()).send(b.build());
    }

    @Test
    void aReplayedIdempotencyKeyAnswersTheFirstCredentialAndIssuesNothing() throws Exception {
        String token = p.tokens().create(issuer.id(), "replays", dev.microcred.server.issuing.Scopes.ISSUER_ALL)
                .secret();
        String key = "order-" + UUID.randomUUID();
        String recipient = email();
        long before = credentials();
        Http.Response first = apiIssue(token, key, recipient);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        Http.Response replay = apiIssue(token, key, recipient);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().path("id")).isEqualTo(first.json().path("id"));
        assertThat(replay.json().path("credential")).isEqualTo(first.json().path("credential"));
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(credentials()).isEqualTo(before + 1);
        List<dev.microcred.store.OutboxMail> mails = p.db().read(c -> p.store().outbox().byRecipient(c, recipient));
        assertThat(mails).as("one claim mail").hasSize(1);

        Http.Response other = apiIssue(token, key, email());
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        assertThat(other.json().path("detail").asText()).contains("idempotency key was used for another credential");
        assertThat(apiIssue(token, "has space", email()).status()).isEqualTo(400);
        assertThat(apiIssue(token, "k".repeat(151), email()).status()).isEqualTo(400);
        assertThat(credentials()).isEqualTo(before + 1);

        String raced = "race-" + UUID.randomUUID();
        String racer = email();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Http.Response>> all = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                all.add(pool.submit(() -> apiIssue(token, raced, racer)));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (java.util.concurrent.Future<Http.Response> f : all) {
                Http.Response r = f.get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                ids.add(r.json().path("id").asText());
            }
            assertThat(ids).as("four requests at once, one credential").hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(credentials()).isEqualTo(before + 2);
        List<dev.microcred.store.OutboxMail> racerMails = p.db().read(c -> p.store().outbox().byRecipient(c, racer));
        assertThat(racerMails).hasSize(1);
    }

    @Test
    void malformedAndOversizedUploadsAreRefusedAndStoreNothing() {
        String email = email();
        WebUser learner = new WebUser(server.baseUrl());
        learner.get("/signup");
        learner.post("/signup", Map.of("email", email, "name", "L", "password", PASSWORD, "role", "learner"));
        learner.get("/wallet");
        String account = p.db().read(c -> p.store().accounts().byEmail(c, email)).orElseThrow().id();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2};
        Map<String, byte[]> malformed = new LinkedHashMap<>();
        malformed.put("truncated.png", png);
        malformed.put("no-credential.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8));
        malformed.put("random.bin", new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 7});
        malformed.put("broken.json", "{\"@context\": [".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> file : malformed.entrySet()) {
            learner.get("/wallet");
            Http.Response imported = WalletContract.upload(learner, "/wallet/import", Map.of(), file.getKey(),
                    file.getValue());
            assertThat(imported.status()).as(file.getKey()).isEqualTo(400);
            assertThat(imported.body()).as(file.getKey()).contains("id=\"problem\"").doesNotContain("<script>alert");
            anonymousVerify(file.getKey(), file.getValue());
        }
        assertThat(imports(account)).isEmpty();

        learner.get("/wallet");
        byte[] body = new byte[3 << 20];
        Http.Response declared = learner.send(learner.request("/wallet/import").header("Content-Type",
                "multipart/form-data; boundary=x").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertThat(declared.status()).as("refused by its declared length, before the form is read").isEqualTo(413);
        assertThat(declared.body()).contains("larger than");
        Http.Response verify = new WebUser(server.baseUrl()).send(HttpRequest.newBuilder(URI.create(
                        server.baseUrl() + "/verify")).header("Accept", "text/html").header("Content-Type",
                        "multipart/form-data; boundary=x").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertThat(verify.status()).isEqualTo(413);
        byte[] chunked = new byte[(17 << 20)];
        String head = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.json\"\r\n\r\n";
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, chunked, 0, head.length());
        Http.Response unannounced = new WebUser(server.baseUrl()).send(HttpRequest.newBuilder(URI.create(
                        server.baseUrl() + "/verify")).header("Accept", "text/html").header("Content-Type",
                        "multipart/form-data; boundary=x").POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(chunked))).build());
        assertThat(unannounced.status()).as("an upload must declare its length").isEqualTo(411);
        assertThat(unannounced.body()).contains("Content-Length");
        assertThat(imports(account)).isEmpty();
    }

    List<dev.microcred.store.WalletImport> imports(String account) {
        return p.db().read(c -> p.store().walletImports().byAccount(c, account));
    }

    void anonymousVerify(String name, byte[] file) {
        WebUser visitor = new WebUser(server.baseUrl());
        visitor.get("/verify");
        Http.Response r = WalletContract.upload(visitor, "/verify", Map.of(), name, file);
        assertThat(r.status()).as(name).isEqualTo(400);
        assertThat(r.body()).as(name).contains("Could not read this credential").doesNotContain("<script>alert");
    }
}
