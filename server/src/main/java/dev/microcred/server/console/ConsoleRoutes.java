package dev.microcred.server.console;

import static dev.microcred.server.web.Html.attr;
import static dev.microcred.server.web.Html.el;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.server.Platform;
import dev.microcred.server.accounts.Page;
import dev.microcred.server.accounts.Visitor;
import dev.microcred.server.accounts.WebSignIn;
import dev.microcred.server.http.Bodies;
import dev.microcred.server.issuing.AchievementCatalog;
import dev.microcred.server.issuing.BadgeImages;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.KeyedIssuance;
import dev.microcred.server.issuing.Renewal;
import dev.microcred.server.issuing.StatusRegistry;
import dev.microcred.server.web.Forms;
import dev.microcred.server.web.Html;
import dev.microcred.server.web.Markdown;
import dev.microcred.skills.graph.SkillsGraph;
import dev.microcred.skills.search.SearchHit;
import dev.microcred.skills.search.SearchKind;
import dev.microcred.skills.search.SkillsIndex;
import dev.microcred.store.AchievementImage;
import dev.microcred.store.CredentialState;
import dev.microcred.store.Issuer;
import dev.microcred.store.IssuerActivity;
import dev.microcred.store.IssuerKey;
import dev.microcred.store.Membership;
import dev.microcred.store.StoredAchievement;
import dev.microcred.store.StoredCredential;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The issuer console's routes and pages, under {@code /console/{slug}}. */
public final class ConsoleRoutes {
    static final int PAGE_SIZE = 50;
    static final String FORM_KEY = "formKey";
    private static final java.util.regex.Pattern FORM_KEY_SYNTAX = java.util.regex.Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private final Platform p;
    private volatile SkillsIndex skillsIndex;

    public ConsoleRoutes(Platform platform) {
        this.p = Objects.requireNonNull(platform, "platform");
    }

    public void register(Javalin app) {
        app.get("/console", this::issuers);
        app.get("/console/{slug}", this::dashboard);
        app.get("/console/{slug}/achievements", this::achievements);
        app.get("/console/{slug}/achievements/new", ctx -> achievementForm(ctx, 200, null, AchievementForm.empty(),
                null, List.of()));
        app.post("/console/{slug}/achievements", ctx -> saveAchievement(ctx, null));
        app.get("/console/{slug}/achievements/{id}/edit", this::editAchievement);
        app.post("/console/{slug}/achievements/{id}", ctx -> saveAchievement(ctx, ctx.pathParam("id")));
        app.post("/console/{slug}/achievements/{id}/archive", this::archive);
        app.post("/console/{slug}/achievements/{id}/image", this::uploadImage);
        app.get("/console/{slug}/skills", this::skillSuggestions);
        app.get("/console/{slug}/credentials", this::credentials);
        app.get("/console/{slug}/credentials/new", ctx -> issueForm(ctx, 200, null));
        app.post("/console/{slug}/credentials", this::issue);
        app.post("/console/{slug}/credentials/{id}/revoke", ctx -> status(ctx, StatusRegistry.Change.REVOKE));
        app.post("/console/{slug}/credentials/{id}/suspend", ctx -> status(ctx, StatusRegistry.Change.SUSPEND));
        app.post("/console/{slug}/credentials/{id}/unsuspend", ctx -> status(ctx, StatusRegistry.Change.UNSUSPEND));
        app.post("/console/{slug}/credentials/{id}/renew", this::renew);
        app.post("/console/{slug}/keys/rotate", this::rotateKey);
    }

    /** The issuer in the path, once the visitor is known to work for it. */
    private Issuer issuer(Context ctx) {
        Visitor v = WebSignIn.visitor(ctx);
        v.require();
        Issuer issuer = p.issuers().require(ctx.pathParam("slug"));
        v.requireStaffOf(issuer);
        return issuer;
    }

    static Html nav(Issuer issuer) {
        String base = "/console/" + issuer.slug();
        return el("p", List.of(attr("class", "muted"), attr("id", "console-nav")),
                el("a", List.of(attr("href", base)), Html.text(issuer.name())), Html.text(" \u00b7 "),
                el("a", List.of(attr("href", base + "/achievements")), Html.text("Achievements")), Html.text(" \u00b7 "),
                el("a", List.of(attr("href", base + "/credentials")), Html.text("Credentials")), Html.text(" \u00b7 "),
                el("a", List.of(attr("href", base + "/credentials/new")), Html.text("Issue a credential")),
                Html.text(" \u00b7 "), el("a", List.of(attr("href", base + "/bulk")), Html.text("Issue in bulk (CSV)")));
    }

