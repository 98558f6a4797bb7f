package dev.microcred.server.skills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.server.Platform;
import dev.microcred.server.accounts.WebSignIn;
import dev.microcred.server.http.Bodies;
import dev.microcred.skills.graph.Occupation;
import dev.microcred.skills.portfolio.Expiring;
import dev.microcred.skills.portfolio.PortfolioAdvice;
import dev.microcred.skills.portfolio.Provider;
import dev.microcred.store.Account;
import dev.microcred.store.CareerGoal;
import dev.microcred.store.ContactRequest;
import dev.microcred.store.ShortlistEntry;
import dev.microcred.store.StoredPosting;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Objects;

/**
 * The JSON API of the signed-in person's own career data, authenticated by the browser session (see
 * {@link WebSignIn#isSessionApi}: unsafe methods send the {@code X-CSRF-Token} header). Learners: {@code /api/me/goal}
 * (GET, PUT), {@code /api/me/plan}, {@code /api/me/portfolio}, {@code /api/me/discoverable} (GET, PUT),
 * {@code /api/me/requests} and {@code /api/me/requests/{id}} (POST an answer). Employers (the verifier role):
 * {@code /api/employer/postings} (GET, POST), {@code /api/employer/postings/{id}} (GET, PUT),
 * {@code .../candidates}, {@code .../shortlist} (GET, POST), {@code .../contacts} (GET, POST). Candidates are
 * pseudonymous; a contact's name and email appear once the learner accepted.
 */
public final class CareerApi {
    private final Platform p;
    private final SkillsServices skills;
    private final CareerServices career;

    public CareerApi(Platform platform, SkillsServices skills, CareerServices career) {
        this.p = Objects.requireNonNull(platform, "platform");
        this.skills = Objects.requireNonNull(skills, "skills");
        this.career = Objects.requireNonNull(career, "career");
    }

    public void register(Javalin app) {
        app.get("/api/me/goal", this::goal);
        app.put("/api/me/goal", this::putGoal);
        app.get("/api/me/plan", this::plan);
        app.get("/api/me/portfolio", this::portfolio);
        app.get("/api/me/discoverable", this::discoverable);
        app.put("/api/me/discoverable", this::putDiscoverable);
        app.get("/api/me/requests", this::requests);
        app.post("/api/me/requests/{id}", this::answer);
        app.get("/api/employer/postings", this::postings);
        app.post("/api/employer/postings", this::createPosting);
        app.get("/api/employer/postings/{id}", this::posting);
        app.put("/api/employer/postings/{id}", this::updatePosting);
        app.get("/api/employer/postings/{id}/candidates", this::candidates);
        app.get("/api/employer/postings/{id}/shortlist", this::shortlist);
        app.post("/api/employer/postings/{id}/shortlist", this::addToShortlist);
        app.get("/api/employer/postings/{id}/contacts", this::contacts);
        app.post("/api/employer/postings/{id}/contacts", this::contact);
    }

    private static Account me(Context ctx) {
        return WebSignIn.visitor(ctx).require();
    }

    private ObjectNode body(Context ctx) {
        return Bodies.object(ctx, p.config().maxRequestBytes());
    }

    // ---- learner

    static ObjectNode occupation(Occupation o) {
        ObjectNode occ = Json.object();
        occ.put("id", o.id());
        occ.put("label", o.label());
        occ.put("framework", o.framework().name().toLowerCase(Locale.ROOT));
        occ.put("code", o.code());
        return occ;
    }

    private ObjectNode goalJson(CareerGoal g) {
        ObjectNode out = Json.object();
        out.set("occupation", occupation(career.goals().occupation(g.occupationId())));
        out.put("objective", g.objective());
        out.put("updatedAt", g.updatedAt().toString());
        return out;
    }

