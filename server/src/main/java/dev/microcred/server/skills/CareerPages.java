package dev.microcred.server.skills;

import static dev.microcred.server.web.Html.attr;
import static dev.microcred.server.web.Html.el;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.server.accounts.Page;
import dev.microcred.server.accounts.Visitor;
import dev.microcred.server.accounts.WebSignIn;
import dev.microcred.server.web.Forms;
import dev.microcred.server.web.Html;
import dev.microcred.skills.graph.Framework;
import dev.microcred.skills.graph.Occupation;
import dev.microcred.skills.pathway.CostMeasure;
import dev.microcred.skills.pathway.Progress;
import dev.microcred.skills.portfolio.Expiring;
import dev.microcred.skills.portfolio.PortfolioAdvice;
import dev.microcred.skills.portfolio.Provider;
import dev.microcred.skills.profile.Credibility;
import dev.microcred.skills.search.SearchHit;
import dev.microcred.skills.search.SearchKind;
import dev.microcred.store.Account;
import dev.microcred.store.CareerGoal;
import dev.microcred.store.ContactRequest;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The learner's career pages in the wallet, server-rendered with no script: {@code /wallet/goal} (pick a target
 * occupation by search; the skills profile from the wallet drawn, the gap, the pathway with reasons, alternatives and
 * progress), {@code /wallet/portfolio} (breadth and depth, freshness, expiring credentials with their renewal,
 * credible providers first) and {@code /wallet/employers} (the discoverable setting and the employers' contact
 * requests, accepted or declined here).
 */
public final class CareerPages {
    private static final Map<String, String> OBJECTIVES = objectives();
    private final SkillsServices skills;
    private final CareerServices career;