    private void issuers(Context ctx) {
        Visitor v = WebSignIn.visitor(ctx);
        v.require();
        List<Html> items = new ArrayList<>();
        for (Issuer i : p.issuers().all()) {
            if (v.isPlatformAdmin() || v.membership(i.id()).isPresent()) {
                items.add(el("li", el("a", List.of(attr("href", "/console/" + i.slug())), Html.text(i.name()))));
            }
        }
        Page.send(ctx, 200, "Issuer console", Page.card(el("h1", "Issuer console"), items.isEmpty()
                ? el("p", "You do not work for any issuer yet: ask the platform admin to add you.")
                : el("ul", List.of(attr("id", "issuers")), Html.join(items))));
    }

    private void dashboard(Context ctx) {
        Issuer issuer = issuer(ctx);
        Instant now = p.clock().instant();
        List<Instant> issued = p.db().read(c -> p.store().activity().issuedSince(c, issuer.id(),
                IssuedChart.since(now)));
        List<IssuerActivity.Counts> counts = p.db().read(c -> p.store().activity().byAchievement(c, issuer.id()));
        long total = counts.stream().mapToLong(IssuerActivity.Counts::issued).sum();
        long claimed = counts.stream().mapToLong(IssuerActivity.Counts::claimed).sum();
        long revoked = counts.stream().mapToLong(IssuerActivity.Counts::revoked).sum();
        List<Html> rows = new ArrayList<>();
        for (IssuerActivity.Counts k : counts) {
            rows.add(el("tr", el("td", k.name() == null ? "(issued through the API without an achievement)"
                    : k.name()), el("td", Long.toString(k.issued())), el("td", Long.toString(k.claimed())),
                    el("td", percent(k.claimed(), k.issued())), el("td", Long.toString(k.revoked()))));
        }
        Page.send(ctx, 200, issuer.name(), Html.join(
                Page.card(nav(issuer), el("h1", issuer.name()), el("p", List.of(attr("class", "muted")),
                        Html.text(issuer.did()))),
                el("section", List.of(attr("class", "card"), attr("id", "analytics")), el("h2", "Analytics"),
                        el("dl", el("dt", "Issued"), el("dd", List.of(attr("id", "total-issued")),
                                        Html.text(Long.toString(total))),
                                el("dt", "Claimed"), el("dd", Long.toString(claimed)),
                                el("dt", "Claim rate"), el("dd", List.of(attr("id", "claim-rate")),
                                        Html.text(percent(claimed, total))),
                                el("dt", "Revoked"), el("dd", Long.toString(revoked))),
                        el("h3", "Issued per week"), IssuedChart.render(issued, now),
                        el("h3", "By achievement"),
                        el("table", List.of(attr("id", "by-achievement")), el("tr", el("th", "Achievement"),
                                el("th", "Issued"), el("th", "Claimed"), el("th", "Claim rate"), el("th", "Revoked")),
                                Html.join(rows))),
                keysCard(issuer, WebSignIn.visitor(ctx))));
    }

    /** The issuer's signing keys, with the rotation button for its admins ({@code did:web} issuers only). */
    private Html keysCard(Issuer issuer, Visitor v) {
        List<Html> rows = new ArrayList<>();
        for (IssuerKey k : p.issuers().keys(issuer)) {
            rows.add(el("tr", el("td", el("code", k.verificationMethod())), el("td", k.createdAt().toString()),
                    el("td", k.retiredAt() == null ? "signs new credentials"
                            : "retired " + k.retiredAt() + ": still verifies what it signed")));
        }
        boolean admin = v.isPlatformAdmin() || v.membership(issuer.id())
                .map(m -> Membership.ADMIN.equals(m.role())).orElse(false);
        Html action;
        if (!"web".equals(issuer.didMethod())) {
            action = el("p", List.of(attr("class", "muted")), Html.text("This issuer uses did:key: its DID is its"
                    + " key, so the key cannot change without a new DID. Create a new issuer to sign with a new key."));
        } else if (admin) {
            action = Forms.button("/console/" + issuer.slug() + "/keys/rotate", v.csrfToken(), "Rotate signing key",
                    Map.of());
        } else {
            action = el("p", List.of(attr("class", "muted")), Html.text("The issuer's admins can rotate the key."));
        }
        return el("section", List.of(attr("class", "card"), attr("id", "keys")), el("h2", "Signing keys"),
                el("p", "A new key signs from its rotation on; older keys stay in the DID document, so credentials"
                        + " they signed keep verifying."),
                el("table", List.of(attr("id", "key-table")), el("tr", el("th", "Verification method"),
                        el("th", "Created"), el("th", "State")), Html.join(rows)),
                action);
    }

