package dev.microcred.server.skills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.issue.SignedCredential;
import dev.microcred.credentials.json.Json;
import dev.microcred.server.Platform;
import dev.microcred.server.http.Bearer;
import dev.microcred.server.http.Bodies;
import dev.microcred.server.issuing.Scopes;
import dev.microcred.skills.graph.Framework;
import dev.microcred.skills.graph.Occupation;
import dev.microcred.skills.pathway.CostMeasure;
import dev.microcred.skills.search.SearchHit;
import dev.microcred.skills.search.SearchKind;
import dev.microcred.store.Issuer;
import dev.microcred.store.StoredCatalogueEntry;
import dev.microcred.store.StoredPathway;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The skills JSON API: search and occupations (public), a learner's profile, gap and plan from presented credentials
 * (public: nothing is stored), issuers' imported catalogues and stackable pathways ({@code catalogue:write}), and the
 * CLR 2.0 export of a recipient's record ({@code credentials:read}). Every skills-framework answer is 503 with
 * {@code Retry-After} until the frameworks are loaded.
 */
public final class SkillsApi {
    private final Platform p;
    private final Bearer bearer;
    private final SkillsServices skills;

    public SkillsApi(Platform platform, Bearer bearer, SkillsServices skills) {
        this.p = Objects.requireNonNull(platform, "platform");
        this.bearer = Objects.requireNonNull(bearer, "bearer");
        this.skills = Objects.requireNonNull(skills, "skills");
    }

    public void register(Javalin app) {
        app.get("/api/skills/search", this::search);
        app.get("/api/occupations/<id>", this::occupation);
        app.post("/api/skills/profile", this::profile);
        app.post("/api/skills/gap", this::gap);
        app.post("/api/pathways/plan", this::plan);
        app.put("/api/issuers/{slug}/catalogue", this::putCatalogue);
        app.get("/api/issuers/{slug}/catalogue", this::getCatalogue);
        app.post("/api/issuers/{slug}/pathways", this::createPathway);
        app.get("/api/issuers/{slug}/pathways", this::listPathways);
        app.get("/api/issuers/{slug}/recipients/{ref}/clr", this::clr);
    }

