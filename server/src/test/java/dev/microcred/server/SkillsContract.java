package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.accounts.Roles;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.skills.SkillsJson;
import dev.microcred.server.skills.Taxonomy;
import dev.microcred.server.skills.TaxonomyLoader;
import dev.microcred.skills.gap.GapAnalyzer;
import dev.microcred.skills.graph.Framework;
import dev.microcred.skills.graph.Occupation;
import dev.microcred.skills.graph.Requirement;
import dev.microcred.skills.search.SearchKind;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The skills API end to end over real HTTP: search and occupations, profiles, gaps and plans from credentials the
 * platform verifies, imported catalogues, stackable pathways with automatic milestones, and the CLR 2.0 export. Run on
 * H2 ({@link SkillsH2IT}) and PostgreSQL ({@link SkillsPostgresIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SkillsContract {
    static final String ADMIN = "admin-token-for-skills-integration-tests-0123";
    static final String PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d";
    static final String PROGRAMMING = "onet:element/2.B.3.e";
    static final String SOFTWARE_DEVELOPERS = "15-1252.00";
    static final String PROGRAMMERS = "15-1251.00";
    MicrocredServer server;
    Http http;
    String url;
    Taxonomy taxonomy;

    abstract String jdbcUrl();

    @BeforeAll
    void start() throws Exception {
        url = jdbcUrl();
        Path data = Files.createTempDirectory("microcred-skills-it");
        server = MicrocredServer.start(Config.defaults().withPort(0).withDataDirectory(data).withDatabaseUrl(url)
                .withKeyEncryptionKey(KeyEncryptionKey.generate()).withAdminToken(ADMIN));
        http = new Http(server.baseUrl());
        taxonomy = TaxonomyLoader.shared().await(Duration.ofMinutes(5));
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

    JsonNode issuer() {
        String slug = "sk-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response r = http.post("/api/issuers", ADMIN, """
                {"slug": "%s", "name": "Skills Academy", "didMethod": "key"}
                """.formatted(slug));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static String slug(JsonNode issuer) {
        return issuer.path("slug").asText();
    }

    static String token(JsonNode issuer) {
        return issuer.path("apiToken").path("token").asText();
    }

    JsonNode achievement(JsonNode issuer, String name, List<String> skills, Integer workloadHours) {
        ObjectNode body = Json.object();
        body.put("name", name);
        body.put("description", "Learns " + name + ".");
        body.put("criteria", "Pass the assessment.");
        ArrayNode s = body.putArray("skills");
        skills.forEach(s::add);
        if (workloadHours != null) {
            body.put("workloadHours", workloadHours);
        }
        Http.Response r = http.post("/api/issuers/" + slug(issuer) + "/achievements", token(issuer), Json.write(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode issue(JsonNode issuer, JsonNode achievement, String email, String extra) {
        Http.Response r = http.post("/api/issuers/" + slug(issuer) + "/credentials", token(issuer), """
                {"achievementId": "%s", "recipient": {"email": "%s"}%s}
                """.formatted(achievement.path("id").asText(), email, extra));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    Http.Response put(String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build());
    }

    static String credentials(JsonNode... credentials) {
        ArrayNode list = Json.mapper().createArrayNode();
        for (JsonNode k : credentials) {
            list.add(k.path("credential"));
        }
        return Json.write(list);
    }

    static String email() {
        return "learner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    static void assertProblem(Http.Response r, int status, String detail) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("detail").asText()).contains(detail);
    }

    @Test
    void searchFindsOccupationsAndSkillsOfEitherFramework() {
        Http.Response r = http.get("/api/skills/search?q=software+developer&kind=occupation&framework=onet&limit=5");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode results = r.json().path("results");
        assertThat(results.size()).isBetween(1, 5);
        assertThat(results.findValuesAsText("framework")).containsOnly("onet");
        assertThat(results.findValuesAsText("code")).contains(SOFTWARE_DEVELOPERS);
        Http.Response skills = http.get("/api/skills/search?q=python&kind=skill&framework=esco");
        assertThat(skills.json().path("results").findValuesAsText("id")).contains(PYTHON);
        assertThat(skills.json().path("attribution").asText()).isEqualTo("/about");
        assertProblem(http.get("/api/skills/search?q=x&kind=job"), 400, "kind must be");
        assertProblem(http.get("/api/skills/search?kind=skill"), 400, "q is required");
        assertProblem(http.get("/api/skills/search?q=x&limit=0"), 400, "limit");
        assertProblem(http.get("/api/skills/search?q=x&framework=isco"), 400, "framework");
    }

    @Test
    void anOccupationListsItsRequiredSkillsByImportanceAndItsRelatedOccupations() {
        Http.Response r = http.get("/api/occupations/" + PROGRAMMERS);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode o = r.json();
        assertThat(o.path("id").asText()).isEqualTo("onet:occupation/15-1251.00");
        assertThat(o.path("label").asText()).isEqualTo("Computer Programmers");
        assertThat(find(o.path("requiredSkills"), PROGRAMMING).path("importance").asDouble()).isEqualTo(4.75);
        List<Double> weights = o.path("requiredSkills").findValues("weight").stream().map(JsonNode::asDouble).toList();
        assertThat(weights).isNotEmpty().isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(o.path("requiredSkills").findValuesAsText("skillId")).contains(PROGRAMMING);
        assertThat(o.path("relatedOccupations").size()).isPositive();
        // the ESCO URI, URL-encoded in the path
        Occupation esco = taxonomy.graph().requireOccupation(taxonomy.index()
                .search("software developer", SearchKind.OCCUPATION, Framework.ESCO, 1).get(0).id());
        Http.Response e = http.get("/api/occupations/" + SkillsJson.encode(esco.id()));
        assertThat(e.status()).as(e.body()).isEqualTo(200);
        assertThat(e.json().path("label").asText()).isEqualTo(esco.label());
        assertThat(e.json().path("requiredSkills").findValuesAsText("relevance")).contains("essential", "optional");
        assertProblem(http.get("/api/occupations/99-9999.00"), 404, "unknown occupation");
    }

    @Test
    void aProfileCountsValidCredentialsAndMarksExpiredOnesStale() {
        JsonNode issuer = issuer();
        JsonNode python = achievement(issuer, "Python", List.of(PYTHON, PROGRAMMING, SOFTWARE_DEVELOPERS), 40);
        JsonNode reading = achievement(issuer, "Reading", List.of("onet:element/2.A.1.a"), 10);
        JsonNode writing = achievement(issuer, "Writing", List.of("onet:element/2.A.1.d"), 10);
        String email = email();
        JsonNode valid = issue(issuer, python, email, "");
        JsonNode expired = issue(issuer, reading, email,
                ", \"validFrom\": \"2020-01-01T00:00:00Z\", \"validUntil\": \"2021-01-01T00:00:00Z\"");
        JsonNode revoked = issue(issuer, writing, email, "");
        assertThat(http.post("/api/issuers/" + slug(issuer) + "/credentials/" + revoked.path("id").asText()
                + "/revoke", token(issuer), "").status()).isEqualTo(200);
        ObjectNode tampered = valid.path("credential").deepCopy();
        ((ObjectNode) tampered.path("credentialSubject").path("achievement")).put("name", "Forged");
        ArrayNode list = (ArrayNode) Json.parse(credentials(valid, expired, revoked));
        list.add(tampered);
        Http.Response r = http.post("/api/skills/profile", null, "{\"credentials\": " + Json.write(list) + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode p = r.json();
        assertThat(p.path("skills").findValuesAsText("skillId")).containsExactlyInAnyOrder(PROGRAMMING, PYTHON,
                "onet:element/2.A.1.a");
        for (JsonNode s : p.path("skills")) {
            assertThat(s.path("state").asText()).isEqualTo(s.path("skillId").asText().equals("onet:element/2.A.1.a")
                    ? "stale" : "proven");
        }
        assertThat(p.path("skills").findValuesAsText("skillId")).doesNotContain("onet:occupation/15-1252.00");
        assertThat(p.path("ignored").findValuesAsText("status")).containsExactly("revoked", "invalid");
        assertThat(p.path("credentials").findValuesAsText("outcome"))
                .containsExactly("valid", "expired", "revoked", "tampered");
        assertThat(p.path("explanation").asText()).contains("2 skills proven", "1 stale");
        assertProblem(http.post("/api/skills/profile", null, "{\"credentials\": []}"), 400, "credentials is empty");
        assertProblem(http.post("/api/skills/profile", null, "{\"credentials\": [42]}"), 400, "credentials[0]");
        assertProblem(http.post("/api/skills/profile", null, "not json"), 400, "");
    }

    @Test
    void theGapShowsProvenStaleAndMissingRequiredSkills() {
        JsonNode issuer = issuer();
        JsonNode python = achievement(issuer, "Programming", List.of(PROGRAMMING), 40);
        JsonNode reading = achievement(issuer, "Reading", List.of("onet:element/2.A.1.a"), 10);
        String email = email();
        JsonNode valid = issue(issuer, python, email, "");
        JsonNode expired = issue(issuer, reading, email,
                ", \"validFrom\": \"2020-01-01T00:00:00Z\", \"validUntil\": \"2021-01-01T00:00:00Z\"");
        Http.Response r = http.post("/api/skills/gap", null, "{\"occupation\": \"" + PROGRAMMERS
                + "\", \"credentials\": " + credentials(valid, expired) + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode g = r.json();
        assertThat(g.path("occupation").path("label").asText()).isEqualTo("Computer Programmers");
        assertThat(g.path("closeness").asDouble()).isBetween(0.01, 0.99);
        assertThat(g.path("goalMet").asBoolean()).isFalse();
        assertThat(g.path("explanation").asText()).contains("of the way to Computer Programmers");
        JsonNode programming = find(g.path("skills"), PROGRAMMING);
        assertThat(programming.path("coverage").asText()).isEqualTo("proven");
        assertThat(programming.path("evidence").findValuesAsText("")).isEmpty();
        assertThat(programming.path("evidence").get(0).asText()).isEqualTo(valid.path("url").asText());
        assertThat(find(g.path("skills"), "onet:element/2.A.1.a").path("coverage").asText()).isEqualTo("stale");
        assertThat(g.path("counts").path("missing").asInt()).isPositive();
        // no credentials at all: everything is missing, and the answer says why
        Http.Response none = http.post("/api/skills/gap", null, "{\"occupation\": \"" + PROGRAMMERS + "\"}");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().path("closeness").asDouble()).isZero();
        assertThat(none.json().path("note").asText()).contains("No credentials were presented");
        assertProblem(http.post("/api/skills/gap", null, "{\"occupation\": \"99-9999.00\", \"credentials\": []}"),
                400, "unknown occupation");
        assertProblem(http.post("/api/skills/gap", null, "{\"credentials\": []}"), 400, "occupation is required");
    }

    static JsonNode find(JsonNode skills, String id) {
        for (JsonNode s : skills) {
            if (s.path("skillId").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no skill " + id + " in " + skills);
    }

    @Test
    void aPlanCoversTheGapAtLeastWorkloadRespectingPrerequisitesAcrossIssuers() {
        Occupation target = taxonomy.graph().requireOccupation(PROGRAMMERS);
        List<Requirement> required = new ArrayList<>(taxonomy.graph().requirements(target.id()).stream()
                .filter(r -> GapAnalyzer.weight(r) > 0 && r.skillId().startsWith("onet:element/")).toList());
        assertThat(required.size()).isGreaterThan(4);
        Requirement a = required.get(0);
        Requirement b = required.get(1);
        JsonNode academy = issuer();
        JsonNode college = issuer();
        // the academy: an introduction (prerequisite) and an advanced course teaching a and b at their levels
        Http.Response put = put("/api/issuers/" + slug(academy) + "/catalogue", token(academy), """
                [{"id": "intro", "name": "Introduction", "skills": [{"id": "%1$s", "level": 1}], "workloadHours": 10,
                  "cost": 100},
                 {"id": "advanced", "name": "Advanced <b>course</b>", "skills": [{"id": "%1$s", "level": 7},
                  {"id": "%2$s", "level": 7}], "workloadHours": 30, "cost": 900, "prerequisites": ["intro"]}]
                """.formatted(a.skillId(), b.skillId()));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().path("entries").asInt()).isEqualTo(2);
        // the college: two separate courses, together more workload but cheaper
        assertThat(put("/api/issuers/" + slug(college) + "/catalogue", token(college), """
                {"entries": [{"id": "a", "name": "Course A", "skills": [{"id": "%s", "level": 7}], "workloadHours": 25,
                  "cost": 200},
                 {"id": "b", "name": "Course B", "skills": [{"id": "%s", "level": 7}], "workloadHours": 25,
                  "cost": 200}]}
                """.formatted(a.skillId(), b.skillId())).status()).isEqualTo(200);
        Http.Response r = http.post("/api/pathways/plan", null, "{\"occupation\": \"" + PROGRAMMERS
                + "\", \"objective\": \"workload\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode plan = r.json().path("plan");
        List<String> names = stepNames(plan);
        assertThat(names).containsSubsequence("Introduction", "Advanced <b>course</b>");
        assertThat(names).doesNotContain("Course A", "Course B");
        assertThat(plan.path("totalCost").asDouble()).isEqualTo(40.0);
        assertThat(plan.path("optimality").asText()).isEqualTo("exact");
        assertThat(plan.path("optimal").asBoolean()).isTrue();
        JsonNode advanced = plan.path("steps").get(names.indexOf("Advanced <b>course</b>"));
        assertThat(advanced.path("reason").asText()).contains("covers 2 gap skills");
        assertThat(advanced.path("alternatives").findValuesAsText("name")).contains("Course A");
        assertThat(advanced.path("issuer").asText()).isEqualTo(slug(academy));
        assertThat(plan.path("steps").get(names.indexOf("Introduction")).path("reason").asText())
                .contains("prerequisite of");
        assertThat(plan.path("uncoverable").size()).isPositive();
        assertThat(plan.path("explanation").asText()).contains("taught by nothing in the catalogue");
        // by cost, the college's two courses win
        Http.Response byCost = http.post("/api/pathways/plan", null, "{\"occupation\": \"" + PROGRAMMERS
                + "\", \"objective\": \"cost\"}");
        assertThat(stepNames(byCost.json().path("plan")))
                .contains("Course A", "Course B").doesNotContain("Advanced <b>course</b>");
        assertThat(byCost.json().path("plan").path("totalCost").asDouble()).isEqualTo(400.0);
        assertProblem(http.post("/api/pathways/plan", null, "{\"occupation\": \"" + PROGRAMMERS
                + "\", \"objective\": \"fun\"}"), 400, "objective");
    }

    static List<String> stepNames(JsonNode plan) {
        List<String> out = new ArrayList<>();
        plan.path("steps").forEach(s -> out.add(s.path("name").asText()));
        return out;
    }

    @Test
    void aGoalAlreadyMetIsAnAnswerNotAnError() {
        Occupation smallest = taxonomy.graph().occupations().stream()
                .filter(o -> o.framework() == Framework.ESCO)
                .filter(o -> requiredCount(o) > 0)
                .min(Comparator.comparingLong(this::requiredCount).thenComparing(Occupation::id)).orElseThrow();
        List<String> skills = taxonomy.graph().requirements(smallest.id()).stream()
                .filter(r -> GapAnalyzer.weight(r) > 0).map(Requirement::skillId).toList();
        assertThat(skills.size()).isLessThanOrEqualTo(100);
        JsonNode issuer = issuer();
        JsonNode all = achievement(issuer, "Everything for " + smallest.label(), skills, 10);
        JsonNode held = issue(issuer, all, email(), "");
        Http.Response r = http.post("/api/pathways/plan", null, "{\"occupation\": \"" + smallest.id()
                + "\", \"credentials\": " + credentials(held) + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("goalMet").asBoolean()).isTrue();
        assertThat(r.json().path("explanation").asText()).startsWith("Goal already met");
        assertThat(r.json().path("plan").path("steps").size()).isZero();
        assertThat(r.json().path("gap").path("closeness").asDouble()).isEqualTo(1.0);
    }

    private long requiredCount(Occupation o) {
        return taxonomy.graph().requirements(o.id()).stream().filter(r -> GapAnalyzer.weight(r) > 0).count();
    }

    @Test
    void catalogueWritesNeedTheIssuersTokenAndRejectCyclesUnknownSkillsAndPrerequisites() {
        JsonNode issuer = issuer();
        JsonNode other = issuer();
        String path = "/api/issuers/" + slug(issuer) + "/catalogue";
        String one = "[{\"id\": \"x\", \"name\": \"X\", \"skills\": [\"" + PROGRAMMING + "\"], \"workloadHours\": 5}]";
        assertThat(put(path, null, one).status()).isEqualTo(401);
        assertThat(put(path, token(other), one).status()).isEqualTo(403);
        assertProblem(put(path, token(issuer), """
                [{"id": "a", "name": "A", "skills": ["%1$s"], "prerequisites": ["c"]},
                 {"id": "b", "name": "B", "skills": ["%1$s"], "prerequisites": ["a"]},
                 {"id": "c", "name": "C", "skills": ["%1$s"], "prerequisites": ["b"]}]
                """.formatted(PROGRAMMING)), 400, "prerequisite cycle: a -> c -> b -> a");
        assertProblem(put(path, token(issuer), "[{\"id\": \"a\", \"name\": \"A\", \"skills\": [\"2.Z.9\"]}]"), 400,
                "unknown skill \"2.Z.9\"");
        assertProblem(put(path, token(issuer), "[{\"id\": \"a\", \"name\": \"A\", \"skills\": [\"15-1252.00\"]}]"),
                400, "is an occupation");
        assertProblem(put(path, token(issuer), "[{\"id\": \"a\", \"name\": \"A\", \"skills\": [\"" + PROGRAMMING
                + "\"], \"prerequisites\": [\"nope\"]}]"), 400, "unknown prerequisite \"nope\"");
        assertProblem(put(path, token(issuer), "[{\"id\": \"a b\", \"name\": \"A\", \"skills\": [\"" + PROGRAMMING
                + "\"]}]"), 400, "entries[0].id");
        assertProblem(put(path, token(issuer), "[{\"id\": \"a\", \"name\": \"A\", \"skills\": [{\"id\": \""
                + PROGRAMMING + "\", \"level\": 9}]}]"), 400, "level must be an integer 0..7");
        assertThat(http.get(path).json().path("catalogue").size()).isZero();
        assertThat(put(path, token(issuer), one).status()).isEqualTo(200);
        assertThat(http.get(path).json().path("catalogue").findValuesAsText("name")).containsExactly("X");
    }

    @Test
    void holdingEveryPartOfAPathwayIssuesItsMilestoneOnceAndTheClrSaysWhatIsPartOfWhat() {
        JsonNode issuer = issuer();
        JsonNode partA = achievement(issuer, "Part A", List.of(PROGRAMMING), 10);
        JsonNode partB = achievement(issuer, "Part B", List.of("onet:element/2.A.1.a"), 10);
        JsonNode milestone = achievement(issuer, "Milestone D", List.of(PROGRAMMING), null);
        String pathways = "/api/issuers/" + slug(issuer) + "/pathways";
        String body = """
                {"name": "Track", "milestone": "%s", "parts": ["%s", "%s"]}
                """.formatted(milestone.path("id").asText(), partA.path("id").asText(), partB.path("id").asText());
        assertThat(http.post(pathways, null, body).status()).isEqualTo(401);
        Http.Response created = http.post(pathways, token(issuer), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("associations").findValuesAsText("associationType"))
                .containsExactly("isPartOf", "isPartOf");
        assertThat(created.json().path("associations").findValuesAsText("targetId"))
                .containsOnly(milestone.path("achievement").path("id").asText());
        // D -> A -> D: refused, named
        assertProblem(http.post(pathways, token(issuer), """
                {"name": "Loop", "milestone": "%s", "parts": ["%s"]}
                """.formatted(partA.path("id").asText(), milestone.path("id").asText())), 400, "milestone cycle");
        assertProblem(http.post(pathways, token(issuer), """
                {"name": "Self", "milestone": "%s", "parts": ["%1$s"]}
                """.formatted(milestone.path("id").asText())), 400, "its own parts");

        String email = email();
        String hash = new Issuance.Recipient(email, null).hash();
        issue(issuer, partA, email, "");
        assertThat(milestones(hash, milestone)).isZero();
        issue(issuer, partB, email, "");
        assertThat(milestones(hash, milestone)).isEqualTo(1);
        issue(issuer, partB, email, "");
        assertThat(milestones(hash, milestone)).isEqualTo(1);
        String other = email();
        issue(issuer, partB, other, "");
        assertThat(milestones(new Issuance.Recipient(other, null).hash(), milestone)).isZero();
        // the milestone credential verifies like any other
        var d = server.platform().db().read(c -> server.platform().store().credentials().byRecipient(c, hash))
                .stream().filter(k -> milestone.path("id").asText().equals(k.achievementId())).findFirst()
                .orElseThrow();
        assertThat(server.platform().verification().verify(Json.parseObject(d.document())).outcome().label())
                .isEqualTo("valid");

        Http.Response clr = http.get("/api/issuers/" + slug(issuer) + "/recipients/" + hash + "/clr",
                "Authorization", "Bearer " + token(issuer));
        assertThat(clr.status()).as(clr.body()).isEqualTo(200);
        JsonNode c = clr.json();
        assertThat(c.path("type").findValuesAsText("")).isEmpty();
        assertThat(c.path("type").toString()).contains("ClrCredential");
        assertThat(c.path("proof").path("cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
        assertThat(c.path("credentialSubject").path("verifiableCredential").size()).isEqualTo(4);
        assertThat(c.path("credentialSubject").path("association").findValuesAsText("sourceId"))
                .containsExactlyInAnyOrder(partA.path("achievement").path("id").asText(),
                        partB.path("achievement").path("id").asText());
        Http.Response verified = http.post("/api/verify", null, clr.body());
        assertThat(verified.json().path("outcome").asText()).as(verified.body()).isEqualTo("valid");
        ObjectNode forged = c.deepCopy();
        ((ArrayNode) forged.path("credentialSubject").path("association")).remove(0);
        assertThat(http.post("/api/verify", null, Json.write(forged)).json().path("outcome").asText())
                .isEqualTo("tampered");
        assertThat(http.get("/api/issuers/" + slug(issuer) + "/recipients/" + hash + "/clr").status()).isEqualTo(401);
        assertProblem(http.get("/api/issuers/" + slug(issuer) + "/recipients/" + "0".repeat(64) + "/clr",
                "Authorization", "Bearer " + token(issuer)), 404, "no current credential");
    }

    /** Posts a form as a visitor's browser does: after getting the page, with its CSRF token. */
    Http.Response form(String path, String... pairs) {
        WebUser visitor = new WebUser(server.baseUrl());
        visitor.get(path);
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return visitor.post(path, fields);
    }

    @Test
    void skillsPagesSearchAndDrawOccupationsWithTheAttributionInTheirFooter() {
        Http.Response search = http.get("/skills?q=computer+programmer&kind=occupation");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(search.body()).contains("href=\"/occupations/onet%3Aoccupation%2F15-1251.00\"")
                .contains("Computer Programmers").contains("href=\"/about\"");
        Http.Response occupation = http.get("/occupations/" + PROGRAMMERS);
        assertThat(occupation.status()).isEqualTo(200);
        assertThat(occupation.body()).contains("<svg").contains("Required skills by importance")
                .contains(">Programming</text>").contains("importance 4.8, level 4.9").contains("href=\"/about\"")
                .contains("/skills/plan?occupation=onet%3Aoccupation%2F15-1251.00");
        String esco = taxonomy.index().search("software developer", SearchKind.OCCUPATION, Framework.ESCO, 1).get(0).id();
        Http.Response e = http.get(dev.microcred.server.skills.SkillsPages.occupationHref(esco));
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.body()).contains(">essential</text>");
        assertThat(http.get("/occupations/99-9999.00").status()).isEqualTo(404);
        Http.Response about = http.get("/about");
        assertThat(about.body()).contains("This service uses the ESCO classification of the European Commission.")
                .contains("O*NET 29.2 Database");
    }

    @Test
    void skillsPagesShowTheVisitorsHeaderMenuLikeEveryOtherPage() {
        String email = "menu-" + UUID.randomUUID() + "@skills.example";
        String password = "correct horse battery staple";
        server.platform().accounts().signUp(email, "Menu Learner", password.toCharArray(), Roles.LEARNER);
        WebUser learner = WebUser.signedIn(server.baseUrl(), email, password, false);
        for (String path : List.of("/skills", "/occupations/" + PROGRAMMERS, "/skills/plan", "/about")) {
            Http.Response page = learner.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("id=\"account-menu\"").contains("Menu Learner")
                    .contains("href=\"/wallet\"").contains("href=\"/about\"").doesNotContain("href=\"/login\"");
        }
        assertThat(http.get("/skills").body()).contains("href=\"/signup\"");
    }

    @Test
    void thePlanPageDrawsTheProfileGapAndPathwayAndEscapesEveryTextField() {
        JsonNode issuer = http.post("/api/issuers", ADMIN, """
                {"slug": "x-%s", "name": "<script>alert('issuer')</script>", "didMethod": "key"}
                """.formatted(UUID.randomUUID().toString().substring(0, 8))).json();
        JsonNode ach = achievement(issuer, "<script>alert('ach')</script>", List.of(PYTHON, "onet:element/2.A.1.a"), 5);
        JsonNode held = issue(issuer, ach, email(), "");
        JsonNode stale = issue(issuer, achievement(issuer, "Old", List.of("onet:element/2.A.1.d"), 5), email(),
                ", \"validFrom\": \"2020-01-01T00:00:00Z\", \"validUntil\": \"2021-01-01T00:00:00Z\"");
        assertThat(put("/api/issuers/" + slug(issuer) + "/catalogue", token(issuer), """
                [{"id": "x", "name": "<img src=x onerror=alert('entry')>", "skills": [{"id": "%s", "level": 7}],
                  "workloadHours": 0.5}]
                """.formatted(PROGRAMMING)).status()).isEqualTo(200);
        String pasted = credentials(held, stale);
        Http.Response r = form("/skills/plan", "occupation", PROGRAMMERS, "credentials", pasted,
                "objective", "workload");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String page = r.body();
        assertThat(page).doesNotContain("<script>alert", "<img src=x");
        assertThat(page).contains("&lt;script&gt;alert(&#39;ach&#39;)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(&#39;entry&#39;)&gt;")
                .contains("&lt;script&gt;alert(&#39;issuer&#39;)&lt;/script&gt;");
        assertThat(page).contains("Your skills profile").contains("data-part=\"proven\"").contains("data-part=\"stale\"")
                .contains("Gap toward Computer Programmers").contains("id=\"gap-explanation\"")
                .contains("Learning pathway").contains("optimality: ").contains("href=\"/about\"");
        // the pasted credentials come back escaped in the text area
        assertThat(page).contains(Json.write(held.path("credential")).substring(0, 20).replace("\"", "&quot;"));
        // hostile query parameters and form values are text, never markup
        Http.Response q = http.get("/skills?q=%3Cscript%3Ealert(1)%3C/script%3E");
        assertThat(q.body()).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        Http.Response bad = form("/skills/plan", "occupation", "<script>alert(2)</script>", "credentials", "");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).doesNotContain("<script>alert(2)").contains("unknown occupation")
                .contains("&lt;script&gt;alert(2)&lt;/script&gt;");
        Http.Response missing = http.get("/occupations/%3Cscript%3Ealert(3)%3C%2Fscript%3E");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).doesNotContain("<script>alert(3)");
        Http.Response garbage = form("/skills/plan", "occupation", PROGRAMMERS, "credentials", "[{\"not\": ");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body()).contains("id=\"error\"");
    }

    private long milestones(String hash, JsonNode milestone) {
        return server.platform().db().read(c -> server.platform().store().credentials().byRecipient(c, hash))
                .stream().filter(k -> milestone.path("id").asText().equals(k.achievementId())).count();
    }
}