    private void rotateKey(Context ctx) {
        Issuer issuer = issuer(ctx);
        WebSignIn.visitor(ctx).requireAdminOf(issuer);
        p.issuers().rotateKey(issuer);
        ctx.redirect("/console/" + issuer.slug() + "#keys", HttpStatus.SEE_OTHER);
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "\u2013" : Math.round(100.0 * part / whole) + "%";
    }

    private void achievements(Context ctx) {
        Issuer issuer = issuer(ctx);
        Visitor v = WebSignIn.visitor(ctx);
        List<Html> rows = new ArrayList<>();
        for (StoredAchievement a : p.achievements().of(issuer)) {
            boolean archived = a.archivedAt() != null;
            rows.add(el("tr", List.of(attr("data-achievement", a.id())),
                    el("td", el("a", List.of(attr("href", "/issuers/" + issuer.slug() + "/achievements/" + a.id())),
                            Html.text(a.name()))),
                    el("td", archived ? "archived" : "active"),
                    el("td", archived ? Html.empty() : Html.join(
                            el("a", List.of(attr("href", "/console/" + issuer.slug() + "/achievements/" + a.id()
                                    + "/edit")), Html.text("Edit")), Html.text(" "),
                            Forms.button("/console/" + issuer.slug() + "/achievements/" + a.id() + "/archive",
                                    v.csrfToken(), "Archive", Map.of())))));
        }
        Page.send(ctx, 200, "Achievements", Page.card(nav(issuer), el("h1", "Achievements"),
                el("p", el("a", List.of(attr("href", "/console/" + issuer.slug() + "/achievements/new"),
                        attr("id", "new-achievement")), Html.text("New achievement"))),
                rows.isEmpty() ? el("p", "No achievements yet.") : el("table", List.of(attr("id", "achievements")),
                        el("tr", el("th", "Name"), el("th", "State"), el("th", "")), Html.join(rows))));
    }

    private void editAchievement(Context ctx) {
        Issuer issuer = issuer(ctx);
        StoredAchievement a = own(issuer, ctx.pathParam("id"));
        achievementForm(ctx, 200, a.id(), AchievementForm.of(a), null, List.of());
    }

    private StoredAchievement own(Issuer issuer, String id) {
        return p.achievements().find(issuer, id)
                .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no achievement " + id + " of this issuer"));
    }

    private void saveAchievement(Context ctx, String id) {
        Issuer issuer = issuer(ctx);
        if (id != null) {
            own(issuer, id);
        }
        AchievementForm form = AchievementForm.posted(ctx);
        if ("search".equals(ctx.formParam("action"))) {
            String q = Objects.requireNonNullElse(ctx.formParam("skillQuery"), "");
            achievementForm(ctx, 200, id, form, null, q.isBlank() ? List.of() : search(q));
            return;
        }
        try {
            if (id == null) {
                p.achievements().create(issuer, form.toRequest());
            } else {
                p.achievements().update(issuer, id, form.toRequest());
            }
        } catch (MicrocredException e) {
            if (e.problem() != Problem.INVALID_REQUEST) {
                throw e;
            }
            achievementForm(ctx, 400, id, form, e.getMessage(), List.of());
            return;
        }
        ctx.redirect("/console/" + issuer.slug() + "/achievements", HttpStatus.SEE_OTHER);
    }

    private void achievementForm(Context ctx, int status, String id, AchievementForm f, String error,
                                 List<SearchHit> suggestions) {
        achievementForm(ctx, status, id, f, error, suggestions, null);
    }

