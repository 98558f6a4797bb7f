package dev.microcred.server.web;

import static dev.microcred.server.web.Html.attr;
import static dev.microcred.server.web.Html.el;

import dev.microcred.credentials.verify.VerificationReport;
import java.util.List;

/** The public verify page: paste JSON or a JWT, or upload a file (JSON, JWT, baked PNG or SVG). */
public final class VerifyPage {
    private VerifyPage() {
    }

    /** The form (carrying {@code csrfToken}), with the report of the last submission (or an error message) when there is one. */
    public static String render(VerificationReport report, String error, List<Html> menu, String csrfToken) {
        Html form = el("form", List.of(attr("method", "post"), attr("action", "/verify"),
                        attr("enctype", "multipart/form-data"), attr("class", "card")),
                Forms.csrf(csrfToken),
                el("h1", "Verify a credential"),
                el("p", List.of(attr("class", "muted")), Html.text("Paste an Open Badges credential (JSON or JWT), or"
                        + " upload a file: JSON, JWT, or a baked PNG or SVG badge. Nothing is stored.")),
                el("p", el("textarea", List.of(attr("name", "credential"), attr("aria-label", "credential"))),
                        Html.empty()),
                el("p", el("input", List.of(attr("type", "file"), attr("name", "file"),
                        attr("accept", ".json,.jwt,.txt,.png,.svg,application/json,image/png,image/svg+xml")))),
                el("p", el("button", List.of(attr("type", "submit")), Html.text("Verify"))));
        Html result = Html.empty();
        if (error != null) {
            result = el("section", List.of(attr("class", "card")),
                    el("p", List.of(attr("class", "verdict invalid"), attr("id", "error")), Html.text(error)));
        } else if (report != null) {
            result = ReportView.render(report);
        }
        return Layout.page("Verify a credential", menu, Html.join(result, form));
    }
}
