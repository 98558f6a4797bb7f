package dev.microcred.server.skills;

import static dev.microcred.server.web.Html.attr;
import static dev.microcred.server.web.Html.el;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.server.accounts.Page;
import dev.microcred.server.accounts.Visitor;
import dev.microcred.server.accounts.WebSignIn;
import dev.microcred.server.web.Forms;
import dev.microcred.server.web.Html;
import dev.microcred.skills.graph.Framework;
import dev.microcred.skills.graph.Occupation;
import dev.microcred.skills.search.SearchHit;
import dev.microcred.skills.search.SearchKind;
import dev.microcred.store.Account;
import dev.microcred.store.ShortlistEntry;
import dev.microcred.store.StoredPosting;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The employer's pages (accounts with the verifier role), server-rendered with no script: {@code /employer} (postings;
 * a new posting from an occupation found by search), {@code /employer/postings/{id}} (the editable requirements, the
 * ranked pseudonymous candidates with the explanation of each score, the shortlist, contact requests and, once a
 * learner accepted, their name and email).
 */
public final class EmployerPages {
    private final SkillsServices skills;
    private final CareerServices career;

    public EmployerPages(SkillsServices skills, CareerServices career) {
        this.skills = Objects.requireNonNull(skills, "skills");
        this.career = Objects.requireNonNull(career, "career");
    }

    public void register(Javalin app) {
        app.get("/employer", this::home);
        app.post("/employer/postings", this::create);
        app.get("/employer/postings/{id}", this::posting);
        app.post("/employer/postings/{id}", this::update);
        app.post("/employer/postings/{id}/shortlist", this::shortlist);
        app.post("/employer/postings/{id}/contacts", this::contact);
    }

    private static Html muted(String text) {
        return el("p", List.of(attr("class", "muted")), Html.text(text));
    }

    private static Html link(String href, String text) {
        return el("a", List.of(attr("href", href)), Html.text(text));
    }

    private static String code(Occupation o) {
        return (o.framework() == Framework.ESCO ? "ESCO " : "O*NET ") + o.code();
    }

    private void home(Context ctx) {
        Visitor v = WebSignIn.visitor(ctx);
        Account me = Employers.employer(v);
        Taxonomy t = skills.taxonomy().require();
        String q = ctx.queryParam("q") == null ? "" : Charts.clip(ctx.queryParam("q").strip(), 200);
        List<Html> rows = new ArrayList<>();
        for (StoredPosting s : career.employers().postings(me)) {
            String occ = t.graph().occupation(s.occupationId()).map(Occupation::label).orElse(s.occupationId());
            rows.add(el("li", List.of(attr("data-posting", s.id())), link("/employer/postings/" + s.id(), s.title()),
                    el("span", List.of(attr("class", "muted")), Html.text(" \u00b7 from " + occ + " \u00b7 "
                            + Employers.needs(s).size() + " required skills"))));
        }
        List<Html> content = new ArrayList<>();
        content.add(Page.card(el("h1", "Your job postings"), rows.isEmpty() ? el("p", List.of(attr("id", "none")),
                Html.text("No posting yet: start one from an occupation below.")) : el("ul", List.of(attr("id",
                "postings")), Html.join(rows))));
        Html search = el("form", List.of(attr("method", "get"), attr("action", "/employer"), attr("id", "search")),
                el("label", List.of(attr("for", "q")), Html.text("Find the occupation to start from")),
                el("input", List.of(attr("id", "q"), attr("name", "q"), attr("value", q), attr("maxlength", "200"))),
                el("p", el("button", List.of(attr("type", "submit")), Html.text("Search"))));
        List<Html> hits = new ArrayList<>();
        if (!q.isEmpty()) {
            for (SearchHit h : t.index().search(q, SearchKind.OCCUPATION, null, 10)) {
                Occupation o = t.graph().occupation(h.id()).orElse(null);
                if (o == null) {
                    continue;
                }
                hits.add(el("li", List.of(attr("data-occupation", o.id())), el("strong", o.label()),
                        el("span", List.of(attr("class", "tag")), Html.text(code(o))),
                        Forms.post("/employer/postings", v.csrfToken(), List.of(attr("class", "new-posting")),
                                el("input", List.of(attr("type", "hidden"), attr("name", "occupation"),
                                        attr("value", o.id()))),
                                el("input", List.of(attr("name", "title"), attr("value", o.label()),
                                        attr("aria-label", "job title"), attr("maxlength", "300"))),
                                Forms.submit("Create a posting from this occupation"))));
            }
        }
        content.add(Page.card(el("h2", "New posting from an occupation template"), muted("The posting starts with"
                + " the occupation's " + Employers.TEMPLATE_SKILLS + " most important skills (importance and minimum"
                + " level from ESCO and O*NET); edit them afterwards."), search, q.isEmpty() ? Html.empty()
                : hits.isEmpty() ? muted("No occupation matched.") : el("ol", List.of(attr("id", "results")),
                Html.join(hits))));
        Page.send(ctx, 200, "Employer", Html.join(content));
    }

