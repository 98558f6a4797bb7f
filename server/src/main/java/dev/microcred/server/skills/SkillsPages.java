package dev.microcred.server.skills;

import static dev.microcred.server.web.Html.attr;
import static dev.microcred.server.web.Html.el;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.server.Demo;
import dev.microcred.server.Platform;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.accounts.Page;
import dev.microcred.server.accounts.WebSignIn;
import dev.microcred.server.web.Forms;
import dev.microcred.server.web.Html;
import dev.microcred.skills.gap.Coverage;
import dev.microcred.skills.gap.Gap;
import dev.microcred.skills.gap.GapAnalyzer;
import dev.microcred.skills.gap.RequiredSkill;
import dev.microcred.skills.graph.Framework;
import dev.microcred.skills.graph.Occupation;
import dev.microcred.skills.graph.RelatedOccupation;
import dev.microcred.skills.graph.Requirement;
import dev.microcred.skills.graph.SkillsGraph;
import dev.microcred.skills.pathway.CostMeasure;
import dev.microcred.skills.pathway.Plan;
import dev.microcred.skills.pathway.PlanStep;
import dev.microcred.skills.profile.ProfileSkill;
import dev.microcred.skills.profile.ProofState;
import dev.microcred.skills.search.SearchHit;
import dev.microcred.skills.search.SearchKind;
import dev.microcred.store.StoredCredential;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The skills pages, server-rendered with no script: {@code /skills} (search occupations and skills),
 * {@code /occupations/{id}} (required skills by importance as an SVG bar chart, related occupations),
 * {@code /skills/plan} (paste credentials or pick a demo learner, choose a target: the skills profile drawn, the gap,
 * the pathway drawn) and {@code /about} (the ESCO and O*NET attribution, linked from every skills page's footer).
 */
public final class SkillsPages {
    private static final int MAX_BARS = 30;
    private final Platform p;
    private final SkillsServices skills;

    public SkillsPages(Platform platform, SkillsServices skills) {
        this.p = Objects.requireNonNull(platform, "platform");
        this.skills = Objects.requireNonNull(skills, "skills");
    }

    public void register(Javalin app) {
        app.get("/skills", this::explorer);
        app.get("/occupations/<id>", this::occupation);
        app.get("/skills/plan", ctx -> planPage(ctx, 200, ctx.queryParam("occupation"), null, null, null, null));
        app.post("/skills/plan", this::plan);
        app.get("/about", this::about);
    }

    /** A skills page: the common page shell, the skills data attribution in its footer. */
    private static void html(Context ctx, int status, String title, Html content) {
        Page.send(ctx, status, title, content, el("p", Html.text("Skills data: ESCO 1.1.1 (European Commission) and"
                + " O*NET 29.2 (U.S. Department of Labor, CC BY 4.0) \u2014 "), el("a", List.of(attr("href", "/about")),
                Html.text("attribution and licences"))));
    }

    private static Html link(String href, String text) {
        return el("a", List.of(attr("href", href)), Html.text(text));
    }

    private static Html muted(String text) {
        return el("p", List.of(attr("class", "muted")), Html.text(text));
    }

    /** The page of an occupation (its id URL-encoded). */
    public static String occupationHref(String id) {
        return "/occupations/" + SkillsJson.encode(id);
    }

    private Taxonomy taxonomy(Context ctx) {
        var t = skills.taxonomy().now();
        if (t.isEmpty()) {
            ctx.header("Retry-After", "5");
            html(ctx, 503, "Loading", Page.card(el("h1", "The skills frameworks are loading"),
                    muted("ESCO and O*NET are loaded in the background after start; reload in a few seconds.")));
            return null;
        }
        return t.get();
    }

    private void explorer(Context ctx) {
        Taxonomy t = taxonomy(ctx);
        if (t == null) {
            return;
        }
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        String kind = "skill".equals(ctx.queryParam("kind")) ? "skill" : "occupation";
        Html form = el("form", List.of(attr("method", "get"), attr("action", "/skills")),
                el("label", List.of(attr("for", "q")), Html.text("Search ")),
                el("input", List.of(attr("id", "q"), attr("name", "q"), attr("value", q), attr("size", "40"),
                        attr("maxlength", "200"))), Html.text(" "),
                el("select", List.of(attr("name", "kind")),
                        el("option", List.of(attr("value", "occupation"),
                                attr("selected", kind.equals("occupation") ? "selected" : null)),
                                Html.text("occupations")),
                        el("option", List.of(attr("value", "skill"),
                                attr("selected", kind.equals("skill") ? "selected" : null)), Html.text("skills"))),
                Html.text(" "), el("button", List.of(attr("type", "submit")), Html.text("Search")));
        List<Html> content = new ArrayList<>();
        content.add(Page.card(el("h1", "Explore skills and occupations"),
                el("p", Html.text("Search the European ESCO classification and the U.S. O*NET database, then open an"
                        + " occupation to see the skills it requires, or ")), link("/skills/plan",
                        "plan a pathway toward one \u2192"), form));
        if (!q.isEmpty()) {
            SearchKind k = kind.equals("skill") ? SearchKind.SKILL : SearchKind.OCCUPATION;
            List<SearchHit> hits = t.index().search(Charts.clip(q, 200), k, null, 25);
            List<Html> items = new ArrayList<>();
            for (SearchHit h : hits) {
                String fw = h.framework() == Framework.ESCO ? "ESCO" : "O*NET";
                Html name = k == SearchKind.OCCUPATION ? link(occupationHref(h.id()), h.label())
                        : el("strong", h.label());
                Occupation o = t.graph().occupation(h.id()).orElse(null);
                String extra = o != null ? " \u00b7 " + o.code() : t.graph().skill(h.id())
                        .map(s -> " \u00b7 " + s.type().name().toLowerCase(Locale.ROOT)).orElse("");
                items.add(el("li", List.of(attr("class", "hit")), name, el("span", List.of(attr("class", "tag")),
                        Html.text(fw + extra)), h.matched().equals(h.label()) ? Html.empty()
                        : el("span", List.of(attr("class", "muted")), Html.text(" matched \u201c" + h.matched()
                        + "\u201d"))));
            }
            content.add(Page.card(el("h2", "Results for \u201c" + q + "\u201d"), items.isEmpty()
                    ? muted("Nothing matched. Try other words.") : el("ol", Html.join(items))));
        }
        html(ctx, 200, "Skills", Html.join(content));
    }

    private void occupation(Context ctx) {
        Taxonomy t = taxonomy(ctx);
        if (t == null) {
            return;
        }
        String id = SkillsApi.pathId(ctx);
        Occupation o = t.graph().occupation(id).orElse(null);
        if (o == null) {
            html(ctx, 404, "Unknown occupation", Page.card(el("h1", "Unknown occupation"),
                    el("p", Html.text("No ESCO or O*NET occupation has the id \u201c" + Charts.clip(id, 200)
                            + "\u201d. ")), link("/skills", "Search occupations \u2192")));
            return;
        }
        List<Requirement> required = SkillsJson.required(t.graph(), o);
        List<Charts.Bar> bars = new ArrayList<>();
        for (Requirement r : required.subList(0, Math.min(MAX_BARS, required.size()))) {
            String note = switch (r.relevance()) {
                case ESSENTIAL -> "essential";
                case OPTIONAL -> "optional";
                case RATED -> String.format(Locale.ROOT, "importance %.1f, level %.1f", r.importance(), r.level());
                case TECHNOLOGY -> r.flags().inDemand() ? "in-demand technology" : "hot technology";
            };
            bars.add(new Charts.Bar(SkillsJson.label(t.graph(), r.skillId()), GapAnalyzer.weight(r), note,
                    r.relevance() == dev.microcred.skills.graph.Relevance.OPTIONAL ? Charts.MISSING : Charts.ACCENT));
        }
        List<Html> related = new ArrayList<>();
        for (RelatedOccupation r : t.graph().related(o.id())) {
            related.add(el("li", link(occupationHref(r.occupationId()), t.graph().occupation(r.occupationId())
                    .map(Occupation::label).orElse(r.occupationId())), el("span", List.of(attr("class", "muted")),
                    Html.text(" " + r.tier() + ", rank " + r.rank()))));
        }
        String fw = o.framework() == Framework.ESCO ? "ESCO occupation " : "O*NET occupation ";
        html(ctx, 200, o.label(), Html.join(
                Page.card(el("p", List.of(attr("class", "muted")), Html.text(fw + o.code())), el("h1", o.label()),
                        el("p", Html.text(o.description())),
                        el("p", link("/skills/plan?occupation=" + SkillsJson.encode(o.id()),
                                "Plan a pathway toward this occupation \u2192"))),
                Page.card(el("h2", "Required skills by importance"), required.isEmpty()
                        ? muted("The framework lists no required skills for this occupation.")
                        : Html.join(Charts.bars("Required skills of " + o.label(), bars),
                        required.size() > MAX_BARS ? muted("The " + MAX_BARS + " heaviest of " + required.size()
                                + " required skills.") : Html.empty())),
                related.isEmpty() ? Html.empty() : Page.card(el("h2", "Related occupations (O*NET)"),
                        el("ul", Html.join(related)))));
    }

    private void about(Context ctx) {
        List<Html> paragraphs = new ArrayList<>();
        for (String para : SkillsGraph.attribution().split("\\n\\s*\\n")) {
            if (!para.isBlank()) {
                paragraphs.add(el("p", Html.text(para.strip())));
            }
        }
        html(ctx, 200, "About the skills data", Page.card(el("h1", "About the skills data"), Html.join(paragraphs)));
    }

    /** The demo learners whose credentials the plan page offers (only when the demo is loaded). */
    private Map<String, List<StoredCredential>> demoLearners() {
        Map<String, List<StoredCredential>> out = new TreeMap<>();
        for (String email : Demo.LEARNERS) {
            String hash = new Issuance.Recipient(email, null).hash();
            List<StoredCredential> theirs = p.db().read(c -> p.store().credentials().byRecipient(c, hash));
            if (!theirs.isEmpty()) {
                out.put(email, theirs);
            }
        }
        return out;
    }

    private void plan(Context ctx) {
        String occupation = ctx.formParam("occupation");
        String pasted = ctx.formParam("credentials");
        String learner = ctx.formParam("learner");
        String objective = ctx.formParam("objective");
        if (skills.taxonomy().now().isEmpty()) {
            taxonomy(ctx);
            return;
        }
        try {
            ArrayNode list = Json.mapper().createArrayNode();
            if (learner != null && !learner.isBlank()) {
                List<StoredCredential> theirs = demoLearners().get(learner);
                if (theirs == null) {
                    throw new MicrocredException(Problem.INVALID_REQUEST, "no such demo learner");
                }
                theirs.forEach(k -> list.add(Json.parse(k.document())));
            }
            if (pasted != null && !pasted.isBlank()) {
                parsePasted(pasted.strip(), list);
            }
            ObjectNode body = Json.object();
            body.set("credentials", list);
            CostMeasure measure = CareerPlanner.objective(objective);
            Analysis a = skills.planner().analyse(body, occupation, measure, false);
            planPage(ctx, 200, occupation, pasted, learner, objective, a);
        } catch (MicrocredException e) {
            planPage(ctx, 400, occupation, pasted, learner, objective, null, e.getMessage());
        }
    }

    /** A JSON array of credentials, one JSON credential, or VC-JWTs separated by white space. */
    static void parsePasted(String text, ArrayNode into) {
        if (text.startsWith("[")) {
            for (JsonNode k : Json.parse(text)) {
                into.add(k);
            }
        } else if (text.startsWith("{")) {
            into.add(Json.parseObject(text));
        } else {
            for (String jwt : text.split("\\s+")) {
                into.add(jwt);
            }
        }
    }

    private void planPage(Context ctx, int status, String occupation, String pasted, String learner, String objective,
                          Analysis a) {
        planPage(ctx, status, occupation, pasted, learner, objective, a, null);
    }

    private void planPage(Context ctx, int status, String occupation, String pasted, String learner, String objective,
                          Analysis a, String error) {
        Taxonomy t = taxonomy(ctx);
        if (t == null) {
            return;
        }
        List<Html> learnerOptions = new ArrayList<>();
        learnerOptions.add(el("option", List.of(attr("value", "")), Html.text("(none)")));
        demoLearners().forEach((email, theirs) -> learnerOptions.add(el("option", List.of(attr("value", email),
                attr("selected", email.equals(learner) ? "selected" : null)),
                Html.text("demo learner " + email + " (" + theirs.size() + " credentials)"))));
        String target = occupation == null ? "" : occupation;
        String targetLabel = t.graph().occupation(target).map(o -> " (" + o.label() + ")").orElse("");
        Html form = el("form", List.of(attr("method", "post"), attr("action", "/skills/plan")),
                Forms.csrf(WebSignIn.visitor(ctx).csrfToken()),
                el("p", el("label", List.of(attr("for", "occupation")), Html.text("Target occupation" + targetLabel
                        + ": ")), el("input", List.of(attr("id", "occupation"), attr("name", "occupation"),
                        attr("value", target), attr("size", "60"), attr("required", "required"),
                        attr("placeholder", "an O*NET-SOC code such as 15-1251.00, or an ESCO occupation URI"))),
                        Html.text(" "), link("/skills", "find one")),
                el("p", el("label", List.of(attr("for", "credentials")), Html.text("Your credentials: paste a JSON"
                        + " credential, a JSON array of them, or VC-JWTs (one per line)"))),
                el("textarea", List.of(attr("id", "credentials"), attr("name", "credentials")),
                        Html.text(pasted == null ? "" : pasted)),
                el("p", el("label", List.of(attr("for", "learner")), Html.text("or use the credentials of ")),
                        el("select", List.of(attr("id", "learner"), attr("name", "learner")),
                                Html.join(learnerOptions))),
                el("p", el("label", List.of(attr("for", "objective")), Html.text("Plan for the least ")),
                        el("select", List.of(attr("id", "objective"), attr("name", "objective")),
                                el("option", List.of(attr("value", "workload")), Html.text("workload")),
                                el("option", List.of(attr("value", "cost"), attr("selected", "cost".equals(objective)
                                        ? "selected" : null)), Html.text("cost"))), Html.text(" "),
                        el("button", List.of(attr("type", "submit")), Html.text("Show my gap and pathway"))));
        List<Html> content = new ArrayList<>();
        content.add(Page.card(el("h1", "Plan a pathway toward an occupation"), el("p", Html.text("Your credentials are"
                + " verified now; only valid ones prove skills, expired ones count as stale. Nothing you paste is"
                + " stored.")), error == null ? Html.empty() : el("p", List.of(attr("class", "verdict invalid"),
                attr("id", "error")), Html.text(error)), form));
        if (a != null) {
            content.add(credentialsCard(a));
            content.add(profileCard(a, t.graph()));
            content.add(gapCard(a.gap()));
            content.add(planCard(a));
        }
        html(ctx, status, "Plan a pathway", Html.join(content));
    }

    static Html credentialsCard(Analysis a) {
        List<Html> rows = new ArrayList<>();
        for (PresentedCredential k : a.credentials()) {
            String name = k.verified().achievementName().isEmpty() ? k.verified().credentialId()
                    : k.verified().achievementName();
            rows.add(el("li", el("strong", name), Html.text(" \u2014 "), el("span", List.of(attr("class",
                    k.verified().counts() ? "tag" : "tag muted"), attr("data-outcome", k.outcome())),
                    Html.text(k.outcome())), el("span", List.of(attr("class", "muted")),
                    Html.text(" " + k.detail()))));
        }
        return Page.card(el("h2", "Your credentials, verified now"), muted(a.note()),
                rows.isEmpty() ? Html.empty() : el("ul", Html.join(rows)));
    }

    static Html profileCard(Analysis a, SkillsGraph graph) {
        Map<String, int[]> groups = new TreeMap<>();
        List<Html> items = new ArrayList<>();
        for (ProfileSkill s : a.profile().skills()) {
            int[] v = groups.computeIfAbsent(SkillGroups.of(graph, s.skillId()), k -> new int[2]);
            v[s.state() == ProofState.PROVEN ? 0 : 1]++;
            items.add(el("li", Html.text(SkillsJson.label(graph, s.skillId())), el("span", List.of(attr("class",
                    "tag")), Html.text(s.state() == ProofState.PROVEN ? "proven" : "stale"))));
        }
        if (groups.isEmpty()) {
            return Page.card(el("h2", "Your skills profile"), muted("No skill is proven by these credentials."));
        }
        return Page.card(el("h2", "Your skills profile"), Charts.stacked("Skills profile: proven and stale skills per"
                + " group", new ArrayList<>(groups.keySet()), new ArrayList<>(groups.values())),
                el("details", el("summary", "Every skill"), el("ul", Html.join(items))));
    }

    static Html gapCard(Gap gap) {
        List<Html> rows = new ArrayList<>();
        for (RequiredSkill s : gap.skills()) {
            String coverage = s.coverage().name().toLowerCase(Locale.ROOT);
            String level = s.requiredLevel() == null ? "" : "level " + s.requiredLevel()
                    + (s.coverage() == Coverage.PROVEN && !s.levelMet() ? " (proven " + s.provenLevel() + ")" : "");
            rows.add(el("tr", el("td", s.label()), el("td", List.of(attr("class", "coverage-" + coverage)),
                    Html.text(coverage + (s.approximate() ? " (approximate match)" : ""))), el("td", level),
                    el("td", String.format(Locale.ROOT, "%.2f", s.weight()))));
        }
        return Page.card(el("h2", "Gap toward " + gap.occupation().label()), Charts.closeness(gap.closeness()),
                el("p", List.of(attr("id", "gap-explanation")), Html.text(gap.explanation())),
                el("details", el("summary", "Required skills: " + gap.proven().size() + " proven, "
                        + gap.stale().size() + " stale, " + gap.missing().size() + " missing"),
                        el("table", el("thead", el("tr", el("th", "skill"), el("th", "you"), el("th", "required"),
                                el("th", "weight"))), el("tbody", Html.join(rows)))));
    }

    static Html planCard(Analysis a) {
        Plan plan = a.plan();
        String unit = plan.measure() == CostMeasure.WORKLOAD_HOURS ? " h" : "";
        List<Charts.Step> steps = new ArrayList<>();
        List<Html> reasons = new ArrayList<>();
        for (PlanStep s : plan.steps()) {
            Offering o = a.offerings().get(s.achievementId());
            String by = o == null ? "" : " \u00b7 " + o.issuerName();
            double workload = o == null ? Double.NaN : o.achievement().workloadHours();
            String size = Double.isNaN(workload) ? "" : String.format(Locale.ROOT, "%.0f h", workload);
            steps.add(new Charts.Step(s.name(), (s.held() ? "already earned" : size) + by, s.held()));
            List<Html> alts = new ArrayList<>();
            s.alternatives().forEach(alt -> alts.add(el("li", Html.text(alt.name() + " ("
                    + String.format(Locale.ROOT, "%.0f", alt.cost()) + unit + ")"))));
            reasons.add(el("li", el("strong", s.name()), Html.text(": " + s.reason()),
                    alts.isEmpty() ? Html.empty() : Html.join(Html.text(" Alternatives:"), el("ul", Html.join(alts)))));
        }
        String headline = a.gap().goalMet() ? "Goal already met: every required skill is proven at its level."
                : plan.explanation();
        Html drawn = steps.isEmpty() ? muted("No step to take.") : Charts.pathway("Learning pathway", steps);
        return Page.card(el("h2", "Your pathway"),
                el("p", List.of(attr("id", "plan-explanation")), Html.text(headline)),
                el("p", List.of(attr("class", "tag"), attr("id", "optimality")),
                        Html.text("optimality: " + SkillsJson.optimality(plan))), drawn,
                reasons.isEmpty() ? Html.empty() : el("ol", List.of(attr("class", "checks")), Html.join(reasons)));
    }
}
