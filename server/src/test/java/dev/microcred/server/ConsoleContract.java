package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.accounts.Roles;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.store.Issuer;
import dev.microcred.store.Membership;
import dev.microcred.store.StoredAchievement;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The issuer console over HTTP without a browser: what the forms store, how bad input is answered (script in every
 * text field is escaped, wrong numbers keep the form, oversized bodies are refused), and the analytics. Run on H2
 * ({@link ConsoleH2IT}) and PostgreSQL ({@link ConsolePostgresIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleContract {
    static final String PASSWORD = "console test password";
    static final String SCRIPT = "<script>alert('x')</script>";
    MicrocredServer server;
    String url;
    Issuer issuer;
    WebUser staff;

    abstract String jdbcUrl();

    @BeforeAll
    void start() throws Exception {
        url = jdbcUrl();
        server = MicrocredServer.start(Config.defaults().withPort(0).withDataDirectory(
                Files.createTempDirectory("microcred-console")).withDatabaseUrl(url)
                .withKeyEncryptionKey(KeyEncryptionKey.generate()).withMaxRequestBytes(64 * 1024));
        Platform p = server.platform();
        issuer = p.issuers().create(new IssuerRegistry.NewIssuer("console", "Console Academy", null, null, null,
                "web"));
        p.accounts().signUp("staff@console.example", "Staff", PASSWORD.toCharArray(), Roles.ISSUER_ADMIN);
        p.accounts().addMember(issuer, "staff@console.example", Membership.STAFF);
        staff = WebUser.signedIn(server.baseUrl(), "staff@console.example", PASSWORD);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (url != null) {
            TestDatabases.drop(url);
        }
    }

    Map<String, String> achievementFields(String name) {
        Map<String, String> f = new HashMap<>(Map.of("name", name, "description", "Describes " + SCRIPT,
                "criteria", "Pass **the test** " + SCRIPT, "eqfLevel", "5", "ects", "2.5", "workloadHours", "60",
                "assessment", "exam " + SCRIPT, "participation", "online", "qualityAssurance", "board",
                "validityDays", "365"));
        f.put("skillIds", "15-1252.00");
        return f;
    }

    StoredAchievement only(String name) {
        return server.platform().achievements().of(issuer).stream().filter(a -> a.name().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void achievementFormsStoreEveryElementAndEditKeepsThem() {
        staff.get("/console/console/achievements/new");
        Http.Response created = staff.post("/console/console/achievements", achievementFields("Edited " + SCRIPT));
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        StoredAchievement a = only("Edited " + SCRIPT);
        assertThat(a.validityDays()).isEqualTo(365);
        assertThat(a.document()).contains("EQF level 5").contains("\"creditsAvailable\":2.5")
                .contains("workload: 60 hours").contains("15-1252.00");

        Http.Response edit = staff.get("/console/console/achievements/" + a.id() + "/edit");
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body()).doesNotContain(SCRIPT).contains("&lt;script&gt;")
                .contains("value=\"onet:occupation/15-1252.00\" checked=\"checked\"")
                .contains("<option value=\"5\" selected=\"selected\"")
                .contains("<strong>the test</strong>");
        Map<String, String> changed = achievementFields("Edited " + SCRIPT);
        changed.put("skills", "onet:occupation/15-1252.00");
        changed.remove("skillIds");
        changed.put("validityDays", "30");
        assertThat(staff.post("/console/console/achievements/" + a.id(), changed).status()).isEqualTo(303);
        assertThat(only("Edited " + SCRIPT).validityDays()).isEqualTo(30);
        assertThat(only("Edited " + SCRIPT).document()).contains("15-1252.00");

        Http.Response list = staff.get("/console/console/achievements");
        assertThat(list.body()).doesNotContain(SCRIPT).contains("Edited &lt;script&gt;");
        assertThat(staff.post("/console/console/achievements/" + a.id() + "/archive", Map.of()).status())
                .isEqualTo(303);
        assertThat(staff.post("/console/console/achievements/" + a.id() + "/archive", Map.of()).status())
                .isEqualTo(409);
        assertThat(staff.post("/console/console/achievements/" + a.id(), changed).status()).isEqualTo(409);
    }

    @Test
    void badNumbersAndMissingFieldsKeepTheFormWithAMessage() {
        staff.get("/console/console/achievements/new");
        Map<String, String> f = achievementFields("Bad numbers");
        f.put("ects", "lots");
        Http.Response r = staff.post("/console/console/achievements", f);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("ECTS credits must be a number").contains("value=\"Bad numbers\"");
        f = achievementFields("Unknown skill");
        f.put("skillIds", "no-such-skill");
        assertThat(staff.post("/console/console/achievements", f).body()).contains("unknown skill or occupation");
        f = achievementFields("");
        assertThat(staff.post("/console/console/achievements", f).status()).isEqualTo(400);
    }

    @Test
    void theNoScriptSkillSearchKeepsWhatWasTypedAndOffersCheckboxes() {
        staff.get("/console/console/achievements/new");
        Map<String, String> f = achievementFields("Searching");
        f.put("action", "search");
        f.put("skillQuery", "python");
        Http.Response r = staff.post("/console/console/achievements", f);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("value=\"Searching\"").contains("name=\"skills\"").containsIgnoringCase("python");
        assertThat(server.platform().achievements().of(issuer)).noneMatch(a -> a.name().equals("Searching"));
        Http.Response json = staff.get("/console/console/skills?q=python");
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(json.json().path(0).path("id").asText()).isNotEmpty();
    }

    @Test
    void issuingByFormValidatesTheRecipientAndTheAnalyticsCountIt() {
        staff.get("/console/console/achievements/new");
        staff.post("/console/console/achievements", achievementFields("Issued here"));
        StoredAchievement a = only("Issued here");
        staff.get("/console/console/credentials/new");
        Http.Response bad = staff.post("/console/console/credentials", Map.of("achievementId", a.id(),
                "recipient", SCRIPT));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).doesNotContain(SCRIPT);
        Http.Response ok = staff.post("/console/console/credentials", Map.of("achievementId", a.id(),
                "recipient", "someone@example.org"));
        assertThat(ok.status()).isEqualTo(303);
        assertThat(ok.header("Location")).startsWith("/console/console/credentials?issued=");
        Http.Response did = staff.post("/console/console/credentials", Map.of("achievementId", a.id(),
                "recipient", "did:example:learner"));
        assertThat(did.status()).isEqualTo(303);
        Http.Response dashboard = staff.get("/console/console");
        assertThat(dashboard.body()).contains("Issued here").contains("id=\"issued-chart\"")
                .contains("data-count=\"" + server.platform().db().read(c -> server.platform().store().activity()
                        .byAchievement(c, issuer.id())).stream().mapToLong(k -> k.issued()).sum() + "\"");
    }

    @Test
    void oversizedFormsAreRefusedWith413() {
        staff.get("/console/console/achievements/new");
        Map<String, String> f = achievementFields("Huge");
        f.put("description", "x".repeat(70 * 1024));
        assertThat(staff.post("/console/console/achievements", f).status()).isEqualTo(413);
        assertThat(server.platform().achievements().of(issuer)).noneMatch(a -> a.name().equals("Huge"));
    }

    @Test
    void forgedCsrfTokensAreRefusedOnEveryConsoleForm() {
        StoredAchievement a = server.platform().achievements().create(issuer,
                dev.microcred.credentials.json.Json.parseObject("{\"name\":\"Csrf\",\"description\":\"d\","
                        + "\"criteria\":\"c\"}"));
        for (String path : List.of("/console/console/achievements", "/console/console/achievements/" + a.id(),
                "/console/console/achievements/" + a.id() + "/archive", "/console/console/credentials")) {
            Map<String, String> f = achievementFields("Forged");
            f.put("csrf", "forged");
            assertThat(staff.post(path, f).status()).as(path).isEqualTo(403);
        }
        assertThat(server.platform().achievements().find(issuer, a.id()).orElseThrow().archivedAt()).isNull();
    }
}
