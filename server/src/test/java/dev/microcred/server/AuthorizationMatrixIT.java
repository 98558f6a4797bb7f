package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.accounts.Roles;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.server.issuing.Scopes;
import dev.microcred.store.Issuer;
import dev.microcred.store.Membership;
import dev.microcred.store.StoredAchievement;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every endpoint × every role: anonymous, learners A and B, staff of issuers X and Y, the platform admin (signed in
 * on the web, with the platform token on the APIs), API tokens of X and of Y, and employers E and F (the verifier
 * role). The resources belong to issuer X, learner A and employer E, so Y's staff and token, learner B and employer F
 * try other people's. A row written with eight statuses (before employers existed) expects of the employers what it
 * expects of learner B: a signed-in account that owns nothing there. The table must name every route the
 * server registers: adding an endpoint without a row fails {@link #everyRegisteredRouteHasARow}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {
    static final String ADMIN_TOKEN = "admin-token-for-the-authorization-matrix-0123";
    static final String PASSWORD = "matrix password 123";

    enum Role { ANONYMOUS, LEARNER_A, LEARNER_B, STAFF_X, STAFF_Y, PLATFORM_ADMIN, TOKEN_X, TOKEN_Y, EMPLOYER_E,
        EMPLOYER_F }

    /** One endpoint, a way to call it as a role, and the status each role must get. */
    record Row(String method, String template, BiFunction<Caller, Role, Http.Response> call, Map<Role, Integer> expect) {
    }

    MicrocredServer server;
    String url;
    Platform p;
    Issuer x;
    Issuer y;
    String tokenX;
    String tokenY;
    StoredAchievement achievementX;
    StoredAchievement achievementY;
    String credentialX;
    final Map<Role, WebUser> users = new EnumMap<>(Role.class);
    final Map<Role, String> emails = new EnumMap<>(Role.class);

    @BeforeAll
    void start() throws Exception {
        url = TestDatabases.h2();
        server = MicrocredServer.start(Config.defaults().withPort(0).withDataDirectory(
                Files.createTempDirectory("microcred-matrix")).withDatabaseUrl(url)
                .withKeyEncryptionKey(KeyEncryptionKey.generate()).withAdminToken(ADMIN_TOKEN));
        p = server.platform();
        // the skills routes answer 503 until the ESCO/O*NET taxonomy has loaded
        dev.microcred.server.skills.TaxonomyLoader.shared().start().await(java.time.Duration.ofMinutes(3));
        x = p.issuers().create(new IssuerRegistry.NewIssuer("matrix-x", "Issuer X", null, null, null, "web"));
        y = p.issuers().create(new IssuerRegistry.NewIssuer("matrix-y", "Issuer Y", null, null, null, "key"));
        tokenX = p.tokens().create(x.id(), "x", Scopes.ISSUER_ALL).secret();
        tokenY = p.tokens().create(y.id(), "y", Scopes.ISSUER_ALL).secret();
        Map<Role, String> roles = Map.of(Role.LEARNER_A, Roles.LEARNER, Role.LEARNER_B, Roles.LEARNER,
                Role.STAFF_X, Roles.ISSUER_ADMIN, Role.STAFF_Y, Roles.ISSUER_ADMIN, Role.PLATFORM_ADMIN,
                Roles.PLATFORM_ADMIN, Role.EMPLOYER_E, Roles.VERIFIER, Role.EMPLOYER_F, Roles.VERIFIER);
        for (Role r : Role.values()) {
            String email = r.name().toLowerCase().replace('_', '-') + "@matrix.example";
            emails.put(r, email);
            if (roles.containsKey(r)) {
                p.accounts().signUp(email, r.name(), PASSWORD.toCharArray(), roles.get(r));
            }
        }
        p.accounts().addMember(x, emails.get(Role.STAFF_X), Membership.STAFF);
        p.accounts().addMember(y, emails.get(Role.STAFF_Y), Membership.STAFF);
        achievementX = p.achievements().create(x, achievementRequest("Matrix X"));
        achievementY = p.achievements().create(y, achievementRequest("Matrix Y"));
        credentialX = freshCredential();
        for (Role r : Role.values()) {
            users.put(r, login(r));
        }
    }

    WebUser login(Role r) {
        if (r == Role.ANONYMOUS || r == Role.TOKEN_X || r == Role.TOKEN_Y) {
            WebUser u = new WebUser(server.baseUrl(), false);
            u.get("/login");
            return u;
        }
        return WebUser.signedIn(server.baseUrl(), emails.get(r), PASSWORD, false);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static ObjectNode achievementRequest(String name) {
        return Json.parseObject("""
                {"name": "%s", "description": "d", "criteria": "c", "eqfLevel": 4}
                """.formatted(name));
    }

    String freshCredential() {
        return p.issuance().issue(x, achievementX, new Issuance.Recipient(emails.get(Role.LEARNER_A), null), null,
                null).stored().id();
    }

    /** The claim link path of a fresh credential of learner A. */
    String freshClaim() {
        String claimUrl = p.issuance().issue(x, achievementX, new Issuance.Recipient(emails.get(Role.LEARNER_A), null),
                null, null).claimUrl();
        return claimUrl.substring(claimUrl.indexOf("/claim/"));
    }

    /** The id of a credential learner A imported. */
    String importedByA() {
        String account = p.db().read(c -> p.store().accounts().byEmail(c, emails.get(Role.LEARNER_A))).orElseThrow()
                .id();
        String id = UUID.randomUUID().toString();
        String document = p.db().read(c -> p.store().credentials().byId(c, credentialX)).orElseThrow().document();
        p.db().inTransaction(c -> {
            p.store().walletImports().insert(c, new dev.microcred.store.WalletImport(id, account, document, "json",
                    "Imported", "Issuer X", "valid", p.clock().instant()));
            return null;
        });
        return id;
    }

    /** The share link path of a fresh credential of learner A that A made public. */
    String sharedLink() {
        String id = freshCredential();
        String account = p.db().read(c -> p.store().accounts().byEmail(c, emails.get(Role.LEARNER_A))).orElseThrow()
                .id();
        String token = "share_matrix_" + UUID.randomUUID();
        p.db().inTransaction(c -> {
            p.store().walletShares().put(c, new dev.microcred.store.WalletShare(id, account,
                    dev.microcred.store.WalletShare.PUBLIC, token, p.clock().instant()));
            return null;
        });
        return "/share/" + token;
    }

    /** A validated bulk job of issuer X (one row), nothing issued. */
    String freshBulkJob() {
        return p.bulk().preview(x, achievementX.id(), ("email\nbulk-" + UUID.randomUUID() + "@example.org\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).id();
    }

    /** A bulk job of issuer X that is done: its event stream sends the final state and ends. */
    String doneBulkJob() {
        String job = freshBulkJob();
        p.bulk().start(x, job);
        for (int i = 0; i < 600 && !p.bulk().job(x, job).isFinished(); i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return job;
    }

    String freshAchievement() {
        return p.achievements().create(x, achievementRequest("Fresh " + UUID.randomUUID())).id();
    }

    /** Calls an endpoint as a role: web routes with the role's browser session, APIs with the role's token. */
    final class Caller {
        WebUser user(Role r) {
            return users.get(r);
        }

        Http.Response web(Role r, String path) {
            return user(r).send(bearer(r, user(r).request(path)).GET().build());
        }

        Http.Response form(Role r, String path, Map<String, String> fields) {
            user(r).get("/login");
            Map<String, String> all = new HashMap<>(fields);
            all.put("csrf", user(r).csrf());
            StringBuilder body = new StringBuilder();
            all.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                    .append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return user(r).send(bearer(r, user(r).request(path)).header("Content-Type",
                    "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build());
        }

        /** A session JSON API call ({@code /api/me/...}, {@code /api/employer/...}) with the CSRF header. */
        Http.Response session(Role r, String method, String path, String json) {
            user(r).get("/login");
            HttpRequest.Builder b = user(r).request(path).header("Content-Type", "application/json")
                    .header("X-CSRF-Token", user(r).csrf());
            b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
            return user(r).send(b.build());
        }

        Http.Response api(Role r, String method, String path, String json) {
            HttpRequest.Builder b = bearer(r, user(r).request(path)).header("Content-Type", "application/json");
            String token = r == Role.PLATFORM_ADMIN ? ADMIN_TOKEN : null;
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
            return user(r).send(b.build());
        }

        /** A raw body with its media type, with the role's token (media: achievement images). */
        Http.Response raw(Role r, String method, String path, String contentType, byte[] body) {
            HttpRequest.Builder b = bearer(r, user(r).request(path)).header("Content-Type", contentType);
            if (r == Role.PLATFORM_ADMIN) {
                b.header("Authorization", "Bearer " + ADMIN_TOKEN);
            }
            return user(r).send(b.method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build());
        }

        /** A multipart form with a file part {@code file}, as the role's browser session. */
        Http.Response upload(Role r, String path, Map<String, String> fields, byte[] file) {
            user(r).get("/login");
            return WalletContract.upload(user(r), path, fields, "matrix.csv", file);
        }

        private HttpRequest.Builder bearer(Role r, HttpRequest.Builder b) {
            if (r == Role.TOKEN_X) {
                b.header("Authorization", "Bearer " + tokenX);
            } else if (r == Role.TOKEN_Y) {
                b.header("Authorization", "Bearer " + tokenY);
            }
            return b;
        }
    }

    /** Statuses in {@link Role} order; with eight, the employers get learner B's. */
    static Map<Role, Integer> expect(int... statuses) {
        Map<Role, Integer> m = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            m.put(r, r.ordinal() < statuses.length ? statuses[r.ordinal()] : statuses[Role.LEARNER_B.ordinal()]);
        }
        return m;
    }

    static Map<Role, Integer> all(int status) {
        return expect(status, status, status, status, status, status, status, status, status, status);
    }

    List<Row> rows() {
        String cx = "/console/" + x.slug();
        String ax = "/api/issuers/" + x.slug();
        String vc = Json.write(Json.parse(p.db().read(c -> p.store().credentials().byId(c, credentialX))
                .orElseThrow().document()));
        String vcalmBody = """
                {"credential": {"@context": ["https://www.w3.org/ns/credentials/v2",
                  "https://www.w3.org/ns/credentials/examples/v2"], "type": ["VerifiableCredential"],
                  "credentialSubject": {"id": "did:example:matrix"}}}
                """;
        // Role order: ANONYMOUS, LEARNER_A, LEARNER_B, STAFF_X, STAFF_Y, PLATFORM_ADMIN, TOKEN_X, TOKEN_Y
        Map<Role, Integer> public200 = all(200);
        Map<Role, Integer> staffPage = expect(401, 403, 403, 200, 403, 200, 401, 401);
        Map<Role, Integer> staffAction = expect(401, 403, 403, 303, 403, 303, 401, 401);
        Map<Role, Integer> staffConflict = expect(401, 403, 403, 409, 403, 409, 401, 401);
        Map<Role, Integer> signedIn = expect(401, 200, 200, 200, 200, 200, 401, 401);
        Map<Role, Integer> adminPage = expect(401, 403, 403, 403, 403, 200, 401, 401);
        Map<Role, Integer> tokenRead = expect(401, 401, 401, 401, 401, 200, 200, 403);
        Map<Role, Integer> tokenCreate = expect(401, 401, 401, 401, 401, 201, 201, 403);
        Map<Role, Integer> tokenConflict = expect(401, 401, 401, 401, 401, 409, 409, 403);
        List<Row> rows = new ArrayList<>();
        // public pages and documents
        rows.add(new Row("GET", "/", (c, r) -> c.web(r, "/"), public200));
        // the skills API and pages: public (nothing is stored), but catalogues and pathways need the issuer's token
        String occupation = "onet:occupation/15-1251.00";
        String analysis = "{\"credentials\": [" + vc + "], \"occupation\": \"" + occupation + "\"}";
        rows.add(new Row("GET", "/api/skills/search", (c, r) -> c.api(r, "GET", "/api/skills/search?q=python", null),
                public200));
        rows.add(new Row("GET", "/api/occupations/<id>", (c, r) -> c.api(r, "GET", "/api/occupations/"
                + java.net.URLEncoder.encode(occupation, java.nio.charset.StandardCharsets.UTF_8), null), public200));
        rows.add(new Row("POST", "/api/skills/profile", (c, r) -> c.api(r, "POST", "/api/skills/profile",
                "{\"credentials\": [" + vc + "]}"), public200));
        rows.add(new Row("POST", "/api/skills/gap", (c, r) -> c.api(r, "POST", "/api/skills/gap", analysis),
                public200));
        rows.add(new Row("POST", "/api/pathways/plan", (c, r) -> c.api(r, "POST", "/api/pathways/plan", analysis),
                public200));
        rows.add(new Row("PUT", "/api/issuers/{slug}/catalogue", (c, r) -> c.api(r, "PUT", ax + "/catalogue", """
                [{"id": "matrix-course", "name": "Matrix course", "skills": ["onet:element/2.B.3.e"],
                  "workloadHours": 10}]
                """), expect(401, 401, 401, 401, 401, 200, 200, 403)));
        rows.add(new Row("GET", "/api/issuers/{slug}/catalogue", (c, r) -> c.api(r, "GET", ax + "/catalogue", null),
                public200));
        rows.add(new Row("POST", "/api/issuers/{slug}/pathways", (c, r) -> c.api(r, "POST", ax + "/pathways",
                "{\"name\": \"Matrix track\", \"milestone\": \"" + freshAchievement() + "\", \"parts\": [\""
                        + achievementX.id() + "\"]}"), expect(401, 401, 401, 401, 401, 201, 201, 403)));
        rows.add(new Row("GET", "/api/issuers/{slug}/pathways", (c, r) -> c.api(r, "GET", ax + "/pathways", null),
                public200));
        rows.add(new Row("GET", "/api/issuers/{slug}/recipients/{ref}/clr", (c, r) -> c.api(r, "GET", ax
                + "/recipients/" + new Issuance.Recipient(emails.get(Role.LEARNER_A), null).hash() + "/clr", null),
                expect(401, 401, 401, 401, 401, 200, 200, 403)));
        rows.add(new Row("GET", "/skills", (c, r) -> c.web(r, "/skills?q=python"), public200));
        rows.add(new Row("GET", "/occupations/<id>", (c, r) -> c.web(r, "/occupations/"
                + java.net.URLEncoder.encode(occupation, java.nio.charset.StandardCharsets.UTF_8)), public200));
        rows.add(new Row("GET", "/skills/plan", (c, r) -> c.web(r, "/skills/plan"), public200));
        rows.add(new Row("POST", "/skills/plan", (c, r) -> c.form(r, "/skills/plan", Map.of("credentials", vc,
                "occupation", occupation, "objective", "workload")), public200));
        rows.add(new Row("GET", "/about", (c, r) -> c.web(r, "/about"), public200));
        rows.add(new Row("GET", "/healthz", (c, r) -> c.web(r, "/healthz"), public200));
        rows.add(new Row("GET", "/readyz", (c, r) -> c.web(r, "/readyz"), public200));
        rows.add(new Row("GET", "/credentials/{id}", (c, r) -> c.web(r, "/credentials/" + credentialX), public200));
        rows.add(new Row("GET", "/credentials/{id}/credential.json",
                (c, r) -> c.web(r, "/credentials/" + credentialX + "/credential.json"), public200));
        rows.add(new Row("GET", "/verify", (c, r) -> c.web(r, "/verify"), public200));
        rows.add(new Row("POST", "/verify", (c, r) -> c.form(r, "/verify", Map.of("credential", vc)), public200));
        rows.add(new Row("GET", "/issuers/{slug}/did.json", (c, r) -> c.web(r, "/issuers/" + x.slug() + "/did.json"),
                all(200)));
        rows.add(new Row("GET", "/issuers/{slug}/status/{purpose}/{seq}",
                (c, r) -> c.web(r, "/issuers/" + x.slug() + "/status/revocation/1"), public200));
        rows.add(new Row("GET", "/issuers/{slug}/achievements/{id}",
                (c, r) -> c.web(r, "/issuers/" + x.slug() + "/achievements/" + achievementX.id()), public200));
        rows.add(new Row("GET", "/api/issuers", (c, r) -> c.api(r, "GET", "/api/issuers", null), public200));
        rows.add(new Row("GET", "/api/issuers/{slug}", (c, r) -> c.api(r, "GET", ax, null), public200));
        rows.add(new Row("GET", "/api/issuers/{slug}/achievements",
                (c, r) -> c.api(r, "GET", ax + "/achievements", null), public200));
        rows.add(new Row("POST", "/api/verify", (c, r) -> c.api(r, "POST", "/api/verify", vc), public200));
        // the machine APIs: bearer tokens only, scoped to their issuer
        rows.add(new Row("POST", "/api/issuers", (c, r) -> c.api(r, "POST", "/api/issuers",
                "{\"slug\": \"m-" + UUID.randomUUID().toString().substring(0, 8) + "\", \"name\": \"M\"}"),
                expect(401, 401, 401, 401, 401, 201, 403, 403)));
        rows.add(new Row("POST", "/api/issuers/{slug}/achievements", (c, r) -> c.api(r, "POST", ax + "/achievements",
                Json.write(achievementRequest("Api"))), tokenCreate));
        rows.add(new Row("POST", "/api/issuers/{slug}/credentials", (c, r) -> c.api(r, "POST", ax + "/credentials",
                "{\"achievementId\": \"" + achievementX.id() + "\", \"recipient\": {\"email\": \"m@example.org\"}}"),
                tokenCreate));
        rows.add(new Row("GET", "/api/issuers/{slug}/credentials", (c, r) -> c.api(r, "GET", ax + "/credentials",
                null), tokenRead));
        rows.add(new Row("GET", "/api/issuers/{slug}/credentials/{id}", (c, r) -> c.api(r, "GET", ax
                + "/credentials/" + credentialX, null), tokenRead));
        rows.add(new Row("GET", "/api/issuers/{slug}/credentials/{id}", (c, r) -> c.api(r, "GET", "/api/issuers/"
                + y.slug() + "/credentials/" + credentialX, null), expect(401, 401, 401, 401, 401, 404, 403, 404)));
        rows.add(new Row("POST", "/api/issuers/{slug}/credentials/{id}/revoke", (c, r) -> c.api(r, "POST", ax
                + "/credentials/" + freshCredential() + "/revoke", "{\"reason\": \"matrix\"}"), tokenRead));
        rows.add(new Row("POST", "/api/issuers/{slug}/credentials/{id}/suspend", (c, r) -> c.api(r, "POST", ax
                + "/credentials/" + credentialX + "/suspend", null), tokenConflict));
        rows.add(new Row("POST", "/api/issuers/{slug}/credentials/{id}/unsuspend", (c, r) -> c.api(r, "POST", ax
                + "/credentials/" + credentialX + "/unsuspend", null), tokenConflict));
        // renewal (issue 3 §9): the issuing scope of the credential's issuer; another issuer's credential is 404
        rows.add(new Row("POST", "/api/issuers/{slug}/credentials/{id}/renew", (c, r) -> c.api(r, "POST", ax
                + "/credentials/" + freshCredential() + "/renew", null), tokenCreate));
        rows.add(new Row("POST", "/api/issuers/{slug}/credentials/{id}/renew", (c, r) -> c.api(r, "POST",
                "/api/issuers/" + y.slug() + "/credentials/" + freshCredential() + "/renew", null),
                expect(401, 401, 401, 401, 401, 404, 403, 404)));
        // signing keys (platform-ops): public list; rotation by the issuer's token, did:key issuers answer 409
        rows.add(new Row("GET", "/api/issuers/{slug}/keys", (c, r) -> c.api(r, "GET", ax + "/keys", null), public200));
        rows.add(new Row("POST", "/api/issuers/{slug}/keys/rotate", (c, r) -> c.api(r, "POST", ax + "/keys/rotate",
                null), expect(401, 401, 401, 401, 401, 201, 201, 403)));
        rows.add(new Row("POST", "/api/issuers/{slug}/keys/rotate", (c, r) -> c.api(r, "POST", "/api/issuers/"
                + y.slug() + "/keys/rotate", null), expect(401, 401, 401, 401, 401, 409, 403, 409)));
        rows.add(new Row("GET", "/api/admin/outbox", (c, r) -> c.api(r, "GET", "/api/admin/outbox", null),
                expect(401, 401, 401, 401, 401, 200, 403, 403)));
        rows.add(new Row("POST", "/issuers/{slug}/vcalm/credentials/issue", (c, r) -> c.api(r, "POST", "/issuers/"
                + x.slug() + "/vcalm/credentials/issue", vcalmBody), tokenCreate));
        rows.add(new Row("POST", "/issuers/{slug}/vcalm/credentials/verify", (c, r) -> c.api(r, "POST", "/issuers/"
                + x.slug() + "/vcalm/credentials/verify", "{\"verifiableCredential\": " + vc + "}"), tokenRead));
        // accounts
        rows.add(new Row("GET", "/login", (c, r) -> c.web(r, "/login"), public200));
        rows.add(new Row("POST", "/login", (c, r) -> c.form(r, "/login", Map.of("email", "nobody-" + UUID.randomUUID()
                + "@matrix.example", "password", "wrong password")), all(401)));
        rows.add(new Row("GET", "/signup", (c, r) -> c.web(r, "/signup"), public200));
        rows.add(new Row("GET", "/password/forgot", (c, r) -> c.web(r, "/password/forgot"), public200));
        rows.add(new Row("POST", "/password/forgot", (c, r) -> c.form(r, "/password/forgot",
                Map.of("email", "nobody@matrix.example")), public200));
        rows.add(new Row("GET", "/password/reset/{token}", (c, r) -> c.web(r, "/password/reset/reset_unknown"),
                all(404)));
        rows.add(new Row("POST", "/password/reset/{token}", (c, r) -> c.form(r, "/password/reset/reset_unknown",
                Map.of("password", "another password 1")), all(404)));
        rows.add(new Row("GET", "/account", (c, r) -> c.web(r, "/account"), signedIn));
        rows.add(new Row("GET", "/admin", (c, r) -> c.web(r, "/admin"), adminPage));
        rows.add(new Row("POST", "/admin/memberships", (c, r) -> c.form(r, "/admin/memberships", Map.of("issuer",
                y.slug(), "email", emails.get(Role.STAFF_Y), "role", "staff")),
                expect(401, 403, 403, 403, 403, 303, 401, 401)));
        rows.add(new Row("GET", "/admin/outbox", (c, r) -> c.web(r, "/admin/outbox"), adminPage));
        // chain anchoring (not configured on this server: the platform admin is told so with 409)
        rows.add(new Row("GET", "/api/admin/tlog/anchors", (c, r) -> c.api(r, "GET", "/api/admin/tlog/anchors", null),
                expect(401, 401, 401, 401, 401, 200, 403, 403)));
        rows.add(new Row("POST", "/api/admin/tlog/anchor", (c, r) -> c.api(r, "POST", "/api/admin/tlog/anchor", null),
                expect(401, 401, 401, 401, 401, 409, 403, 403)));
        rows.add(new Row("GET", "/admin/anchors", (c, r) -> c.web(r, "/admin/anchors"), adminPage));
        rows.add(new Row("POST", "/admin/anchors", (c, r) -> c.form(r, "/admin/anchors", Map.of()),
                expect(401, 403, 403, 403, 403, 409, 401, 401)));
        // the issuer console (issuer X's)
        rows.add(new Row("GET", "/console", (c, r) -> c.web(r, "/console"), signedIn));
        rows.add(new Row("GET", "/console/{slug}", (c, r) -> c.web(r, cx), staffPage));
        rows.add(new Row("GET", "/console/{slug}/achievements", (c, r) -> c.web(r, cx + "/achievements"), staffPage));
        rows.add(new Row("GET", "/console/{slug}/achievements/new", (c, r) -> c.web(r, cx + "/achievements/new"),
                staffPage));
        rows.add(new Row("POST", "/console/{slug}/achievements", (c, r) -> c.form(r, cx + "/achievements", Map.of(
                "name", "Console", "description", "d", "criteria", "c")), staffAction));
        rows.add(new Row("GET", "/console/{slug}/achievements/{id}/edit", (c, r) -> c.web(r, cx + "/achievements/"
                + achievementX.id() + "/edit"), staffPage));
        rows.add(new Row("GET", "/console/{slug}/achievements/{id}/edit", (c, r) -> c.web(r, "/console/" + y.slug()
                + "/achievements/" + achievementX.id() + "/edit"), expect(401, 403, 403, 403, 404, 404, 401, 401)));
        rows.add(new Row("POST", "/console/{slug}/achievements/{id}", (c, r) -> c.form(r, cx + "/achievements/"
                + achievementX.id(), Map.of("name", "Matrix X", "description", "d", "criteria", "c")), staffAction));
        rows.add(new Row("POST", "/console/{slug}/achievements/{id}/archive", (c, r) -> c.form(r, cx
                + "/achievements/" + freshAchievement() + "/archive", Map.of()), staffAction));
        // media: achievement images (upload by staff or the issuer's token, served publicly)
        byte[] badge = MediaContract.SVG_BADGE.getBytes(StandardCharsets.UTF_8);
        rows.add(new Row("POST", "/console/{slug}/achievements/{id}/image", (c, r) -> c.upload(r, cx
                + "/achievements/" + freshAchievement() + "/image", Map.of(), badge), staffAction));
        rows.add(new Row("POST", "/console/{slug}/achievements/{id}/image", (c, r) -> c.upload(r, "/console/"
                + y.slug() + "/achievements/" + freshAchievement() + "/image", Map.of(), badge),
                expect(401, 403, 403, 403, 404, 404, 401, 401)));
        rows.add(new Row("PUT", "/api/issuers/{slug}/achievements/{id}/image", (c, r) -> c.raw(r, "PUT", ax
                + "/achievements/" + freshAchievement() + "/image", "image/svg+xml", badge),
                expect(401, 401, 401, 401, 401, 200, 200, 403)));
        rows.add(new Row("PUT", "/api/issuers/{slug}/achievements/{id}/image", (c, r) -> c.raw(r, "PUT", "/api/issuers/"
                + y.slug() + "/achievements/" + freshAchievement() + "/image", "image/svg+xml", badge),
                expect(401, 401, 401, 401, 401, 404, 403, 404)));
        rows.add(new Row("GET", "/issuers/{slug}/achievements/{id}/image", (c, r) -> {
            String id = freshAchievement();
            p.achievements().setImage(x, id, badge, "image/svg+xml");
            return c.web(r, "/issuers/" + x.slug() + "/achievements/" + id + "/image");
        }, public200));
        rows.add(new Row("GET", "/console/{slug}/skills", (c, r) -> c.web(r, cx + "/skills?q="), staffPage));
        rows.add(new Row("GET", "/console/{slug}/credentials", (c, r) -> c.web(r, cx + "/credentials"), staffPage));
        rows.add(new Row("GET", "/console/{slug}/credentials/new", (c, r) -> c.web(r, cx + "/credentials/new"),
                staffPage));
        rows.add(new Row("POST", "/console/{slug}/credentials", (c, r) -> c.form(r, cx + "/credentials", Map.of(
                "achievementId", achievementX.id(), "recipient", "console@example.org")), staffAction));
        rows.add(new Row("POST", "/console/{slug}/credentials/{id}/revoke", (c, r) -> c.form(r, cx + "/credentials/"
                + freshCredential() + "/revoke", Map.of("reason", "matrix")), staffAction));
        rows.add(new Row("POST", "/console/{slug}/credentials/{id}/revoke", (c, r) -> c.form(r, "/console/"
                + y.slug() + "/credentials/" + freshCredential() + "/revoke", Map.of("reason", "matrix")),
                expect(401, 403, 403, 403, 404, 404, 401, 401)));
        rows.add(new Row("POST", "/console/{slug}/credentials/{id}/suspend", (c, r) -> c.form(r, cx
                + "/credentials/" + credentialX + "/suspend", Map.of()), staffConflict));
        rows.add(new Row("POST", "/console/{slug}/credentials/{id}/unsuspend", (c, r) -> c.form(r, cx
                + "/credentials/" + credentialX + "/unsuspend", Map.of()), staffConflict));
        rows.add(new Row("POST", "/console/{slug}/credentials/{id}/renew", (c, r) -> c.form(r, cx + "/credentials/"
                + freshCredential() + "/renew", Map.of()), staffAction));
        rows.add(new Row("POST", "/console/{slug}/credentials/{id}/renew", (c, r) -> c.form(r, "/console/"
                + y.slug() + "/credentials/" + freshCredential() + "/renew", Map.of()),
                expect(401, 403, 403, 403, 404, 404, 401, 401)));
        // key rotation in the console: the issuer's admins (STAFF_X is staff: 403) and the platform admin
        rows.add(new Row("POST", "/console/{slug}/keys/rotate", (c, r) -> c.form(r, cx + "/keys/rotate", Map.of()),
                expect(401, 403, 403, 403, 403, 303, 401, 401)));
        // the wallet: claim links of learner A's credentials, learner A's wallet items, share links
        Map<Role, Integer> ownerPage = expect(401, 200, 404, 404, 404, 404, 401, 401);
        String wx = "/wallet/" + credentialX;
        rows.add(new Row("GET", "/claim/{token}", (c, r) -> c.web(r, freshClaim()), public200));
        rows.add(new Row("POST", "/claim/{token}", (c, r) -> c.form(r, freshClaim(), Map.of()),
                expect(401, 303, 403, 403, 403, 403, 401, 401)));
        rows.add(new Row("GET", "/wallet", (c, r) -> c.web(r, "/wallet"), signedIn));
        rows.add(new Row("GET", "/wallet/{id}", (c, r) -> c.web(r, wx), ownerPage));
        rows.add(new Row("GET", "/wallet/{id}/credential.json", (c, r) -> c.web(r, wx + "/credential.json"),
                ownerPage));
        // the VC-JWT download (branch wallet-jwt): the holder only, as the JSON download; another learner 404
        rows.add(new Row("GET", "/wallet/{id}/credential.jwt", (c, r) -> c.web(r, wx + "/credential.jwt"),
                ownerPage));
        p.sequencer().catchUp(java.time.Duration.ofSeconds(30));
        rows.add(new Row("GET", "/wallet/{id}/receipt", (c, r) -> c.web(r, wx + "/receipt"), ownerPage));
        rows.add(new Row("GET", "/wallet/{id}/credential.zip", (c, r) -> c.web(r, wx + "/credential.zip"),
                ownerPage));
        rows.add(new Row("GET", "/wallet/{id}/badge.png", (c, r) -> c.web(r, wx + "/badge.png"), ownerPage));
        rows.add(new Row("GET", "/wallet/{id}/badge.svg", (c, r) -> c.web(r, wx + "/badge.svg"), ownerPage));
        rows.add(new Row("POST", "/wallet/{id}/visibility", (c, r) -> c.form(r, wx + "/visibility",
                Map.of("visibility", "private")), expect(401, 303, 404, 404, 404, 404, 401, 401)));
        rows.add(new Row("POST", "/wallet/import", (c, r) -> c.form(r, "/wallet/import", Map.of("credential", vc)),
                expect(401, 303, 303, 303, 303, 303, 401, 401)));
        String imported = importedByA();
        rows.add(new Row("GET", "/wallet/imports/{id}", (c, r) -> c.web(r, "/wallet/imports/" + imported), ownerPage));
        String share = sharedLink();
        rows.add(new Row("GET", "/share/{token}", (c, r) -> c.web(r, share), public200));
        // web-journeys: the QR code of a shared credential's link (its owner only; 409 while private)
        String sharedId = p.db().read(c -> p.store().walletShares().byToken(c, share.substring("/share/".length())))
                .orElseThrow().credentialId();
        rows.add(new Row("GET", "/wallet/{id}/qr.svg", (c, r) -> c.web(r, "/wallet/" + sharedId + "/qr.svg"),
                ownerPage));
        rows.add(new Row("GET", "/wallet/{id}/qr.svg", (c, r) -> c.web(r, wx + "/qr.svg"),
                expect(401, 409, 404, 404, 404, 404, 401, 401)));
        // web-journeys: the console's bulk pages (the browser session; issuer X's staff and the platform admin)
        String consoleJob = freshBulkJob();
        String consoleDoneJob = doneBulkJob();
        rows.add(new Row("GET", "/console/{slug}/bulk", (c, r) -> c.web(r, cx + "/bulk"), staffPage));
        rows.add(new Row("POST", "/console/{slug}/bulk", (c, r) -> c.upload(r, cx + "/bulk", Map.of("achievementId",
                achievementX.id()), ("email\nmatrix-" + UUID.randomUUID() + "@example.org\n")
                .getBytes(StandardCharsets.UTF_8)), staffAction));
        rows.add(new Row("GET", "/console/{slug}/bulk/{job}", (c, r) -> c.web(r, cx + "/bulk/" + consoleJob),
                staffPage));
        rows.add(new Row("GET", "/console/{slug}/bulk/{job}", (c, r) -> c.web(r, "/console/" + y.slug() + "/bulk/"
                + consoleJob), expect(401, 403, 403, 403, 404, 404, 401, 401)));
        rows.add(new Row("POST", "/console/{slug}/bulk/{job}/start", (c, r) -> c.form(r, cx + "/bulk/"
                + freshBulkJob() + "/start", Map.of()), staffAction));
        rows.add(new Row("POST", "/console/{slug}/bulk/{job}/start", (c, r) -> c.form(r, "/console/" + y.slug()
                + "/bulk/" + freshBulkJob() + "/start", Map.of()), expect(401, 403, 403, 403, 404, 404, 401, 401)));
        rows.add(new Row("GET", "/console/{slug}/bulk/{job}/events", (c, r) -> c.web(r, cx + "/bulk/"
                + consoleDoneJob + "/events"), staffPage));
        rows.add(new Row("GET", "/console/{slug}/bulk/{job}/events", (c, r) -> c.web(r, "/console/" + y.slug()
                + "/bulk/" + consoleDoneJob + "/events"), expect(401, 403, 403, 403, 404, 404, 401, 401)));
        careerRows(rows);
        // last: signing up signs in as the new account, and signing out ends the sessions the rows above used
        rows.add(new Row("POST", "/signup", (c, r) -> c.form(r, "/signup", Map.of("email", "s-" + UUID.randomUUID()
                + "@matrix.example", "name", "S", "password", PASSWORD)), all(303)));
        rows.add(new Row("POST", "/logout", (c, r) -> c.form(r, "/logout", Map.of()), all(303)));
        // bulk issuance, operations and VCALM status/presentations (issuer tokens only; the web roles use the console)
        String bulkJob = freshBulkJob();
        String doneJob = doneBulkJob();
        rows.add(new Row("POST", "/api/issuers/{slug}/bulk", (c, r) -> c.api(r, "POST", ax + "/bulk?achievementId="
                + achievementX.id(), "email\nmatrix-" + UUID.randomUUID() + "@example.org\n"), tokenCreate));
        rows.add(new Row("GET", "/api/issuers/{slug}/bulk", (c, r) -> c.api(r, "GET", ax + "/bulk", null), tokenRead));
        rows.add(new Row("GET", "/api/issuers/{slug}/bulk/{job}", (c, r) -> c.api(r, "GET", ax + "/bulk/" + bulkJob,
                null), tokenRead));
        rows.add(new Row("POST", "/api/issuers/{slug}/bulk/{job}/start", (c, r) -> c.api(r, "POST", ax + "/bulk/"
                + freshBulkJob() + "/start", null), expect(401, 401, 401, 401, 401, 202, 202, 403)));
        rows.add(new Row("GET", "/api/issuers/{slug}/bulk/{job}/events", (c, r) -> c.api(r, "GET", ax + "/bulk/"
                + doneJob + "/events", null), tokenRead));
        rows.add(new Row("POST", "/issuers/{slug}/vcalm/credentials/status", (c, r) -> c.api(r, "POST", "/issuers/"
                + x.slug() + "/vcalm/credentials/status", "{\"credentialId\": \"" + freshCredential()
                + "\", \"credentialStatus\": [{\"type\": \"BitstringStatusListEntry\", \"status\": true,"
                + " \"statusPurpose\": \"revocation\"}]}"), tokenRead));
        rows.add(new Row("POST", "/issuers/{slug}/vcalm/presentations/verify", (c, r) -> c.api(r, "POST", "/issuers/"
                + x.slug() + "/vcalm/presentations/verify", "{\"verifiablePresentation\": {\"@context\":"
                + " [\"https://www.w3.org/ns/credentials/v2\"], \"type\": [\"VerifiablePresentation\"],"
                + " \"verifiableCredential\": [" + vc + "]}}"), tokenRead));
        // the transparency log: public static resources, the public receipt, the owner's wallet receipt
        p.sequencer().catchUp(java.time.Duration.ofSeconds(30));
        rows.add(new Row("GET", "/tlog/checkpoint", (c, r) -> c.web(r, "/tlog/checkpoint"), public200));
        rows.add(new Row("GET", "/tlog/policy", (c, r) -> c.web(r, "/tlog/policy"), public200));
        rows.add(new Row("GET", "/tlog/tile/<path>", (c, r) -> c.web(r, "/tlog/tile/0/000.p/1"), public200));
        rows.add(new Row("GET", "/credentials/{id}/receipt", (c, r) -> c.web(r, "/credentials/" + credentialX
                + "/receipt"), public200));
        rows.add(new Row("GET", "/metrics", (c, r) -> c.web(r, "/metrics"), public200));
        rows.add(new Row("GET", "/openapi.json", (c, r) -> c.web(r, "/openapi.json"), public200));
        return rows;
    }

    // ---- career goals and employers (learner A's goal and requests, employer E's postings)

    static final String PROGRAMMING = "onet:element/2.B.3.e";
    String postingE;

    dev.microcred.server.skills.CareerServices career() {
        return server.career();
    }

    dev.microcred.store.Account account(Role r) {
        return p.db().read(c -> p.store().accounts().byEmail(c, emails.get(r))).orElseThrow();
    }

    /** A fresh posting of employer E requiring programming. */
    String freshPosting() {
        return career().employers().create(account(Role.EMPLOYER_E), "Matrix job", "15-1251.00", Json.parse(
                "[{\"skill\": \"" + PROGRAMMING + "\", \"importance\": 4, \"minLevel\": null}]")).id();
    }

    /** Learner A's pseudonym for a posting of E. */
    String candidateA(String posting) {
        var found = career().employers().candidates(account(Role.EMPLOYER_E), posting, 10);
        assertThat(found).as("learner A is the discoverable candidate").hasSize(1);
        return found.get(0).pseudonym();
    }

    /** A pending contact request from E to learner A, on a fresh posting. */
    String freshRequest() {
        String posting = freshPosting();
        return career().employers().contact(account(Role.EMPLOYER_E), posting, candidateA(posting), "hello").id();
    }

    void careerSetUp() {
        if (postingE != null) {
            return;
        }
        StoredAchievement skilled = p.achievements().create(x, Json.parseObject("""
                {"name": "Matrix programming", "description": "d", "criteria": "c", "eqfLevel": 4,
                 "skills": ["onet:element/2.B.3.e"]}
                """));
        String id = p.issuance().issue(x, skilled, new Issuance.Recipient(emails.get(Role.LEARNER_A), null), null,
                null).stored().id();
        String a = account(Role.LEARNER_A).id();
        p.db().inTransaction(c -> p.store().credentials().claim(c, id, a, p.clock().instant()));
        career().employers().setDiscoverable(a, true);
        career().goals().set(a, "15-1251.00", "workload");
        postingE = freshPosting();
    }

    void careerRows(List<Row> rows) {
        careerSetUp();
        // Role order: ANONYMOUS, LEARNER_A, LEARNER_B, STAFF_X, STAFF_Y, PLATFORM_ADMIN, TOKEN_X, TOKEN_Y, EMPLOYER_E,
        // EMPLOYER_F
        Map<Role, Integer> mine200 = expect(401, 200, 200, 200, 200, 200, 401, 401, 200, 200);
        Map<Role, Integer> mine303 = expect(401, 303, 303, 303, 303, 303, 401, 401, 303, 303);
        Map<Role, Integer> onlyA200 = expect(401, 200, 404, 404, 404, 404, 401, 401, 404, 404);
        Map<Role, Integer> onlyA303 = expect(401, 303, 404, 404, 404, 404, 401, 401, 404, 404);
        Map<Role, Integer> employers200 = expect(401, 403, 403, 403, 403, 403, 401, 401, 200, 200);
        Map<Role, Integer> onlyE200 = expect(401, 403, 403, 403, 403, 403, 401, 401, 200, 404);
        Map<Role, Integer> onlyE201 = expect(401, 403, 403, 403, 403, 403, 401, 401, 201, 404);
        Map<Role, Integer> onlyE303 = expect(401, 403, 403, 403, 403, 403, 401, 401, 303, 404);
        String pe = "/api/employer/postings/" + postingE;
        String we = "/employer/postings/" + postingE;
        String pseudonym = candidateA(postingE);
        String requirements = "{\"title\": \"Matrix job\", \"requirements\": [{\"skill\": \"" + PROGRAMMING
                + "\", \"importance\": 5, \"minLevel\": null}]}";
        // learner A's goal exists; the others have none until they set one
        rows.add(new Row("GET", "/api/me/goal", (c, r) -> c.session(r, "GET", "/api/me/goal", null), onlyA200));
        rows.add(new Row("GET", "/api/me/plan", (c, r) -> c.session(r, "GET", "/api/me/plan", null), onlyA200));
        rows.add(new Row("GET", "/api/me/portfolio", (c, r) -> c.session(r, "GET", "/api/me/portfolio", null),
                mine200));
        rows.add(new Row("GET", "/api/me/discoverable", (c, r) -> c.session(r, "GET", "/api/me/discoverable", null),
                mine200));
        rows.add(new Row("GET", "/api/me/requests", (c, r) -> c.session(r, "GET", "/api/me/requests", null),
                mine200));
        rows.add(new Row("POST", "/api/me/requests/{id}", (c, r) -> c.session(r, "POST", "/api/me/requests/"
                + freshRequest(), "{\"answer\": \"decline\"}"), onlyA200));
        rows.add(new Row("POST", "/wallet/requests/{id}", (c, r) -> c.form(r, "/wallet/requests/" + freshRequest(),
                Map.of("answer", "accept")), onlyA303));
        rows.add(new Row("GET", "/wallet/goal", (c, r) -> c.web(r, "/wallet/goal"), mine200));
        rows.add(new Row("GET", "/wallet/portfolio", (c, r) -> c.web(r, "/wallet/portfolio"), mine200));
        rows.add(new Row("GET", "/wallet/employers", (c, r) -> c.web(r, "/wallet/employers"), mine200));
        rows.add(new Row("PUT", "/api/me/discoverable", (c, r) -> c.session(r, "PUT", "/api/me/discoverable",
                "{\"discoverable\": true}"), mine200));
        rows.add(new Row("POST", "/wallet/discoverable", (c, r) -> c.form(r, "/wallet/discoverable",
                Map.of("discoverable", "true")), mine303));
        // employer E's posting: F gets 404, accounts without the employer role 403
        rows.add(new Row("GET", "/api/employer/postings", (c, r) -> c.session(r, "GET", "/api/employer/postings",
                null), employers200));
        rows.add(new Row("POST", "/api/employer/postings", (c, r) -> c.session(r, "POST", "/api/employer/postings",
                "{\"title\": \"Job\", \"occupation\": \"15-1251.00\"}"),
                expect(401, 403, 403, 403, 403, 403, 401, 401, 201, 201)));
        rows.add(new Row("GET", "/api/employer/postings/{id}", (c, r) -> c.session(r, "GET", pe, null), onlyE200));
        rows.add(new Row("PUT", "/api/employer/postings/{id}", (c, r) -> c.session(r, "PUT", pe, requirements),
                onlyE200));
        rows.add(new Row("GET", "/api/employer/postings/{id}/candidates", (c, r) -> c.session(r, "GET", pe
                + "/candidates", null), onlyE200));
        rows.add(new Row("GET", "/api/employer/postings/{id}/shortlist", (c, r) -> c.session(r, "GET", pe
                + "/shortlist", null), onlyE200));
        rows.add(new Row("POST", "/api/employer/postings/{id}/shortlist", (c, r) -> c.session(r, "POST", pe
                + "/shortlist", "{\"candidate\": \"" + pseudonym + "\"}"), onlyE200));
        rows.add(new Row("GET", "/api/employer/postings/{id}/contacts", (c, r) -> c.session(r, "GET", pe
                + "/contacts", null), onlyE200));
        rows.add(new Row("POST", "/api/employer/postings/{id}/contacts", (c, r) -> {
            String posting = freshPosting();
            return c.session(r, "POST", "/api/employer/postings/" + posting + "/contacts", "{\"candidate\": \""
                    + candidateA(posting) + "\", \"message\": \"hello\"}");
        }, onlyE201));
        rows.add(new Row("GET", "/employer", (c, r) -> c.web(r, "/employer?q=programmer"), employers200));
        rows.add(new Row("POST", "/employer/postings", (c, r) -> c.form(r, "/employer/postings", Map.of("title",
                "Job", "occupation", "15-1251.00")), expect(401, 403, 403, 403, 403, 403, 401, 401, 303, 303)));
        rows.add(new Row("GET", "/employer/postings/{id}", (c, r) -> c.web(r, we), onlyE200));
        rows.add(new Row("POST", "/employer/postings/{id}", (c, r) -> c.form(r, we, Map.of("title", "Matrix job",
                "skill", PROGRAMMING, "importance", "4", "minLevel", "")), onlyE303));
        rows.add(new Row("POST", "/employer/postings/{id}/shortlist", (c, r) -> c.form(r, we + "/shortlist",
                Map.of("candidate", pseudonym)), onlyE303));
        rows.add(new Row("POST", "/employer/postings/{id}/contacts", (c, r) -> {
            String posting = freshPosting();
            return c.form(r, "/employer/postings/" + posting + "/contacts", Map.of("candidate", candidateA(posting),
                    "message", "hello"));
        }, onlyE303));
        // issuer credibility: the platform admin's
        rows.add(new Row("GET", "/admin/credibility", (c, r) -> c.web(r, "/admin/credibility"),
                expect(401, 403, 403, 403, 403, 200, 401, 401, 403, 403)));
        rows.add(new Row("POST", "/admin/credibility", (c, r) -> c.form(r, "/admin/credibility", Map.of("issuer",
                y.slug(), "accreditedBy", "Matrix Agency")), expect(401, 403, 403, 403, 403, 303, 401, 401, 403, 403)));
        // goals last: setting one gives every account a goal, clearing removes it
        rows.add(new Row("PUT", "/api/me/goal", (c, r) -> c.session(r, "PUT", "/api/me/goal",
                "{\"occupation\": \"15-1251.00\"}"), mine200));
        rows.add(new Row("POST", "/wallet/goal", (c, r) -> c.form(r, "/wallet/goal", Map.of("occupation",
                "15-1251.00", "objective", "workload")), mine303));
        rows.add(new Row("POST", "/wallet/goal/clear", (c, r) -> c.form(r, "/wallet/goal/clear", Map.of()), mine303));
    }

    @Test
    void anEmployerSeesNoIdentityBeforeTheLearnerAccepts() {
        careerSetUp();
        for (Role r : List.of(Role.EMPLOYER_E, Role.EMPLOYER_F, Role.LEARNER_A)) {
            users.put(r, login(r)); // the matrix's last rows sign everybody out
        }
        String posting = freshPosting();
        String request = career().employers().contact(account(Role.EMPLOYER_E), posting, candidateA(posting),
                "hello").id();
        Caller c = new Caller();
        String path = "/api/employer/postings/" + posting;
        for (String sub : new String[] {"", "/candidates", "/shortlist", "/contacts"}) {
            Http.Response r = c.session(Role.EMPLOYER_E, "GET", path + sub, null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).as(sub).doesNotContain(emails.get(Role.LEARNER_A))
                    .doesNotContain(account(Role.LEARNER_A).id()).doesNotContain("LEARNER_A");
        }
        assertThat(c.web(Role.EMPLOYER_E, "/employer/postings/" + posting).body())
                .doesNotContain(emails.get(Role.LEARNER_A)).contains("hidden until they accept");
        assertThat(c.session(Role.LEARNER_A, "POST", "/api/me/requests/" + request, "{\"answer\": \"accept\"}")
                .status()).isEqualTo(200);
        Http.Response after = c.session(Role.EMPLOYER_E, "GET", path + "/contacts", null);
        assertThat(after.json().get(0).path("email").asText()).isEqualTo(emails.get(Role.LEARNER_A));
        assertThat(after.json().get(0).path("name").asText()).isEqualTo("LEARNER_A");
        assertThat(c.session(Role.EMPLOYER_F, "GET", path + "/contacts", null).status()).isEqualTo(404);
    }

    @Test
    void everyRegisteredRouteHasARow() {
        Set<String> registered = server.routes().stream().map(r -> r.method() + " " + r.path())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> covered = rows().stream().map(r -> r.method() + " " + r.template())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(covered).as("rows for routes that do not exist").isSubsetOf(registered);
        assertThat(registered).as("routes without a row in the authorization matrix").isSubsetOf(covered);
    }

    @Test
    void everyRoleGetsWhatItMayHaveAndNothingElse() {
        Caller caller = new Caller();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Row row : rows()) {
            for (Role role : Role.values()) {
                Http.Response response = row.call().apply(caller, role);
                checked++;
                if (response.status() != row.expect().get(role)) {
                    wrong.add(row.method() + " " + row.template() + " as " + role + ": expected "
                            + row.expect().get(role) + ", got " + response.status());
                }
            }
        }
        assertThat(wrong).as("of %d calls", checked).isEmpty();
    }
}
