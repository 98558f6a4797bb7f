package dev.microcred.server.skills;

import static dev.microcred.server.web.Html.attr;
import static dev.microcred.server.web.Html.el;

import dev.microcred.server.Platform;
import dev.microcred.server.accounts.Page;
import dev.microcred.server.accounts.Visitor;
import dev.microcred.server.accounts.WebSignIn;
import dev.microcred.server.web.Forms;
import dev.microcred.server.web.Html;
import dev.microcred.store.Issuer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The platform admin's record of issuer credibility ({@code /admin/credibility}): per issuer, the body that accredits
 * it and the body that endorses it (see {@link IssuerCredibility}). A change re-ranks candidates at once.
 */
public final class CredibilityPages {
    private final Platform p;
    private final CareerServices career;

    public CredibilityPages(Platform platform, CareerServices career) {
        this.p = Objects.requireNonNull(platform, "platform");
        this.career = Objects.requireNonNull(career, "career");
    }

    public void register(Javalin app) {
        app.get("/admin/credibility", this::page);
        app.post("/admin/credibility", this::record);
    }

    private void page(Context ctx) {
        Visitor v = WebSignIn.visitor(ctx);
        v.requirePlatformAdmin();
        List<Html> rows = new ArrayList<>();
        for (IssuerCredibility.Standing s : career.credibility().all()) {
            rows.add(el("tr", List.of(attr("data-issuer", s.issuer().slug())), el("td", s.issuer().name()),
                    el("td", Forms.post("/admin/credibility", v.csrfToken(), List.of(),
                            el("input", List.of(attr("type", "hidden"), attr("name", "issuer"),
                                    attr("value", s.issuer().slug()))),
                            el("input", List.of(attr("name", "accreditedBy"), attr("aria-label", "accredited by"),
                                    attr("placeholder", "accredited by (body)"), attr("maxlength", "300"),
                                    attr("value", s.accreditedBy() == null ? "" : s.accreditedBy()))),
                            el("input", List.of(attr("name", "endorsedBy"), attr("aria-label", "endorsed by"),
                                    attr("placeholder", "endorsed by (body)"), attr("maxlength", "300"),
                                    attr("value", s.endorsedBy() == null ? "" : s.endorsedBy()))),
                            Forms.submit("Save")))));
        }
        Page.send(ctx, 200, "Issuer credibility", Page.card(el("h1", "Issuer credibility"),
                el("p", Html.text("Record which body accredits or endorses each issuer. Credentials of accredited"
                        + " issuers weigh 1.0 in employers' candidate rankings, of endorsed ones 0.85, of others 0.7;"
                        + " learners' portfolio advice lists credible providers first. Leave a field blank to clear"
                        + " it.")),
                rows.isEmpty() ? el("p", Html.text("No issuer yet.")) : el("table", List.of(attr("id",
                        "credibility")), el("tbody", Html.join(rows)))));
    }

    private void record(Context ctx) {
        WebSignIn.visitor(ctx).requirePlatformAdmin();
        Issuer issuer = p.issuers().require(ctx.formParam("issuer") == null ? "" : ctx.formParam("issuer"));
        career.credibility().record(issuer, ctx.formParam("accreditedBy"), ctx.formParam("endorsedBy"));
        career.pool().changed(null);
        ctx.redirect("/admin/credibility", HttpStatus.SEE_OTHER);
    }
}