    private void create(Context ctx) {
        Account me = Employers.employer(WebSignIn.visitor(ctx));
        skills.taxonomy().require();
        StoredPosting s = career.employers().create(me, ctx.formParam("title"), ctx.formParam("occupation"), null);
        ctx.redirect("/employer/postings/" + s.id(), HttpStatus.SEE_OTHER);
    }

    private void posting(Context ctx) {
        Visitor v = WebSignIn.visitor(ctx);
        Account me = Employers.employer(v);
        Taxonomy t = skills.taxonomy().require();
        StoredPosting s = career.employers().posting(me, ctx.pathParam("id"));
        String base = "/employer/postings/" + s.id();
        List<Html> reqRows = new ArrayList<>();
        for (Employers.Need n : Employers.needs(s)) {
            reqRows.add(el("tr", List.of(attr("data-skill", n.skillId())),
                    el("td", Html.text(SkillsJson.label(t.graph(), n.skillId())), el("input", List.of(attr("type",
                            "hidden"), attr("name", "skill"), attr("value", n.skillId())))),
                    el("td", el("input", List.of(attr("name", "importance"), attr("aria-label", "importance"),
                            attr("value", number(n.importance())), attr("size", "5")))),
                    el("td", el("input", List.of(attr("name", "minLevel"), attr("aria-label", "minimum level"),
                            attr("value", n.minLevel() == null ? "" : n.minLevel().toString()), attr("size", "3")))),
                    el("td", el("input", List.of(attr("type", "checkbox"), attr("name", "remove"),
                            attr("value", n.skillId()), attr("aria-label", "remove"))))));
        }
        reqRows.add(el("tr", List.of(attr("id", "add-skill")),
                el("td", el("input", List.of(attr("name", "skill"), attr("aria-label", "add a skill by id"),
                        attr("placeholder", "add a skill: ESCO URI or O*NET id such as 2.B.3.e")))),
                el("td", el("input", List.of(attr("name", "importance"), attr("aria-label", "importance"),
                        attr("value", "3"), attr("size", "5")))),
                el("td", el("input", List.of(attr("name", "minLevel"), attr("aria-label", "minimum level"),
                        attr("size", "3")))), el("td", "")));
        String occ = t.graph().occupation(s.occupationId()).map(o -> o.label() + " (" + code(o) + ")")
                .orElse(s.occupationId());
        List<Html> content = new ArrayList<>();
        content.add(Page.card(el("p", List.of(attr("class", "muted")), link("/employer", "\u2190 your postings")),
                el("h1", List.of(attr("id", "title")), Html.text(s.title())), muted("From the occupation " + occ),
                Forms.post(base, v.csrfToken(), List.of(attr("id", "requirements")),
                        Forms.input("Title", "title", "text", s.title(), attr("maxlength", "300")),
                        el("table", el("thead", el("tr", el("th", "required skill"), el("th", "importance (0\u2013100)"),
                                el("th", "minimum level (0\u20137, blank: any)"), el("th", "remove"))),
                                el("tbody", Html.join(reqRows))),
                        Forms.submit("Save requirements", attr("id", "save")))));
        List<Employers.Candidate> candidates = career.employers().candidates(me, s.id(), 20);
        List<Html> cards = new ArrayList<>();
        for (Employers.Candidate c : candidates) {
            List<Html> proofs = new ArrayList<>();
            for (Employers.Proof pr : c.proofs()) {
                String level = pr.level() == null ? (pr.minLevel() == null ? "" : ", level not stated (minimum "
                        + pr.minLevel() + ")") : ", level " + pr.level() + (pr.levelMet() ? "" : " (below the minimum "
                        + pr.minLevel() + ")");
                String how = !pr.matched() ? "not proven" : "\u201c" + pr.credential() + "\u201d by " + pr.issuer()
                        + " (" + pr.standing() + "), issued " + pr.issuedOn() + level;
                proofs.add(el("tr", el("td", pr.label()), el("td", List.of(attr("class", pr.matched() ? "coverage-proven"
                        : "coverage-missing")), Html.text(how)), el("td", number(pr.contribution()))));
            }
            Html actions = Html.join(c.shortlisted() ? el("span", List.of(attr("class", "tag")), Html.text("shortlisted"))
                    : Forms.button(base + "/shortlist", v.csrfToken(), "Shortlist", Map.of("candidate", c.pseudonym())),
                    c.contactState() != null ? el("span", List.of(attr("class", "tag contact")), Html.text("contact "
                            + c.contactState())) : Forms.post(base + "/contacts", v.csrfToken(), List.of(attr("class",
                            "contact")), el("input", List.of(attr("type", "hidden"), attr("name", "candidate"),
                            attr("value", c.pseudonym()))), el("textarea", List.of(attr("name", "message"),
                            attr("aria-label", "message to the candidate"), attr("maxlength", "2000"),
                            attr("style", "min-height:4rem")), Html.text("")), Forms.submit("Ask to contact")));
            cards.add(el("li", List.of(attr("class", "candidate"), attr("data-candidate", c.pseudonym())),
                    el("strong", c.pseudonym()), Html.text(String.format(Locale.ROOT, " \u2014 score %.2f", c.score())),
                    el("p", List.of(attr("class", "muted")), Html.text(c.explanation())),
                    el("details", el("summary", "Which credential proves which requirement"),
                            el("table", el("thead", el("tr", el("th", "requirement"), el("th", "proof"),
                                    el("th", "contribution"))), el("tbody", Html.join(proofs)))), actions));
        }
        content.add(Page.card(el("h2", "Candidates"), muted("Learners who opted in to be discoverable, ranked by"
                + " Σ importance share × level × issuer credibility (accredited 1.0, endorsed 0.85, other 0.7) ×"
                + " recency (half-life " + dev.microcred.skills.matching.CandidateIndex.HALF_LIFE_DAYS / 365
                + " years), from credentials that verify now. You see a pseudonym until a candidate accepts your"
                + " request."), candidates.isEmpty() ? el("p", List.of(attr("id", "no-candidates")), Html.text(
                "No discoverable learner proves any of these skills yet.")) : el("ol", List.of(attr("id",
                "candidates")), Html.join(cards))));
        List<Html> shortlisted = new ArrayList<>();
        for (ShortlistEntry e : career.employers().shortlist(me, s.id())) {
            shortlisted.add(el("li", Html.text(e.pseudonym() + String.format(Locale.ROOT, " (score %.2f)", e.score()))));
        }
        content.add(Page.card(el("h2", "Shortlist"), shortlisted.isEmpty() ? muted("Nobody shortlisted yet.")
                : el("ul", List.of(attr("id", "shortlist")), Html.join(shortlisted))));
        List<Html> contacts = new ArrayList<>();
        for (Employers.Contact c : career.employers().contacts(me, s.id())) {
            contacts.add(el("tr", List.of(attr("data-candidate", c.request().pseudonym())),
                    el("td", c.request().pseudonym()), el("td", List.of(attr("class", "state")),
                            Html.text(c.request().state())),
                    el("td", List.of(attr("class", "identity")), Html.text(c.name() == null
                            ? "hidden until they accept" : c.name() + " <" + c.email() + ">")),
                    el("td", c.request().message())));
        }
        content.add(Page.card(el("h2", "Contact requests"), contacts.isEmpty() ? muted("No request sent yet.")
                : el("table", List.of(attr("id", "contacts")), el("thead", el("tr", el("th", "candidate"),
                        el("th", "answer"), el("th", "identity"), el("th", "your message"))),
                el("tbody", Html.join(contacts)))));
        Page.send(ctx, 200, s.title(), Html.join(content));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private void update(Context ctx) {
        Account me = Employers.employer(WebSignIn.visitor(ctx));
        skills.taxonomy().require();
        List<String> skillIds = ctx.formParams("skill");
        List<String> importance = ctx.formParams("importance");
        List<String> minLevel = ctx.formParams("minLevel");
        if (importance.size() != skillIds.size() || minLevel.size() != skillIds.size()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "every required skill needs an importance and a"
                    + " minimum level field (blank for any)");
        }
        Set<String> remove = new HashSet<>(ctx.formParams("remove"));
        ArrayNode reqs = Json.mapper().createArrayNode();
        for (int i = 0; i < skillIds.size(); i++) {
            String skill = skillIds.get(i).strip();
            if (skill.isEmpty() || remove.contains(skill)) {
                continue;
            }
            ObjectNode o = reqs.addObject();
            o.put("skill", skill);
            o.set("importance", parse(importance.get(i), "importance of " + skill, false));
            o.set("minLevel", parse(minLevel.get(i), "minimum level of " + skill, true));
        }
        career.employers().update(me, ctx.pathParam("id"), ctx.formParam("title"), reqs);
        ctx.redirect("/employer/postings/" + ctx.pathParam("id"), HttpStatus.SEE_OTHER);
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String v, String what, boolean blankIsNull) {
        String s = v == null ? "" : v.strip();
        if (s.isEmpty() && blankIsNull) {
            return Json.mapper().nullNode();
        }
        try {
            return s.matches("-?\\d+") ? Json.mapper().getNodeFactory().numberNode(Integer.parseInt(s))
                    : Json.mapper().getNodeFactory().numberNode(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            throw new MicrocredException(Problem.INVALID_REQUEST, what + " must be a number, got "
                    + Catalogues.quote(Charts.clip(s, 40)));
        }
    }

    private void shortlist(Context ctx) {
        Account me = Employers.employer(WebSignIn.visitor(ctx));
        skills.taxonomy().require();
        career.employers().shortlist(me, ctx.pathParam("id"), ctx.formParam("candidate"));
        ctx.redirect("/employer/postings/" + ctx.pathParam("id"), HttpStatus.SEE_OTHER);
    }

    private void contact(Context ctx) {
        Account me = Employers.employer(WebSignIn.visitor(ctx));
        skills.taxonomy().require();
        career.employers().contact(me, ctx.pathParam("id"), ctx.formParam("candidate"), ctx.formParam("message"));
        ctx.redirect("/employer/postings/" + ctx.pathParam("id"), HttpStatus.SEE_OTHER);
    }
}