    /** The image upload of an achievement being edited (multipart): a refused image shows its reason, stores nothing. */
    private void uploadImage(Context ctx) {
        Issuer issuer = issuer(ctx);
        StoredAchievement a = own(issuer, ctx.pathParam("id"));
        byte[] image;
        try {
            image = Bodies.file(ctx, "file", BadgeImages.MAX_BYTES).orElse(null);
        } catch (MicrocredException e) {
            if (e.problem() != Problem.TOO_LARGE) {
                throw e;
            }
            imageRefused(ctx, a, 413, "The image is larger than " + (BadgeImages.MAX_BYTES >> 10) + " KiB.");
            return;
        }
        if (image == null) {
            imageRefused(ctx, a, 400, "Choose a PNG or SVG image first.");
            return;
        }
        try {
            p.achievements().setImage(issuer, a.id(), image, null);
        } catch (MicrocredException e) {
            if (e.problem() != Problem.BAD_IMAGE && e.problem() != Problem.TOO_LARGE) {
                throw e;
            }
            imageRefused(ctx, a, e.problem().httpStatus(), "The image was not accepted: " + e.getMessage() + ".");
            return;
        }
        ctx.redirect("/console/" + issuer.slug() + "/achievements/" + a.id() + "/edit", HttpStatus.SEE_OTHER);
    }

    private void imageRefused(Context ctx, StoredAchievement a, int status, String error) {
        achievementForm(ctx, status, a.id(), AchievementForm.of(a), null, List.of(), error);
    }

    private Html imageCard(Issuer issuer, String id, Visitor v, String error) {
        if (id == null) {
            return el("p", List.of(attr("class", "muted"), attr("id", "image-later")), Html.text("Credentials show a"
                    + " generated badge; after creating the achievement you can upload its own image here."));
        }
        Optional<AchievementImage> image = p.achievements().image(id);
        Html current = image.isPresent()
                ? el("p", el("img", List.of(attr("id", "current-image"), attr("alt", "the achievement's image"),
                        attr("width", "120"), attr("src", "/issuers/" + issuer.slug() + "/achievements/" + id
                                + "/image?v=" + image.get().digest().substring(0, 16)))))
                : el("p", List.of(attr("class", "muted"), attr("id", "no-image")), Html.text("No image uploaded:"
                        + " credentials show a generated badge."));
        return Page.card(el("h2", "Image"), Forms.error(error), current,
                Forms.post("/console/" + issuer.slug() + "/achievements/" + id + "/image", v.csrfToken(),
                        List.of(attr("id", "image-form"), attr("enctype", "multipart/form-data")),
                        el("p", Html.text("A PNG (at most " + BadgeImages.MAX_DIMENSION + "x" + BadgeImages.MAX_DIMENSION
                                + " pixels) or an SVG without scripts, event handlers or external references, at most "
                                + (BadgeImages.MAX_BYTES >> 10) + " KiB. Credentials issued from now on carry it, and"
                                + " learners' baked badge downloads use it.")),
                        el("p", el("input", List.of(attr("type", "file"), attr("name", "file"),
                                attr("accept", "image/png,image/svg+xml"), attr("aria-label", "image")))),
                        Forms.submit("Upload image", attr("id", "upload-image"))));
    }