    private void search(Context ctx) {
        Taxonomy t = skills.taxonomy().require();
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "q is required: the words to search for");
        }
        if (q.length() > 500) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "q is at most 500 characters");
        }
        SearchKind kind = kind(ctx.queryParam("kind"));
        Framework framework = framework(ctx.queryParam("framework"));
        int limit = limit(ctx.queryParam("limit"));
        List<SearchHit> hits = t.index().search(q, kind, framework, limit);
        ObjectNode out = Json.object();
        out.put("query", q);
        out.put("kind", kind.name().toLowerCase(Locale.ROOT));
        if (framework != null) {
            out.put("framework", framework.name().toLowerCase(Locale.ROOT));
        }
        ArrayNode results = out.putArray("results");
        hits.forEach(h -> results.add(SkillsJson.hit(h, t.graph())));
        out.put("attribution", SkillsJson.ABOUT);
        Bodies.json(ctx, 200, out);
    }

    static SearchKind kind(String v) {
        if (v == null || v.isBlank() || v.equals("skill")) {
            return SearchKind.SKILL;
        }
        if (v.equals("occupation")) {
            return SearchKind.OCCUPATION;
        }
        throw new MicrocredException(Problem.INVALID_REQUEST, "kind must be \"occupation\" or \"skill\"");
    }

    static Framework framework(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        return switch (v) {
            case "esco" -> Framework.ESCO;
            case "onet" -> Framework.ONET;
            default -> throw new MicrocredException(Problem.INVALID_REQUEST, "framework must be \"esco\" or \"onet\"");
        };
    }

    static int limit(String v) {
        if (v == null || v.isBlank()) {
            return 20;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new MicrocredException(Problem.INVALID_REQUEST, "limit must be an integer from 1 to 100");
    }

    /** The occupation id of a path: URL-decoded (ESCO URIs hold slashes). */
    static String pathId(Context ctx) {
        return URLDecoder.decode(ctx.pathParam("id"), StandardCharsets.UTF_8);
    }

    private void occupation(Context ctx) {
        Taxonomy t = skills.taxonomy().require();
        String id = pathId(ctx);
        Occupation o = t.graph().occupation(id).orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND,
                "unknown occupation: " + Catalogues.quote(id) + " (an ESCO occupation URI or an O*NET-SOC code such as"
                        + " 15-1252.00; find one with /api/skills/search?kind=occupation&q=...)"));
        Bodies.json(ctx, 200, SkillsJson.occupation(o, t.graph()));
    }

    private void profile(Context ctx) {
        ObjectNode body = Bodies.object(ctx, p.config().maxRequestBytes());
        Analysis a = skills.planner().profile(body);
        Bodies.json(ctx, 200, SkillsJson.profile(a, skills.taxonomy().require().graph()));
    }

    private void gap(Context ctx) {
        ObjectNode body = Bodies.object(ctx, p.config().maxRequestBytes());
        Analysis a = skills.planner().analyse(body, CareerApi.text(body, "occupation"), null, false);
        ObjectNode out = SkillsJson.gap(a.gap());
        out.put("note", a.note());
        out.set("credentials", SkillsJson.credentials(a.credentials()));
        Bodies.json(ctx, 200, out);
    }

    private void plan(Context ctx) {
        ObjectNode body = Bodies.object(ctx, p.config().maxRequestBytes());
        CostMeasure measure = CareerPlanner.objective(CareerApi.text(body, "objective"));
        JsonNode optional = body.get("includeOptional");
        if (optional != null && !optional.isBoolean()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "includeOptional must be true or false");
        }
        Analysis a = skills.planner().analyse(body, CareerApi.text(body, "occupation"), measure,
                optional != null && optional.asBoolean());
        Taxonomy t = skills.taxonomy().require();
        ObjectNode out = Json.object();
        out.put("goalMet", a.goalMet());
        out.put("explanation", a.gap().goalMet()
                ? "Goal already met: every required skill of " + a.gap().occupation().label()
                        + " is proven at its level; there is nothing to plan."
                : a.plan().explanation());
        out.set("plan", SkillsJson.plan(a.plan(), a.offerings(), t.graph()));
        out.set("gap", SkillsJson.gap(a.gap()));
        out.put("note", a.note());
        out.set("credentials", SkillsJson.credentials(a.credentials()));
        Bodies.json(ctx, 200, out);
    }

    private void putCatalogue(Context ctx) {
        Issuer issuer = p.issuers().require(ctx.pathParam("slug"));
        bearer.require(ctx, issuer, Scopes.CATALOGUE_WRITE);
        JsonNode body = Json.parse(Bodies.bytes(ctx, p.config().maxRequestBytes()));
        List<StoredCatalogueEntry> stored = skills.catalogues().replace(issuer, body);
        ObjectNode out = Json.object();
        out.put("issuer", issuer.slug());
        out.put("entries", stored.size());
        out.set("catalogue", skills.catalogues().entries(issuer));
        Bodies.json(ctx, 200, out);
    }

    private void getCatalogue(Context ctx) {
        Issuer issuer = p.issuers().require(ctx.pathParam("slug"));
        ObjectNode out = Json.object();
        out.put("issuer", issuer.slug());
        out.set("catalogue", skills.catalogues().entries(issuer));
        Bodies.json(ctx, 200, out);
    }

    private void createPathway(Context ctx) {
        Issuer issuer = p.issuers().require(ctx.pathParam("slug"));
        bearer.require(ctx, issuer, Scopes.CATALOGUE_WRITE);
        StoredPathway created = skills.pathways().create(issuer, Bodies.object(ctx, p.config().maxRequestBytes()));
        ctx.header("Location", "/api/issuers/" + issuer.slug() + "/pathways");
        Bodies.json(ctx, 201, skills.pathways().json(created));
    }

    private void listPathways(Context ctx) {
        Issuer issuer = p.issuers().require(ctx.pathParam("slug"));
        ArrayNode out = Json.mapper().createArrayNode();
        skills.pathways().of(issuer).forEach(x -> out.add(skills.pathways().json(x)));
        Bodies.json(ctx, 200, out);
    }

    private void clr(Context ctx) {
        Issuer issuer = p.issuers().require(ctx.pathParam("slug"));
        bearer.require(ctx, issuer, Scopes.CREDENTIALS_READ);
        SignedCredential clr = skills.clr().export(issuer, URLDecoder.decode(ctx.pathParam("ref"),
                StandardCharsets.UTF_8));
        Bodies.json(ctx, 200, clr.credential(), "application/vc");
    }
}
