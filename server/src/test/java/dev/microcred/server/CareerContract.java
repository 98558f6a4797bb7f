package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.accounts.Roles;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.server.issuing.StatusRegistry;
import dev.microcred.server.skills.Taxonomy;
import dev.microcred.server.skills.TaxonomyLoader;
import dev.microcred.server.skills.TalentPool;
import dev.microcred.skills.gap.GapAnalyzer;
import dev.microcred.skills.graph.Framework;
import dev.microcred.skills.graph.Occupation;
import dev.microcred.skills.graph.Requirement;
import dev.microcred.store.Account;
import dev.microcred.store.Issuer;
import dev.microcred.store.StoredAchievement;
import dev.microcred.store.WalletImport;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Career goals and employers over real HTTP, run on H2 ({@link CareerH2IT}) and PostgreSQL ({@link CareerPostgresIT}):
 * a learner's goal and plan from their own wallet (claimed credentials and imports, verified now: revoked proves
 * nothing, expired is stale, unclaimed does not count), a goal already met, portfolio advice with credible providers
 * first and renewal paths, and the employer's posting → candidates → shortlist → contact → acceptance, with the
 * identity hidden until then, other employers and learners kept out, and the candidate index following revocation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CareerContract {
    static final String PASSWORD = "career password 123";
    static final String PROGRAMMING = "onet:element/2.B.3.e";
    static final String CRITICAL_THINKING = "onet:element/2.A.2.a";
    static final String PROGRAMMERS = "15-1251.00";

    /** A clock the tests move forward (the candidate index is checked again after {@link TalentPool#MAX_AGE}). */
    static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }
    }

    MicrocredServer server;
    String url;
    Platform p;
    Taxonomy taxonomy;
    final TestClock clock = new TestClock();
    Issuer academy;
    Issuer council;
    StoredAchievement programming;
    StoredAchievement thinking;

    abstract String jdbcUrl();

    @BeforeAll
    void start() throws Exception {
        url = jdbcUrl();
        server = MicrocredServer.start(Config.defaults().withPort(0).withDataDirectory(
                Files.createTempDirectory("microcred-career")).withDatabaseUrl(url)
                .withKeyEncryptionKey(KeyEncryptionKey.generate()), clock);
        p = server.platform();
        taxonomy = TaxonomyLoader.shared().await(Duration.ofMinutes(5));
        academy = p.issuers().create(new IssuerRegistry.NewIssuer("ca-" + UUID.randomUUID().toString().substring(0, 8),
                "Career <b>Academy</b>", null, null, null, "key"));
        council = p.issuers().create(new IssuerRegistry.NewIssuer("cc-" + UUID.randomUUID().toString().substring(0, 8),
                "Skills Council", null, null, null, "key"));
        programming = achievement(academy, "Programming <script>x</script>", PROGRAMMING, 365);
        thinking = achievement(council, "Critical Thinking", CRITICAL_THINKING, 365);
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

    StoredAchievement achievement(Issuer issuer, String name, String skill, int validityDays) {
        return p.achievements().create(issuer, Json.parseObject("""
                {"name": %s, "description": "d", "criteria": "c", "skills": ["%s"], "eqfLevel": 4,
                 "validityDays": %d}
                """.formatted(Json.write(Json.mapper().getNodeFactory().textNode(name)), skill, validityDays)));
    }

    static String email() {
        return "c" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    WebUser signUp(String email, String role) {
        p.accounts().signUp(email, "Name of " + email, PASSWORD.toCharArray(), role);
        return WebUser.signedIn(server.baseUrl(), email, PASSWORD, false);
    }

    Account account(String email) {
        return p.db().read(c -> p.store().accounts().byEmail(c, email)).orElseThrow();
    }

    /** Issues to {@code email} and claims it into their wallet. */
    String earn(Issuer issuer, StoredAchievement a, String email, Instant from, Instant until) {
        String id = p.issuance().issue(issuer, a, new Issuance.Recipient(email, null), from, until).stored().id();
        String account = account(email).id();
        p.db().inTransaction(c -> p.store().credentials().claim(c, id, account, clock.instant()));
        return id;
    }

    static Http.Response api(WebUser u, String method, String path, String json) {
        HttpRequest.Builder b = u.request(path).header("Content-Type", "application/json")
                .header("X-CSRF-Token", u.csrf());
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return u.send(b.build());
    }

    static JsonNode ok(Http.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    static JsonNode gapSkill(JsonNode plan, String skill) {
        for (JsonNode s : plan.path("gap").path("skills")) {
            if (s.path("skillId").asText().equals(skill)) {
                return s;
            }
        }
        throw new AssertionError("no gap skill " + skill + " in " + plan.path("gap"));
    }

    @Test
    void goalAndPlanComeFromTheLearnersOwnVerifiedWallet() {
        String email = email();
        WebUser u = signUp(email, Roles.LEARNER);
        assertThat(api(u, "GET", "/api/me/goal", null).status()).isEqualTo(404);
        Http.Response noGoal = api(u, "GET", "/api/me/plan", null);
        assertThat(noGoal.status()).isEqualTo(404);
        assertThat(noGoal.json().path("detail").asText()).contains("no career goal is set");
        Http.Response unknown = api(u, "PUT", "/api/me/goal", "{\"occupation\": \"99-9999.99\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("detail").asText()).contains("unknown occupation");
        assertThat(api(u, "PUT", "/api/me/goal", "{\"occupation\": \"15-1251.00\", \"objective\": \"fastest\"}")
                .status()).isEqualTo(400);
        assertThat(api(u, "GET", "/api/me/goal", null).status()).as("nothing half-written").isEqualTo(404);

        JsonNode goal = ok(api(u, "PUT", "/api/me/goal", "{\"occupation\": \"" + PROGRAMMERS + "\"}"), 200);
        assertThat(goal.path("occupation").path("code").asText()).isEqualTo(PROGRAMMERS);
        assertThat(goal.path("objective").asText()).isEqualTo("workload");
        JsonNode empty = ok(api(u, "GET", "/api/me/plan", null), 200);
        assertThat(empty.path("explanation").asText()).contains("no claimed or imported credential");
        assertThat(empty.path("gap").path("counts").path("proven").asInt()).isZero();
        assertThat(gapSkill(empty, PROGRAMMING).path("coverage").asText()).isEqualTo("missing");

        Instant now = clock.instant();
        earn(academy, programming, email, null, null);
        String expired = earn(council, thinking, email, now.minus(400, ChronoUnit.DAYS), now.minus(5, ChronoUnit.DAYS));
        StoredAchievement reading = achievement(academy, "Reading", "onet:element/2.A.1.a", 365);
        String revoked = earn(academy, reading, email, null, null);
        p.status().change(academy, revoked, StatusRegistry.Change.REVOKE, "test");
        StoredAchievement writing = achievement(council, "Writing", "onet:element/2.A.1.d", 365);
        p.issuance().issue(council, writing, new Issuance.Recipient(email, null), null, null); // not claimed
        StoredAchievement maths = achievement(council, "Mathematics", "onet:element/2.A.1.e", 365);
        String other = p.issuance().issue(council, maths, new Issuance.Recipient(email(), null), null, null).stored()
                .id();
        String document = p.db().read(c -> p.store().credentials().byId(c, other)).orElseThrow().document();
        String account = account(email).id();
        p.db().inTransaction(c -> {
            p.store().walletImports().insert(c, new WalletImport(UUID.randomUUID().toString(), account, document,
                    "json", "Mathematics", "Skills Council", "valid", clock.instant()));
            return null;
        });

        JsonNode plan = ok(api(u, "GET", "/api/me/plan", null), 200);
        assertThat(gapSkill(plan, PROGRAMMING).path("coverage").asText()).isEqualTo("proven");
        assertThat(gapSkill(plan, CRITICAL_THINKING).path("coverage").asText()).as("expired: stale").isEqualTo("stale");
        assertThat(gapSkill(plan, "onet:element/2.A.1.a").path("coverage").asText()).as("revoked: no proof")
                .isEqualTo("missing");
        assertThat(gapSkill(plan, "onet:element/2.A.1.d").path("coverage").asText()).as("unclaimed: not in the wallet")
                .isEqualTo("missing");
        assertThat(gapSkill(plan, "onet:element/2.A.1.e").path("coverage").asText()).as("a verified import counts")
                .isEqualTo("proven");
        assertThat(plan.path("goalMet").asBoolean()).isFalse();
        assertThat(plan.path("gap").path("closeness").asDouble()).isGreaterThan(0).isLessThan(1);
        List<String> outcomes = new ArrayList<>();
        plan.path("profile").path("credentials").forEach(k -> outcomes.add(k.path("outcome").asText()));
        assertThat(outcomes).containsExactlyInAnyOrder("valid", "expired", "revoked", "valid");
        assertThat(plan.path("profile").path("ignored").toString()).contains(revoked).contains("revoked");
        JsonNode steps = plan.path("plan").path("steps");
        assertThat(plan.path("plan").path("progress").path("gapSkills").asInt()).isPositive();
        for (JsonNode s : steps) {
            assertThat(s.path("reason").asText()).isNotBlank();
        }

        Http.Response page = u.get("/wallet/goal");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"goal\">Computer Programmers<").contains("<svg")
                .contains("Programming &lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>x")
                .contains("id=\"progress\"").contains("id=\"gap-explanation\"");
    }

    @Test
    void theGoalFormExplainsBadInputAndSearchFindsOccupations() {
        String email = email();
        p.accounts().signUp(email, "Form Learner", PASSWORD.toCharArray(), Roles.LEARNER);
        WebUser u = WebUser.signedIn(server.baseUrl(), email, PASSWORD, true);
        Http.Response search = u.get("/wallet/goal?q=computer+programmer");
        assertThat(search.body()).contains("id=\"no-goal\"").contains("data-occupation=\"onet:occupation/15-1251.00\"");
        Http.Response bad = u.post("/wallet/goal", Map.of("occupation", "<b>nothing</b>", "objective", "workload"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown occupation").contains("&lt;b&gt;nothing").doesNotContain("<b>nothing");
        Http.Response set = u.post("/wallet/goal", Map.of("occupation", "onet:occupation/15-1251.00",
                "objective", "cost"));
        assertThat(set.status()).isEqualTo(303);
        assertThat(u.get("/wallet/goal").body()).contains("Computer Programmers").contains("least cost");
        assertThat(u.post("/wallet/goal/clear", Map.of()).status()).isEqualTo(303);
        assertThat(u.get("/wallet/goal").body()).contains("id=\"no-goal\"");
    }

    @Test
    void aGoalAlreadyMetSaysSo() {
        Occupation small = taxonomy.graph().occupations().stream()
                .filter(o -> o.framework() == Framework.ESCO)
                .filter(o -> !taxonomy.graph().requirements(o.id()).isEmpty())
                .min(Comparator.comparingInt((Occupation o) -> taxonomy.graph().requirements(o.id()).size())
                        .thenComparing(Occupation::id)).orElseThrow();
        List<String> skills = new ArrayList<>();
        for (Requirement r : taxonomy.graph().requirements(small.id())) {
            if (GapAnalyzer.weight(r) > 0) {
                skills.add(r.skillId());
            }
        }
        var list = Json.mapper().createArrayNode();
        skills.forEach(list::add);
        StoredAchievement all = p.achievements().create(academy, Json.parseObject("""
                {"name": "Everything", "description": "d", "criteria": "c", "eqfLevel": 4, "skills": %s}
                """.formatted(Json.write(list))));
        String email = email();
        WebUser u = signUp(email, Roles.LEARNER);
        earn(academy, all, email, null, null);
        ok(api(u, "PUT", "/api/me/goal", "{\"occupation\": " + Json.write(Json.mapper().getNodeFactory()
                .textNode(small.id())) + "}"), 200);
        JsonNode plan = ok(api(u, "GET", "/api/me/plan", null), 200);
        assertThat(plan.path("goalMet").asBoolean()).as(plan.path("gap").toString()).isTrue();
        assertThat(plan.path("explanation").asText()).startsWith("Goal already met");
        assertThat(plan.path("gap").path("closeness").asDouble()).isEqualTo(1.0);
    }

    @Test
    void goalsAreTheirOwnersAndTheApiNeedsTheCsrfHeader() {
        WebUser a = signUp(email(), Roles.LEARNER);
        WebUser b = signUp(email(), Roles.LEARNER);
        ok(api(a, "PUT", "/api/me/goal", "{\"occupation\": \"" + PROGRAMMERS + "\"}"), 200);
        assertThat(api(b, "GET", "/api/me/goal", null).status()).isEqualTo(404);
        assertThat(api(b, "GET", "/api/me/plan", null).status()).isEqualTo(404);
        HttpRequest forged = b.request("/api/me/goal").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"occupation\": \"" + PROGRAMMERS + "\"}")).build();
        assertThat(b.send(forged).status()).isEqualTo(403);
        assertThat(api(b, "GET", "/api/me/goal", null).status()).isEqualTo(404);
        Http.Response anonymous = new Http(server.baseUrl()).get("/api/me/goal");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        Http.Response token = api(a, "GET", "/api/me/goal", null);
        assertThat(token.header("X-CSRF-Token")).isEqualTo(a.csrf());
    }

    @Test
    void portfolioPutsCredibleProvidersFirstAndNamesTheRenewal() {
        server.career().credibility().record(council, "National Accreditation Agency", null);
        server.career().pool().changed(null);
        String email = email();
        WebUser u = signUp(email, Roles.LEARNER);
        Instant now = clock.instant();
        earn(academy, programming, email, now.minus(10, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS));
        earn(academy, achievement(academy, "Testing", "onet:element/2.B.3.m", 365), email, null, null);
        earn(council, thinking, email, null, null);
        JsonNode pf = ok(api(u, "GET", "/api/me/portfolio", null), 200);
        assertThat(pf.path("breadth").asInt()).isEqualTo(3);
        assertThat(pf.path("providers").get(0).path("name").asText()).isEqualTo("Skills Council");
        assertThat(pf.path("providers").get(0).path("credibility").asText()).isEqualTo("accredited");
        assertThat(pf.path("providers").get(0).path("accreditedBy").asText()).isEqualTo("National Accreditation Agency");
        assertThat(pf.path("providers").get(1).path("credibility").asText()).isEqualTo("none");
        assertThat(pf.path("expiring")).hasSize(1);
        JsonNode e = pf.path("expiring").get(0);
        assertThat(e.path("daysLeft").asInt()).isBetween(29, 30);
        assertThat(e.path("renewal").asText()).isEqualTo("renew by earning \u201cProgramming <script>x</script>\u201d"
                + " again from Career <b>Academy</b>");
        String page = u.get("/wallet/portfolio").body();
        assertThat(page).contains("id=\"expiring\"").contains("accredited by National Accreditation Agency")
                .contains("&lt;script&gt;x").doesNotContain("<script>x").contains("<svg");
        server.career().credibility().record(council, null, null);
        server.career().pool().changed(null);
    }

    @Test
    void employerMatchesShortlistsContactsAndSeesTheIdentityOnlyAfterAcceptance() {
        String employerEmail = email();
        WebUser employer = signUp(employerEmail, Roles.VERIFIER);
        WebUser rival = signUp(email(), Roles.VERIFIER);
        String adaEmail = email();
        WebUser ada = signUp(adaEmail, Roles.LEARNER);
        String bobEmail = email();
        WebUser bob = signUp(bobEmail, Roles.LEARNER);
        String hidden = email();
        signUp(hidden, Roles.LEARNER);
        earn(academy, programming, adaEmail, null, null);
        earn(academy, programming, bobEmail, null, null);
        earn(academy, programming, hidden, null, null);
        server.career().credibility().record(academy, "Accreditor A", null);
        server.career().pool().changed(null);

        assertThat(api(ada, "POST", "/api/employer/postings", "{\"title\": \"Dev\", \"occupation\": \""
                + PROGRAMMERS + "\"}").status()).as("learners do not post jobs").isEqualTo(403);
        assertThat(api(employer, "POST", "/api/employer/postings", "{\"title\": \"Dev\", \"occupation\": \"nope\"}")
                .status()).isEqualTo(400);
        assertThat(api(employer, "POST", "/api/employer/postings", "{\"title\": \"Dev\", \"occupation\": \""
                + PROGRAMMERS + "\", \"requirements\": [{\"skill\": \"" + PROGRAMMING + "\", \"minLevel\": 9}]}")
                .status()).isEqualTo(400);
        JsonNode posting = ok(api(employer, "POST", "/api/employer/postings", "{\"title\": \"Junior programmer\","
                + " \"occupation\": \"" + PROGRAMMERS + "\"}"), 201);
        String id = posting.path("id").asText();
        assertThat(posting.path("requirements").size()).isBetween(1, 15);
        assertThat(posting.path("requirements").toString()).contains(PROGRAMMING);
        assertThat(ok(api(employer, "GET", "/api/employer/postings/" + id + "/candidates", null), 200))
                .as("nobody opted in yet").isEmpty();

        ok(api(ada, "PUT", "/api/me/discoverable", "{\"discoverable\": true}"), 200);
        ok(api(bob, "PUT", "/api/me/discoverable", "{\"discoverable\": true}"), 200);
        Http.Response listed = api(employer, "GET", "/api/employer/postings/" + id + "/candidates", null);
        JsonNode candidates = ok(listed, 200);
        assertThat(candidates).hasSize(2);
        assertThat(listed.body()).doesNotContain(adaEmail).doesNotContain(bobEmail).doesNotContain("Name of")
                .doesNotContain(account(adaEmail).id()).doesNotContain(account(bobEmail).id());
        JsonNode first = candidates.get(0);
        assertThat(first.path("candidate").asText()).startsWith("candidate-");
        JsonNode proof = null;
        for (JsonNode r : first.path("requirements")) {
            if (r.path("skill").asText().equals(PROGRAMMING)) {
                proof = r;
            }
        }
        assertThat(proof).isNotNull();
        assertThat(proof.path("matched").asBoolean()).isTrue();
        assertThat(proof.path("credential").asText()).isEqualTo("Programming <script>x</script>");
        assertThat(proof.path("issuer").asText()).isEqualTo("Career <b>Academy</b>");
        assertThat(proof.path("credibility").asText()).isEqualTo("accredited");
        assertThat(proof.path("standing").asText()).isEqualTo("accredited by Accreditor A");
        assertThat(first.path("explanation").asText()).contains("proves 1 of");

        String pseudonym = first.path("candidate").asText();
        assertThat(api(rival, "GET", "/api/employer/postings/" + id, null).status()).isEqualTo(404);
        assertThat(api(rival, "GET", "/api/employer/postings/" + id + "/candidates", null).status()).isEqualTo(404);
        assertThat(api(rival, "POST", "/api/employer/postings/" + id + "/contacts", "{\"candidate\": \"" + pseudonym
                + "\", \"message\": \"hi\"}").status()).isEqualTo(404);
        assertThat(ok(api(rival, "GET", "/api/employer/postings", null), 200)).isEmpty();

        assertThat(ok(api(employer, "POST", "/api/employer/postings/" + id + "/shortlist", "{\"candidate\": \""
                + pseudonym + "\"}"), 200).path("added").asBoolean()).isTrue();
        assertThat(ok(api(employer, "POST", "/api/employer/postings/" + id + "/shortlist", "{\"candidate\": \""
                + pseudonym + "\"}"), 200).path("added").asBoolean()).isFalse();
        assertThat(api(employer, "POST", "/api/employer/postings/" + id + "/shortlist",
                "{\"candidate\": \"candidate-000000000000\"}").status()).isEqualTo(404);
        assertThat(ok(api(employer, "GET", "/api/employer/postings/" + id + "/shortlist", null), 200).get(0)
                .path("candidate").asText()).isEqualTo(pseudonym);
        assertThat(api(employer, "POST", "/api/employer/postings/" + id + "/contacts", "{\"candidate\": \""
                + pseudonym + "\", \"message\": \"  \"}").status()).isEqualTo(400);
        JsonNode request = ok(api(employer, "POST", "/api/employer/postings/" + id + "/contacts", "{\"candidate\": \""
                + pseudonym + "\", \"message\": \"Would you like to talk about the <i>role</i>?\"}"), 201);
        assertThat(request.has("name")).isFalse();
        assertThat(api(employer, "POST", "/api/employer/postings/" + id + "/contacts", "{\"candidate\": \""
                + pseudonym + "\", \"message\": \"again\"}").status()).isEqualTo(409);

        // which learner was contacted: the one whose requests list has it
        WebUser contacted = ok(api(ada, "GET", "/api/me/requests", null), 200).size() == 1 ? ada : bob;
        WebUser other = contacted == ada ? bob : ada;
        String contactedEmail = contacted == ada ? adaEmail : bobEmail;
        assertThat(ok(api(other, "GET", "/api/me/requests", null), 200)).isEmpty();
        String requestId = request.path("id").asText();
        assertThat(api(other, "POST", "/api/me/requests/" + requestId, "{\"answer\": \"accept\"}").status())
                .as("another learner cannot answer").isEqualTo(404);
        JsonNode before = ok(api(employer, "GET", "/api/employer/postings/" + id + "/contacts", null), 200);
        assertThat(before.get(0).path("state").asText()).isEqualTo("pending");
        assertThat(before.get(0).has("email")).isFalse();
        assertThat(before.toString()).doesNotContain(contactedEmail);
        String employerPage = employer.get("/employer/postings/" + id).body();
        assertThat(employerPage).contains("hidden until they accept").doesNotContain(contactedEmail)
                .contains("Programming &lt;script&gt;").doesNotContain("<script>x");

        JsonNode received = ok(api(contacted, "GET", "/api/me/requests", null), 200).get(0);
        assertThat(received.path("message").asText()).isEqualTo("Would you like to talk about the <i>role</i>?");
        assertThat(received.path("employer").asText()).isEqualTo("Name of " + employerEmail);
        assertThat(api(contacted, "POST", "/api/me/requests/" + requestId, "{\"answer\": \"maybe\"}").status())
                .isEqualTo(400);
        assertThat(ok(api(contacted, "POST", "/api/me/requests/" + requestId, "{\"answer\": \"accept\"}"), 200)
                .path("state").asText()).isEqualTo("accepted");
        assertThat(api(contacted, "POST", "/api/me/requests/" + requestId, "{\"answer\": \"decline\"}").status())
                .isEqualTo(409);
        JsonNode after = ok(api(employer, "GET", "/api/employer/postings/" + id + "/contacts", null), 200);
        assertThat(after.get(0).path("state").asText()).isEqualTo("accepted");
        assertThat(after.get(0).path("email").asText()).isEqualTo(contactedEmail);
        assertThat(after.get(0).path("name").asText()).isEqualTo("Name of " + contactedEmail);
        assertThat(employer.get("/employer/postings/" + id).body()).contains(contactedEmail);
        server.career().credibility().record(academy, null, null);
        server.career().pool().changed(null);
    }

    @Test
    void rankingWeighsCredibilityAndFollowsRevocationWithinTheBound() {
        String employerEmail = email();
        WebUser employer = signUp(employerEmail, Roles.VERIFIER);
        Issuer accredited = p.issuers().create(new IssuerRegistry.NewIssuer("acc-" + UUID.randomUUID().toString()
                .substring(0, 8), "Accredited Institute", null, null, null, "key"));
        StoredAchievement testing = achievement(accredited, "Software Testing", "onet:element/2.B.3.m", 365);
        StoredAchievement plain = achievement(academy, "Testing Basics", "onet:element/2.B.3.m", 365);
        server.career().credibility().record(accredited, "Quality Agency", null);
        String strongEmail = email();
        String weakEmail = email();
        WebUser strong = signUp(strongEmail, Roles.LEARNER);
        WebUser weak = signUp(weakEmail, Roles.LEARNER);
        String strongCredential = earn(accredited, testing, strongEmail, null, null);
        earn(academy, plain, weakEmail, null, null);
        ok(api(strong, "PUT", "/api/me/discoverable", "{\"discoverable\": true}"), 200);
        ok(api(weak, "PUT", "/api/me/discoverable", "{\"discoverable\": true}"), 200);
        String id = ok(api(employer, "POST", "/api/employer/postings", "{\"title\": \"Tester\", \"occupation\": \""
                + PROGRAMMERS + "\", \"requirements\": [{\"skill\": \"onet:element/2.B.3.m\", \"importance\": 4,"
                + " \"minLevel\": null}]}"), 201).path("id").asText();
        JsonNode ranked = ok(api(employer, "GET", "/api/employer/postings/" + id + "/candidates", null), 200);
        assertThat(ranked).hasSize(2);
        assertThat(ranked.get(0).path("requirements").get(0).path("issuer").asText()).isEqualTo("Accredited Institute");
        assertThat(ranked.get(0).path("score").asDouble()).isGreaterThan(ranked.get(1).path("score").asDouble());
        assertThat(ranked.get(1).path("requirements").get(0).path("credibility").asText()).isEqualTo("none");

        p.status().change(accredited, strongCredential, StatusRegistry.Change.REVOKE, "test");
        clock.advance(TalentPool.MAX_AGE.plusSeconds(1));
        // the aged index answers while it is refreshed in the background; the revocation shows once it is rebuilt
        JsonNode after = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            after = ok(api(employer, "GET", "/api/employer/postings/" + id + "/candidates", null), 200);
            if (after.size() == 1) {
                break;
            }
            sleep(50);
        }
        assertThat(after).as("the revoked credential no longer proves the skill").hasSize(1);
        assertThat(after.get(0).path("requirements").get(0).path("issuer").asText()).isEqualTo("Career <b>Academy</b>");

        ok(api(weak, "PUT", "/api/me/discoverable", "{\"discoverable\": false}"), 200);
        assertThat(ok(api(employer, "GET", "/api/employer/postings/" + id + "/candidates", null), 200))
                .as("opting out takes effect at once").isEmpty();
        server.career().credibility().record(accredited, null, null);
    }

    @Test
    void employerPagesEditRequirementsAndRefuseOthers() {
        String email = email();
        p.accounts().signUp(email, "Erin Employer", PASSWORD.toCharArray(), Roles.VERIFIER);
        WebUser e = WebUser.signedIn(server.baseUrl(), email, PASSWORD, true);
        assertThat(e.get("/employer?q=computer+programmer").body()).contains("onet:occupation/15-1251.00");
        Http.Response created = e.post("/employer/postings", Map.of("occupation", "onet:occupation/15-1251.00",
                "title", "Programmer <b>II</b>"));
        assertThat(created.status()).isEqualTo(303);
        String path = created.header("Location");
        String page = e.get(path).body();
        assertThat(page).contains("Programmer &lt;b&gt;II&lt;/b&gt;").contains("data-skill=\"");
        Http.Response saved = e.post(path, Map.of("title", "Programmer II", "skill", PROGRAMMING, "importance", "5",
                "minLevel", "4"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        String edited = e.get(path).body();
        assertThat(edited).contains("data-skill=\"" + PROGRAMMING + "\"");
        assertThat(edited.split("data-skill=\"", -1)).hasSize(2);
        Http.Response bad = e.post(path, Map.of("title", "Programmer II", "skill", PROGRAMMING, "importance", "lots",
                "minLevel", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("must be a number");
        WebUser learner = WebUser.signedIn(server.baseUrl(), signUpEmail(Roles.LEARNER), PASSWORD, true);
        assertThat(learner.get(path).status()).isEqualTo(403);
        WebUser rival = WebUser.signedIn(server.baseUrl(), signUpEmail(Roles.VERIFIER), PASSWORD, true);
        assertThat(rival.get(path).status()).isEqualTo(404);
        assertThat(rival.get("/employer").body()).doesNotContain("Programmer II");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    String signUpEmail(String role) {
        String email = email();
        p.accounts().signUp(email, "Someone", PASSWORD.toCharArray(), role);
        return email;
    }
}