    private void achievementForm(Context ctx, int status, String id, AchievementForm f, String error,
                                 List<SearchHit> suggestions, String imageError) {
        Issuer issuer = issuer(ctx);
        Visitor v = WebSignIn.visitor(ctx);
        SkillsGraph graph = SkillsGraph.bundled();
        List<Html> chosen = new ArrayList<>();
        for (String skill : f.skills()) {
            String label = graph.skill(skill).map(s -> s.label())
                    .or(() -> graph.occupation(skill).map(o -> o.label())).orElse(skill);
            chosen.add(checkbox(skill, label, true));
        }
        for (SearchHit h : suggestions) {
            if (!f.skills().contains(h.id())) {
                chosen.add(checkbox(h.id(), h.label() + " (" + h.framework() + " " + h.kind().name()
                        .toLowerCase() + ")", false));
            }
        }
        Map<String, String> eqf = new LinkedHashMap<>();
        eqf.put("", "not stated");
        for (int i = 1; i <= 8; i++) {
            eqf.put(Integer.toString(i), "EQF level " + i);
        }
        String action = "/console/" + issuer.slug() + "/achievements" + (id == null ? "" : "/" + id);
        Html preview = f.criteria().isBlank() ? Html.empty() : el("div", List.of(attr("class", "card"),
                attr("id", "criteria-preview")), el("h3", "Criteria as shown"), Markdown.render(f.criteria()));
        Page.send(ctx, status, id == null ? "New achievement" : "Edit achievement", Html.join(Page.card(nav(issuer),
                el("h1", id == null ? "New achievement" : "Edit achievement"), Forms.error(error),
                Forms.post(action, v.csrfToken(), List.of(attr("id", "achievement-form")),
                        Forms.input("Name", "name", "text", f.name(), attr("required", "required"),
                                attr("maxlength", "300")),
                        Forms.textarea("Description", "description", f.description(), attr("required", "required")),
                        Forms.textarea("Criteria (Markdown)", "criteria", f.criteria(), attr("required", "required")),
                        preview,
                        el("fieldset", List.of(attr("id", "skills")), el("legend", "Skills (ESCO, O*NET)"),
                                Html.join(chosen),
                                Forms.input("Find skills", "skillQuery", "search",
                                        Objects.requireNonNullElse(ctx.formParam("skillQuery"), ""),
                                        attr("list", "skill-suggestions"), attr("data-suggest",
                                                "/console/" + issuer.slug() + "/skills")),
                                el("p", el("button", List.of(attr("type", "submit"), attr("name", "action"),
                                        attr("value", "search"), attr("formnovalidate", "formnovalidate"),
                                        attr("id", "search-skills")), Html.text("Search skills"))),
                                Forms.textarea("Or skill ids, one per line", "skillIds", "",
                                        attr("rows", "2"))),
                        Forms.select("Level", "eqfLevel", eqf, f.eqfLevel()),
                        Forms.input("Credit (ECTS)", "ects", "text", f.ects(), attr("inputmode", "decimal")),
                        Forms.input("Notional workload (hours)", "workloadHours", "number", f.workloadHours(),
                                attr("min", "1")),
                        Forms.input("Type of assessment", "assessment", "text", f.assessment()),
                        Forms.input("Form of participation", "participation", "text", f.participation()),
                        Forms.input("Quality assurance", "qualityAssurance", "text", f.qualityAssurance()),
                        Forms.input("Validity (days; empty for no expiry)", "validityDays", "number",
                                f.validityDays(), attr("min", "1")),
                        Forms.select("Status", "status", statusOptions(), f.status()),
                        el("p", List.of(attr("class", "muted")), Html.text("Revocation only is exactly what the"
                                + " Open Badges 3.0 schema allows. With suspension too, credentials carry two status"
                                + " entries (allowed by VC 2.0): some OB 3.0 validators reject that, microcred's"
                                + " verifier notes it as a warning. Applies to credentials issued from now on.")),
                        Forms.submit(id == null ? "Create achievement" : "Save changes",
                                attr("name", "action"), attr("value", "save"), attr("id", "save")))),
                imageCard(issuer, id, v, imageError)));
    }