    private void goal(Context ctx) {
        Account a = me(ctx);
        skills.taxonomy().require();
        CareerGoal g = career.goals().goal(a.id()).orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND,
                "no career goal is set: PUT /api/me/goal {\"occupation\": ...} (find one with"
                        + " GET /api/skills/search?kind=occupation&q=...)"));
        Bodies.json(ctx, 200, goalJson(g));
    }

    private void putGoal(Context ctx) {
        Account a = me(ctx);
        skills.taxonomy().require();
        ObjectNode body = body(ctx);
        CareerGoal g = career.goals().set(a.id(), text(body, "occupation"), text(body, "objective"));
        Bodies.json(ctx, 200, goalJson(g));
    }

    private void plan(Context ctx) {
        Account a = me(ctx);
        Taxonomy t = skills.taxonomy().require();
        LearnerGoals.GoalPlan gp = career.goals().plan(a.id());
        ObjectNode out = Json.object();
        out.set("goal", goalJson(gp.goal()));
        out.put("goalMet", gp.goalMet());
        out.put("explanation", gp.headline());
        out.set("profile", SkillsJson.profile(gp.analysis(), t.graph()));
        out.set("gap", SkillsJson.gap(gp.analysis().gap()));
        out.set("plan", SkillsJson.plan(gp.analysis().plan(), gp.analysis().offerings(), t.graph()));
        Bodies.json(ctx, 200, out);
    }

    private void portfolio(Context ctx) {
        Account a = me(ctx);
        skills.taxonomy().require();
        LearnerGoals.Portfolio pf = career.goals().portfolio(a.id());
        Bodies.json(ctx, 200, portfolioJson(pf));
    }

    static ObjectNode portfolioJson(LearnerGoals.Portfolio pf) {
        PortfolioAdvice adv = pf.advice();
        ObjectNode out = Json.object();
        out.put("breadth", adv.breadth());
        out.put("depth", SkillsJson.round(adv.depth()));
        out.put("deepSkills", adv.deepSkills());
        out.put("freshness", SkillsJson.round(adv.freshness()));
        ArrayNode expiring = out.putArray("expiring");
        for (Expiring e : adv.expiring()) {
            ObjectNode o = expiring.addObject();
            o.put("credentialId", e.credentialId());
            o.put("achievementId", e.achievementId());
            o.put("achievement", CareerPages.achievementName(pf, e));
            o.put("validUntil", e.validUntil().toString());
            o.put("daysLeft", e.daysLeft());
            o.put("renewal", CareerPages.renewal(pf, e));
        }
        ArrayNode providers = out.putArray("providers");
        for (Provider pr : adv.providers()) {
            ObjectNode o = providers.addObject();
            IssuerCredibility.Standing s = pf.standings().get(pr.issuerId());
            o.put("issuerId", pr.issuerId());
            o.put("name", s == null ? pr.issuerId() : s.issuer().name());
            o.put("credibility", CareerPages.credibility(pr.credibility()));
            if (s != null && s.accreditedBy() != null) {
                o.put("accreditedBy", s.accreditedBy());
            }
            if (s != null && s.endorsedBy() != null) {
                o.put("endorsedBy", s.endorsedBy());
            }
            o.put("credentials", pr.credentials());
        }
        ArrayNode advice = out.putArray("advice");
        adv.advice().forEach(advice::add);
        out.set("credentials", SkillsJson.credentials(pf.credentials()));
        return out;
    }

    private void discoverable(Context ctx) {
        Account a = me(ctx);
        ObjectNode out = Json.object();
        out.put("discoverable", career.employers().isDiscoverable(a.id()));
        Bodies.json(ctx, 200, out);
    }

    private void putDiscoverable(Context ctx) {
        Account a = me(ctx);
        JsonNode v = body(ctx).get("discoverable");
        if (v == null || !v.isBoolean()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "discoverable must be true or false");
        }
        career.employers().setDiscoverable(a.id(), v.asBoolean());
        ObjectNode out = Json.object();
        out.put("discoverable", v.asBoolean());
        Bodies.json(ctx, 200, out);
    }

    private void requests(Context ctx) {
        Account a = me(ctx);
        ArrayNode out = Json.mapper().createArrayNode();
        for (Employers.Received r : career.employers().received(a.id())) {
            ObjectNode o = out.addObject();
            o.put("id", r.request().id());
            o.put("posting", r.postingTitle());
            o.put("employer", r.employerName());
            o.put("message", r.request().message());
            o.put("state", r.request().state());
            o.put("createdAt", r.request().createdAt().toString());
        }
        Bodies.json(ctx, 200, out);
    }

    private void answer(Context ctx) {
        Account a = me(ctx);
        String answer = text(body(ctx), "answer");
        if (!"accept".equals(answer) && !"decline".equals(answer)) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "answer must be \"accept\" or \"decline\"");
        }
        ContactRequest r = career.employers().answer(a.id(), ctx.pathParam("id"), answer.equals("accept"));
        ObjectNode out = Json.object();
        out.put("id", r.id());
        out.put("state", r.state());
        Bodies.json(ctx, 200, out);
    }

    // ---- employer

    private ObjectNode postingJson(StoredPosting s) {
        var graph = skills.taxonomy().require().graph();
        ObjectNode out = Json.object();
        out.put("id", s.id());
        out.put("title", s.title());
        out.set("occupation", graph.occupation(s.occupationId()).map(CareerApi::occupation)
                .orElseGet(() -> Json.object().put("id", s.occupationId())));
        ArrayNode reqs = out.putArray("requirements");
        for (Employers.Need n : Employers.needs(s)) {
            ObjectNode o = reqs.addObject();
            o.put("skill", n.skillId());
            o.put("label", SkillsJson.label(graph, n.skillId()));
            o.put("importance", n.importance());
            if (n.minLevel() == null) {
                o.putNull("minLevel");
            } else {
                o.put("minLevel", n.minLevel());
            }
        }
        out.put("createdAt", s.createdAt().toString());
        out.put("updatedAt", s.updatedAt().toString());
        return out;
    }

    private void postings(Context ctx) {
        Account e = Employers.employer(WebSignIn.visitor(ctx));
        skills.taxonomy().require();
        ArrayNode out = Json.mapper().createArrayNode();
        career.employers().postings(e).forEach(s -> out.add(postingJson(s)));
        Bodies.json(ctx, 200, out);
    }

    private void createPosting(Context ctx) {
        Account e = Employers.employer(WebSignIn.visitor(ctx));
        skills.taxonomy().require();
        ObjectNode body = body(ctx);
        StoredPosting s = career.employers().create(e, text(body, "title"), text(body, "occupation"),
                body.get("requirements"));
        ctx.header("Location", "/api/employer/postings/" + s.id());
        Bodies.json(ctx, 201, postingJson(s));
    }

    private void posting(Context ctx) {
        Account e = Employers.employer(WebSignIn.visitor(ctx));
        skills.taxonomy().require();
        Bodies.json(ctx, 200, postingJson(career.employers().posting(e, ctx.pathParam("id"))));
    }

    private void updatePosting(Context ctx) {
        Account e = Employers.employer(WebSignIn.visitor(ctx));
        skills.taxonomy().require();
        ObjectNode body = body(ctx);
        Bodies.json(ctx, 200, postingJson(career.employers().update(e, ctx.pathParam("id"), text(body, "title"),
                body.get("requirements"))));
    }

    private void candidates(Context ctx) {
        Account e = Employers.employer(WebSignIn.visitor(ctx));
        skills.taxonomy().require();
        int limit = SkillsApi.limit(ctx.queryParam("limit"));
        ArrayNode out = Json.mapper().createArrayNode();
        for (Employers.Candidate c : career.employers().candidates(e, ctx.pathParam("id"), limit)) {
            out.add(candidateJson(c));
        }
        Bodies.json(ctx, 200, out);
    }

    static ObjectNode candidateJson(Employers.Candidate c) {
        ObjectNode o = Json.object();
        o.put("candidate", c.pseudonym());
        o.put("score", SkillsJson.round(c.score()));
        o.put("explanation", c.explanation());
        o.put("shortlisted", c.shortlisted());
        if (c.contactState() != null) {
            o.put("contact", c.contactState());
        }
        ArrayNode proofs = o.putArray("requirements");
        for (Employers.Proof pr : c.proofs()) {
            ObjectNode x = proofs.addObject();
            x.put("skill", pr.skillId());
            x.put("label", pr.label());
            x.put("importance", pr.importance());
            x.put("matched", pr.matched());
            if (pr.matched()) {
                x.put("credential", pr.credential());
                x.put("issuer", pr.issuer());
                x.put("credibility", pr.credibility());
                x.put("standing", pr.standing());
                if (pr.level() != null) {
                    x.put("level", pr.level());
                }
                x.put("levelMet", pr.levelMet());
                x.put("issuedOn", pr.issuedOn().toString());
                x.put("recency", SkillsJson.round(pr.recency()));
            }
            x.put("contribution", SkillsJson.round(pr.contribution()));
        }
        return o;
    }

    private void shortlist(Context ctx) {
        Account e = Employers.employer(WebSignIn.visitor(ctx));
        ArrayNode out = Json.mapper().createArrayNode();
        for (ShortlistEntry s : career.employers().shortlist(e, ctx.pathParam("id"))) {
            ObjectNode o = out.addObject();
            o.put("candidate", s.pseudonym());
            o.put("score", SkillsJson.round(s.score()));
            o.put("shortlistedAt", s.createdAt().toString());
        }
        Bodies.json(ctx, 200, out);
    }

    private void addToShortlist(Context ctx) {
        Account e = Employers.employer(WebSignIn.visitor(ctx));
        skills.taxonomy().require();
        String candidate = text(body(ctx), "candidate");
        boolean added = career.employers().shortlist(e, ctx.pathParam("id"), candidate);
        ObjectNode out = Json.object();
        out.put("candidate", candidate);
        out.put("added", added);
        Bodies.json(ctx, 200, out);
    }

    private void contacts(Context ctx) {
        Account e = Employers.employer(WebSignIn.visitor(ctx));
        ArrayNode out = Json.mapper().createArrayNode();
        career.employers().contacts(e, ctx.pathParam("id")).forEach(c -> out.add(contactJson(c)));
        Bodies.json(ctx, 200, out);
    }

    static ObjectNode contactJson(Employers.Contact c) {
        ObjectNode o = Json.object();
        o.put("id", c.request().id());
        o.put("candidate", c.request().pseudonym());
        o.put("state", c.request().state());
        o.put("message", c.request().message());
        o.put("createdAt", c.request().createdAt().toString());
        if (c.name() != null) {
            o.put("name", c.name());
            o.put("email", c.email());
        }
        return o;
    }

    private void contact(Context ctx) {
        Account e = Employers.employer(WebSignIn.visitor(ctx));
        skills.taxonomy().require();
        ObjectNode body = body(ctx);
        ContactRequest r = career.employers().contact(e, ctx.pathParam("id"), text(body, "candidate"),
                text(body, "message"));
        Bodies.json(ctx, 201, contactJson(new Employers.Contact(r, null, null)));
    }

    static String text(ObjectNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, name + " must be a string");
        }
        return v.asText();
    }
}