    private static Map<String, String> objectives() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("workload", "workload (hours)");
        m.put("cost", "cost");
        return m;
    }

    public CareerPages(SkillsServices skills, CareerServices career) {
        this.skills = Objects.requireNonNull(skills, "skills");
        this.career = Objects.requireNonNull(career, "career");
    }

    public void register(Javalin app) {
        app.get("/wallet/goal", ctx -> goalPage(ctx, 200, null, null));
        app.post("/wallet/goal", this::setGoal);
        app.post("/wallet/goal/clear", this::clearGoal);
        app.get("/wallet/portfolio", this::portfolio);
        app.get("/wallet/employers", this::employers);
        app.post("/wallet/discoverable", this::discoverable);
        app.post("/wallet/requests/{id}", this::answer);
    }

    private static Html muted(String text) {
        return el("p", List.of(attr("class", "muted")), Html.text(text));
    }

    private static Html link(String href, String text) {
        return el("a", List.of(attr("href", href)), Html.text(text));
    }

    private static Html nav() {
        return el("p", List.of(attr("class", "muted")), link("/wallet", "Wallet"), Html.text(" \u00b7 "),
                link("/wallet/goal", "Career goal"), Html.text(" \u00b7 "), link("/wallet/portfolio", "Portfolio advice"),
                Html.text(" \u00b7 "), link("/wallet/employers", "Employers"));
    }

    private Taxonomy taxonomy(Context ctx) {
        Optional<Taxonomy> t = skills.taxonomy().now();
        if (t.isEmpty()) {
            ctx.header("Retry-After", "5");
            Page.send(ctx, 503, "Loading", Page.card(el("h1", "The skills frameworks are loading"),
                    muted("ESCO and O*NET are loaded in the background after start; reload in a few seconds.")));
            return null;
        }
        return t.get();
    }

    // ---- goal

    private void goalPage(Context ctx, int status, String error, String typed) {
        Visitor v = WebSignIn.visitor(ctx);
        Account me = v.require();
        Taxonomy t = taxonomy(ctx);
        if (t == null) {
            return;
        }
        Optional<CareerGoal> goal = career.goals().goal(me.id());
        String q = ctx.queryParam("q") == null ? "" : Charts.clip(ctx.queryParam("q").strip(), 200);
        List<Html> content = new ArrayList<>();
        Html current = goal.map(g -> {
            Occupation o = career.goals().occupation(g.occupationId());
            return el("p", Html.text("Your goal: "), el("strong", List.of(attr("id", "goal")), Html.text(o.label())),
                    el("span", List.of(attr("class", "tag")), Html.text((o.framework() == Framework.ESCO ? "ESCO "
                            : "O*NET ") + o.code())), Html.text(" \u00b7 planning for the least " + g.objective()
                            + " \u00b7 "), Forms.button("/wallet/goal/clear", v.csrfToken(), "Remove goal", Map.of()));
        }).orElse(el("p", List.of(attr("id", "no-goal")), Html.text("No goal yet: search for the occupation you aim"
                + " at and set it as your goal.")));
        Html search = el("form", List.of(attr("method", "get"), attr("action", "/wallet/goal"), attr("id", "search")),
                el("label", List.of(attr("for", "q")), Html.text("Search occupations (ESCO and O*NET)")),
                el("input", List.of(attr("id", "q"), attr("name", "q"), attr("value", q), attr("maxlength", "200"))),
                el("p", el("button", List.of(attr("type", "submit")), Html.text("Search"))));
        Html direct = Forms.post("/wallet/goal", v.csrfToken(), List.of(attr("id", "set-goal")),
                Forms.input("or give its id (an O*NET-SOC code such as 15-1251.00, or an ESCO occupation URI)",
                        "occupation", "text", typed == null ? "" : typed, attr("maxlength", "300")),
                Forms.select("Plan for the least", "objective", OBJECTIVES,
                        goal.map(CareerGoal::objective).orElse("workload")),
                Forms.submit("Set as my goal"));
        content.add(Page.card(nav(), el("h1", "Your career goal"), Forms.error(error), current, search, direct));
        if (!q.isEmpty()) {
            List<Html> items = new ArrayList<>();
            for (SearchHit h : t.index().search(q, SearchKind.OCCUPATION, null, 15)) {
                Occupation o = t.graph().occupation(h.id()).orElse(null);
                if (o == null) {
                    continue;
                }
                items.add(el("li", List.of(attr("class", "hit"), attr("data-occupation", o.id())),
                        el("strong", o.label()), el("span", List.of(attr("class", "tag")),
                                Html.text((o.framework() == Framework.ESCO ? "ESCO " : "O*NET ") + o.code())),
                        Forms.button("/wallet/goal", v.csrfToken(), "Set as my goal", Map.of("occupation", o.id()))));
            }
            content.add(Page.card(el("h2", "Occupations matching \u201c" + q + "\u201d"), items.isEmpty()
                    ? muted("Nothing matched. Try other words.") : el("ol", List.of(attr("id", "results")),
                    Html.join(items))));
        }
        if (goal.isPresent()) {
            LearnerGoals.GoalPlan gp = career.goals().plan(me.id());
            Analysis a = gp.analysis();
            content.add(Page.card(el("h2", "Where you stand"), el("p", List.of(attr("id", "plan-headline")),
                    Html.text(gp.headline())), progress(a.plan().progress(), a.plan().measure())));
            content.add(SkillsPages.credentialsCard(new Analysis(a.credentials(), a.profile(), a.gap(), a.plan(),
                    a.offerings(), walletNote(a))));
            content.add(SkillsPages.profileCard(a, t.graph()));
            content.add(SkillsPages.gapCard(a.gap()));
            if (!gp.goalMet()) {
                content.add(SkillsPages.planCard(a));
            }
        }
        content.add(muted("Skills data: ESCO 1.1.1 (European Commission) and O*NET 29.2 (U.S. Department of Labor,"
                + " CC BY 4.0); see /about."));
        Page.send(ctx, status, "Career goal", Html.join(content));
    }

    private static String walletNote(Analysis a) {
        if (a.credentials().isEmpty()) {
            return "Your wallet holds no claimed or imported credential yet: claim the credentials issued to you, or"
                    + " import those from elsewhere, and they count here.";
        }
        return "Your claimed and imported credentials, verified now: " + a.note();
    }

    /** Progress toward the goal: the share of the coverable gap skills covered by what the learner holds. */
    private static Html progress(Progress pr, CostMeasure measure) {
        String unit = measure == CostMeasure.WORKLOAD_HOURS ? " h" : "";
        return Html.join(Charts.closeness(pr.skillsDone()), el("p", List.of(attr("id", "progress")),
                Html.text(String.format(Locale.ROOT, "Progress: %d of %d gap skills already taught by achievements"
                        + " you hold; %.0f%s still to go%s.", pr.coveredByHeld(), pr.gapSkills() - pr.uncoverable(),
                        pr.remainingCost(), unit, pr.uncoverable() > 0 ? "; " + pr.uncoverable()
                                + " skills are taught by nothing offered here" : ""))));
    }

    private void setGoal(Context ctx) {
        Account me = WebSignIn.visitor(ctx).require();
        if (taxonomy(ctx) == null) {
            return;
        }
        String occupation = ctx.formParam("occupation");
        try {
            career.goals().set(me.id(), occupation, ctx.formParam("objective"));
        } catch (MicrocredException e) {
            if (e.problem() != Problem.INVALID_REQUEST) {
                throw e;
            }
            goalPage(ctx, 400, e.getMessage(), occupation);
            return;
        }
        ctx.redirect("/wallet/goal", HttpStatus.SEE_OTHER);
    }

    private void clearGoal(Context ctx) {
        Account me = WebSignIn.visitor(ctx).require();
        career.goals().clear(me.id());
        ctx.redirect("/wallet/goal", HttpStatus.SEE_OTHER);
    }

    // ---- portfolio

    static String credibility(Credibility c) {
        return c.accredited() ? "accredited" : c.endorsed() ? "endorsed" : "none";
    }

    static String achievementName(LearnerGoals.Portfolio pf, Expiring e) {
        for (PresentedCredential k : pf.credentials()) {
            if (k.verified().credentialId().equals(e.credentialId()) && !k.verified().achievementName().isEmpty()) {
                return k.verified().achievementName();
            }
        }
        return e.achievementId().isEmpty() ? e.credentialId() : e.achievementId();
    }

    /** The renewal path in words: earn the same achievement again where it is offered, else the advisor's path. */
    static String renewal(LearnerGoals.Portfolio pf, Expiring e) {
        Offering same = pf.offerings().get(e.achievementId());
        if (same != null) {
            return "renew by earning \u201c" + same.achievement().name() + "\u201d again from " + same.issuerName();
        }
        String advised = e.renewal();
        for (Offering o : pf.offerings().values()) {
            advised = advised.replace(o.achievement().id(), "\u201c" + o.achievement().name() + "\u201d ("
                    + o.issuerName() + ")");
        }
        return advised;
    }

    private void portfolio(Context ctx) {
        Account me = WebSignIn.visitor(ctx).require();
        if (taxonomy(ctx) == null) {
            return;
        }
        LearnerGoals.Portfolio pf = career.goals().portfolio(me.id());
        PortfolioAdvice adv = pf.advice();
        List<Html> content = new ArrayList<>();
        List<Html> advice = new ArrayList<>();
        adv.advice().forEach(s -> advice.add(el("li", s)));
        List<Charts.Bar> bars = List.of(
                new Charts.Bar("breadth: distinct proven skills", Math.min(1, adv.breadth() / 20.0),
                        Integer.toString(adv.breadth()), Charts.ACCENT),
                new Charts.Bar("depth: mean proven level (0\u20137)", adv.depth() / 7,
                        String.format(Locale.ROOT, "%.1f", adv.depth()), Charts.ACCENT),
                new Charts.Bar("deep skills (level 5+ or two proofs)", adv.breadth() == 0 ? 0
                        : (double) adv.deepSkills() / adv.breadth(), Integer.toString(adv.deepSkills()), Charts.OK),
                new Charts.Bar("freshness: proven in the last two years", adv.freshness(),
                        Charts.percent(adv.freshness()), adv.freshness() < 0.5 ? Charts.STALE : Charts.OK));
        content.add(Page.card(nav(), el("h1", "Portfolio advice"), Charts.bars("Portfolio: breadth, depth and"
                        + " freshness", bars), advice.isEmpty() ? muted("Nothing to advise: your portfolio is in good"
                        + " shape.") : el("ul", List.of(attr("id", "advice")), Html.join(advice))));
        List<Html> expiring = new ArrayList<>();
        for (Expiring e : adv.expiring()) {
            expiring.add(el("tr", el("td", achievementName(pf, e)), el("td", e.validUntil().toString()
                    .substring(0, 10)), el("td", e.daysLeft() + " days"), el("td", renewal(pf, e))));
        }
        content.add(Page.card(el("h2", "Expiring within " + LearnerGoals.EXPIRY_WINDOW_DAYS + " days"),
                expiring.isEmpty() ? muted("None of your valid credentials expires soon.")
                        : el("table", List.of(attr("id", "expiring")), el("thead", el("tr", el("th", "credential"),
                                el("th", "valid until"), el("th", "left"), el("th", "renewal"))),
                        el("tbody", Html.join(expiring)))));
        List<Html> providers = new ArrayList<>();
        for (Provider pr : adv.providers()) {
            IssuerCredibility.Standing s = pf.standings().get(pr.issuerId());
            String standing = s == null ? "not an issuer of this platform; no standing recorded"
                    : s.accreditedBy() != null ? "accredited by " + s.accreditedBy()
                    + (s.endorsedBy() != null ? ", endorsed by " + s.endorsedBy() : "")
                    : s.endorsedBy() != null ? "endorsed by " + s.endorsedBy() : "neither accredited nor endorsed";
            providers.add(el("li", List.of(attr("data-credibility", credibility(pr.credibility()))),
                    el("strong", s == null ? pr.issuerId() : s.issuer().name()), Html.text(" \u2014 " + standing
                            + " \u00b7 " + pr.credentials() + " valid credential" + (pr.credentials() == 1 ? "" : "s"))));
        }
        content.add(Page.card(el("h2", "Your providers, credible first"), providers.isEmpty()
                ? muted("No valid credential yet.") : el("ol", List.of(attr("id", "providers")),
                Html.join(providers))));
        Page.send(ctx, 200, "Portfolio advice", Html.join(content));
    }

    // ---- employers

    private void employers(Context ctx) {
        Visitor v = WebSignIn.visitor(ctx);
        Account me = v.require();
        boolean on = career.employers().isDiscoverable(me.id());
        List<Html> rows = new ArrayList<>();
        for (Employers.Received r : career.employers().received(me.id())) {
            ContactRequest q = r.request();
            Html action = ContactRequest.PENDING.equals(q.state()) ? Html.join(
                    Forms.button("/wallet/requests/" + q.id(), v.csrfToken(), "Accept", Map.of("answer", "accept")),
                    Html.text(" "), Forms.button("/wallet/requests/" + q.id(), v.csrfToken(), "Decline",
                            Map.of("answer", "decline")))
                    : Html.text(q.state());
            rows.add(el("tr", List.of(attr("data-request", q.id())), el("td", r.employerName()),
                    el("td", r.postingTitle()), el("td", q.message()), el("td", List.of(attr("class", "state")),
                            action)));
        }
        Page.send(ctx, 200, "Employers", Html.join(
                Page.card(nav(), el("h1", "Employers"), el("p", List.of(attr("id", "discoverable")), Html.text(on
                                ? "You are discoverable: employers' job postings are matched against the skills your"
                                + " valid credentials prove. They see a pseudonym and which credential proves what,"
                                + " never your name or email unless you accept their request."
                                : "You are not discoverable (the default): no employer sees your skills.")),
                        Forms.button("/wallet/discoverable", v.csrfToken(), on ? "Stop being discoverable"
                                : "Become discoverable", Map.of("discoverable", on ? "false" : "true"))),
                Page.card(el("h2", "Contact requests"), rows.isEmpty() ? muted("No employer has asked to contact you.")
                        : el("table", List.of(attr("id", "requests")), el("thead", el("tr", el("th", "employer"),
                                el("th", "job"), el("th", "message"), el("th", "answer"))),
                        el("tbody", Html.join(rows))),
                        muted("Accepting shows the employer your name and email; declining shows nothing."))));
    }

    private void discoverable(Context ctx) {
        Account me = WebSignIn.visitor(ctx).require();
        String v = ctx.formParam("discoverable");
        if (!"true".equals(v) && !"false".equals(v)) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "discoverable must be true or false");
        }
        career.employers().setDiscoverable(me.id(), v.equals("true"));
        ctx.redirect("/wallet/employers", HttpStatus.SEE_OTHER);
    }

    private void answer(Context ctx) {
        Account me = WebSignIn.visitor(ctx).require();
        String answer = ctx.formParam("answer");
        if (!"accept".equals(answer) && !"decline".equals(answer)) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "answer must be accept or decline");
        }
        career.employers().answer(me.id(), ctx.pathParam("id"), answer.equals("accept"));
        ctx.redirect("/wallet/employers", HttpStatus.SEE_OTHER);
    }
}