    private static Map<String, String> statusOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(AchievementCatalog.STATUS_REVOCATION, "Revocation only (default, OB 3.0 schema-exact)");
        options.put(AchievementCatalog.STATUS_REVOCATION_AND_SUSPENSION, "Revocation and suspension");
        return options;
    }

    private static Html checkbox(String id, String label, boolean checked) {
        return el("label", List.of(attr("class", "muted")), el("input", List.of(attr("type", "checkbox"),
                attr("name", "skills"), attr("value", id), attr("checked", checked ? "checked" : null))),
                Html.text(" " + label));
    }

    private void archive(Context ctx) {
        Issuer issuer = issuer(ctx);
        p.achievements().archive(issuer, ctx.pathParam("id"));
        ctx.redirect("/console/" + issuer.slug() + "/achievements", HttpStatus.SEE_OTHER);
    }

    /** Skill suggestions as JSON: {@code [{id, label, framework, kind}]}, for the form's search box. */
    private void skillSuggestions(Context ctx) {
        issuer(ctx);
        String q = Objects.requireNonNullElse(ctx.queryParam("q"), "").strip();
        if (q.length() > 200) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "q is at most 200 characters");
        }
        ArrayNode out = Json.mapper().createArrayNode();
        for (SearchHit h : q.isEmpty() ? List.<SearchHit>of() : search(q)) {
            ObjectNode o = out.addObject();
            o.put("id", h.id());
            o.put("label", h.label());
            o.put("framework", h.framework().name());
            o.put("kind", h.kind().name().toLowerCase());
        }
        Bodies.json(ctx, 200, out);
    }

    private List<SearchHit> search(String q) {
        List<SearchHit> hits = new ArrayList<>(index().search(q, SearchKind.SKILL, 8));
        hits.addAll(index().search(q, SearchKind.OCCUPATION, 4));
        return hits;
    }

    /** The skills index, built on first use (it takes seconds) and kept. */
    private SkillsIndex index() {
        SkillsIndex i = skillsIndex;
        if (i == null) {
            synchronized (this) {
                if (skillsIndex == null) {
                    skillsIndex = SkillsIndex.of(SkillsGraph.bundled());
                }
                i = skillsIndex;
            }
        }
        return i;
    }

    private void credentials(Context ctx) {
        Issuer issuer = issuer(ctx);
        Visitor v = WebSignIn.visitor(ctx);
        int page = Math.max(0, parse(ctx.queryParam("page")));
        Map<String, String> names = new HashMap<>();
        p.achievements().of(issuer).forEach(a -> names.put(a.id(), a.name()));
        Instant now = p.clock().instant();
        List<Html> rows = new ArrayList<>();
        String base = "/console/" + issuer.slug() + "/credentials/";
        for (StoredCredential k : p.db().read(c -> p.store().credentials().byIssuer(c, issuer.id(), PAGE_SIZE,
                page * PAGE_SIZE))) {
            List<Html> actions = new ArrayList<>();
            if (k.state() != CredentialState.REVOKED) {
                actions.add(Forms.post(base + k.id() + "/revoke", v.csrfToken(), List.of(attr("class", "inline")),
                        el("input", List.of(attr("type", "text"), attr("name", "reason"), attr("placeholder",
                                "reason"), attr("aria-label", "reason"), attr("maxlength", "500"),
                                attr("style", "width:10rem"))),
                        el("button", List.of(attr("type", "submit")), Html.text("Revoke"))));
            }
            if (k.state() == CredentialState.ACTIVE && k.suspensionListId() != null) {
                actions.add(Forms.button(base + k.id() + "/suspend", v.csrfToken(), "Suspend", Map.of()));
            }
            if (k.state() == CredentialState.SUSPENDED) {
                actions.add(Forms.button(base + k.id() + "/unsuspend", v.csrfToken(), "Unsuspend", Map.of()));
            }
            if (k.state() != CredentialState.REVOKED && k.achievementId() != null) {
                actions.add(Forms.button(base + k.id() + "/renew", v.csrfToken(), "Renew", Map.of()));
            }
            String state = k.state().label() + (k.isExpired(now) ? ", expired" : "")
                    + (k.statusReason() == null ? "" : " (" + k.statusReason() + ")");
            rows.add(el("tr", List.of(attr("data-credential", k.id())),
                    el("td", el("a", List.of(attr("href", "/credentials/" + k.id())), Html.text(k.id().substring(0, 8)))),
                    el("td", names.getOrDefault(k.achievementId(), "\u2013")),
                    el("td", List.of(attr("class", "state")), Html.text(state)),
                    el("td", k.claimedAt() == null ? "no" : "yes"),
                    el("td", k.issuedAt().toString()),
                    el("td", k.validUntil() == null ? "no expiry" : k.validUntil().toString()),
                    el("td", Html.join(actions))));
        }
        long total = p.db().read(c -> p.store().credentials().countByIssuer(c, issuer.id()));
        boolean again = ctx.queryParam("again") != null;
        Html renewed = Optional.ofNullable(ctx.queryParam("renewed")).map(id -> el("p", List.of(attr("class",
                "verdict valid"), attr("id", "flash")), Html.text("Renewed: issued credential " + id)))
                .orElse(Html.empty());
        Html flash = Optional.ofNullable(ctx.queryParam("issued")).map(id -> el("p", List.of(attr("class",
                "verdict " + (again ? "warning" : "valid")), attr("id", "flash")), Html.text(again
                ? "This form was sent before: credential " + id + " was issued then, and not again"
                : "Issued credential " + id))).orElse(Html.empty());
        Page.send(ctx, 200, "Credentials", Page.card(nav(issuer), el("h1", "Credentials"), flash, renewed,
                el("p", List.of(attr("class", "muted")), Html.text(total + " issued")),
                el("table", List.of(attr("id", "credentials")), el("tr", el("th", "Credential"),
                        el("th", "Achievement"), el("th", "State"), el("th", "Claimed"), el("th", "Issued"),
                        el("th", "Valid until"), el("th", "")), Html.join(rows)),
                (page + 1) * PAGE_SIZE < total ? el("p", el("a", List.of(attr("href", "?page=" + (page + 1))),
                        Html.text("Older \u2192"))) : Html.empty()));
    }

    private void issueForm(Context ctx, int status, String error) {
        Issuer issuer = issuer(ctx);
        Visitor v = WebSignIn.visitor(ctx);
        Map<String, String> achievements = new LinkedHashMap<>();
        p.achievements().of(issuer).stream().filter(a -> a.archivedAt() == null)
                .forEach(a -> achievements.put(a.id(), a.name()));
        Page.send(ctx, status, "Issue a credential", Page.card(nav(issuer), el("h1", "Issue a credential"),
                Forms.error(error),
                achievements.isEmpty() ? el("p", "Create an achievement first.")
                        : Forms.post("/console/" + issuer.slug() + "/credentials", v.csrfToken(),
                        List.of(attr("id", "issue-form")),
                        Forms.select("Achievement", "achievementId", achievements, ctx.formParam("achievementId")),
                        Forms.input("Recipient: email address or DID", "recipient", "text",
                                ctx.formParam("recipient"), attr("required", "required"), attr("maxlength", "500")),
                        el("input", List.of(attr("type", "hidden"), attr("name", FORM_KEY), attr("value",
                                UUID.randomUUID().toString()))),
                        Forms.submit("Issue", attr("id", "issue")))));
    }

    /**
     * The issue form carries a random key (field {@value #FORM_KEY}) kept as the credential's idempotency key
     * ({@code f:} + key) in the transaction that stores it: the same form sent twice (a double click, a reload that
     * posts again) issues one credential and shows it.
     */
    private void issue(Context ctx) {
        Issuer issuer = issuer(ctx);
        String recipient = Objects.requireNonNullElse(ctx.formParam("recipient"), "").strip();
        String formKey = ctx.formParam(FORM_KEY);
        if (formKey != null && !validFormKey(formKey)) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the form is damaged: reload the page");
        }
        String issued;
        boolean before;
        try {
            StoredAchievement a = own(issuer, Objects.requireNonNullElse(ctx.formParam("achievementId"), ""));
            Issuance.Recipient r = recipient.contains("@") && !recipient.startsWith("did:")
                    ? new Issuance.Recipient(recipient, null) : new Issuance.Recipient(null, recipient);
            if (formKey == null) {
                issued = p.issuance().issue(issuer, a, r, null, null).stored().id();
                before = false;
            } else {
                KeyedIssuance.Outcome once = new KeyedIssuance(p.db(), p.store(), p.issuance()).issue(issuer, a, r,
                        null, null, "f:" + formKey);
                issued = once.stored().id();
                before = once.replayed();
            }
        } catch (MicrocredException e) {
            if (e.problem() != Problem.INVALID_REQUEST && e.problem() != Problem.CONFLICT
                    && e.problem() != Problem.NOT_FOUND) {
                throw e;
            }
            issueForm(ctx, e.problem().httpStatus(), e.getMessage());
            return;
        }
        ctx.redirect(issuedPage(issuer, issued, before), HttpStatus.SEE_OTHER);
    }

    private static String issuedPage(Issuer issuer, String credentialId, boolean before) {
        return "/console/" + issuer.slug() + "/credentials?issued=" + credentialId + (before ? "&again=1" : "");
    }

    static boolean validFormKey(String key) {
        return key != null && FORM_KEY_SYNTAX.matcher(key).matches();
    }

    /**
     * The "Renew" button: a new credential of the same achievement to the same recipient, linked to this one (see
     * {@link Renewal}); refusals (revoked, renewed already) answer 409 with the reason.
     */
    private void renew(Context ctx) {
        Issuer issuer = issuer(ctx);
        Renewal.Renewed renewed = new Renewal(p.db(), p.store(), p.issuance(), p.achievements())
                .renew(issuer, ctx.pathParam("id"), null, null, null);
        p.metrics().issued("renewal", 1);
        ctx.redirect("/console/" + issuer.slug() + "/credentials?renewed=" + renewed.stored().id(),
                HttpStatus.SEE_OTHER);
    }

    private void status(Context ctx, StatusRegistry.Change change) {
        Issuer issuer = issuer(ctx);
        p.status().change(issuer, ctx.pathParam("id"), change, ctx.formParam("reason"));
        ctx.redirect("/console/" + issuer.slug() + "/credentials", HttpStatus.SEE_OTHER);
    }

    private static int parse(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "page must be a whole number");
        }
    }
}
