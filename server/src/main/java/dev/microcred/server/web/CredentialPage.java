package dev.microcred.server.web;

import static dev.microcred.server.web.Html.attr;
import static dev.microcred.server.web.Html.el;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.verify.VerificationReport;
import dev.microcred.server.issuing.AchievementCatalog;
import dev.microcred.store.RenewalLinks;
import java.util.ArrayList;
import java.util.List;

/**
 * The public page of a credential: what was achieved, by whom it was issued, the criteria, skills and EU
 * micro-credential elements, the validity period, and the live verification report.
 */
public final class CredentialPage {
    private CredentialPage() {
    }

    /**
     * @param pageUrl the public URL of this page (the issuer's page, or the learner's share link), shown as a QR
     *     code to scan
     */
    public static String render(String credentialId, ObjectNode credential, VerificationReport report,
                                List<Html> menu, String pageUrl) {
        return render(credentialId, credential, report, menu, pageUrl, RenewalLinks.NONE);
    }

    /** As {@link #render(String, ObjectNode, VerificationReport, List, String)}, with its renewal chain links. */
    public static String render(String credentialId, ObjectNode credential, VerificationReport report,
                                List<Html> menu, String pageUrl, RenewalLinks links) {
        JsonNode achievement = credential.path("credentialSubject").path("achievement");
        JsonNode issuer = credential.path("issuer");
        String title = achievement.path("name").asText(credential.path("name").asText("Credential"));
        String issuerName = issuer.isTextual() ? issuer.asText() : issuer.path("name").asText(issuer.path("id").asText());
        List<Html> parts = new ArrayList<>();
        parts.add(el("section", List.of(attr("class", "card")),
                el("p", List.of(attr("class", "muted")), Html.text("Open Badges 3.0 credential")),
                ReportView.banner(report),
                image(achievement, pageUrl, title),
                el("h1", List.of(attr("id", "title")), Html.text(title)),
                el("p", Html.text("Issued by "), el("strong", List.of(attr("id", "issuer")), Html.text(issuerName))),
                renewal(links),
                el("p", Html.text(achievement.path("description").asText(""))),
                details(credential, issuer, achievement)));
        String narrative = achievement.path("criteria").path("narrative").asText("");
        if (!narrative.isBlank()) {
            parts.add(el("section", List.of(attr("class", "card")), el("h2", "How it was earned"),
                    el("div", List.of(attr("id", "criteria")), Markdown.render(narrative))));
        }
        List<Html> skills = new ArrayList<>();
        for (JsonNode a : achievement.path("alignment")) {
            String url = a.path("targetUrl").asText("");
            Html name = Html.text(a.path("targetName").asText(""));
            Html label = url.startsWith("https://") || url.startsWith("http://")
                    ? el("a", List.of(attr("href", url), attr("rel", "nofollow noopener")), name) : name;
            skills.add(el("li", label, el("span", List.of(attr("class", "muted")),
                    Html.text(" " + a.path("targetFramework").asText("")))));
        }
        if (!skills.isEmpty()) {
            parts.add(el("section", List.of(attr("class", "card")), el("h2", "Skills"),
                    el("ul", List.of(attr("id", "skills")), Html.join(skills))));
        }
        parts.add(ReportView.render(report));
        parts.add(el("section", List.of(attr("class", "card")), el("h2", "Open it on a phone"),
                QrCode.of(pageUrl).figure("qr", pageUrl)));
        parts.add(el("p", el("a", List.of(attr("href", "/credentials/" + credentialId + "/credential.json"),
                attr("download", "credential.json")), Html.text("Download the credential (JSON)"))));
        return Layout.page(title, menu, Html.join(parts));
    }

    /**
     * The achievement's image when the credential names one that this platform serves (an issuer's uploaded image,
     * {@code <origin>/issuers/...}), shown from this origin; images elsewhere are not loaded (the pages' policy allows
     * only their own origin).
     */
    private static Html image(JsonNode achievement, String pageUrl, String title) {
        JsonNode image = achievement.path("image");
        String id = image.isTextual() ? image.asText() : image.path("id").asText("");
        java.net.URI page = java.net.URI.create(pageUrl);
        String origin = page.getScheme() + "://" + page.getRawAuthority();
        if (!id.startsWith(origin + "/issuers/") || id.length() > 2000) {
            return Html.empty();
        }
        return el("p", el("img", List.of(attr("id", "achievement-image"), attr("src", id.substring(origin.length())),
                attr("alt", title), attr("style", "max-width:160px;max-height:160px"))));
    }

    /** "Renewed by" (this one is superseded) and "renews" links, held by the platform, not in the credential. */
    private static Html renewal(RenewalLinks links) {
        List<Html> lines = new ArrayList<>();
        if (links.renewedBy() != null) {
            lines.add(el("p", List.of(attr("id", "renewed-by"), attr("class", "verdict warning")),
                    Html.text("Superseded: renewed by "), link(links.renewedBy())));
        }
        if (links.renews() != null) {
            lines.add(el("p", List.of(attr("id", "renews")), Html.text("This credential renews "),
                    link(links.renews())));
        }
        return Html.join(lines);
    }

    private static Html link(String credentialId) {
        return el("a", List.of(attr("href", "/credentials/" + credentialId)), Html.text(credentialId));
    }

    private static Html details(ObjectNode credential, JsonNode issuer, JsonNode achievement) {
        List<Html> rows = new ArrayList<>();
        row(rows, "Issuer ID", issuer.isTextual() ? issuer.asText() : issuer.path("id").asText());
        JsonNode subject = credential.path("credentialSubject");
        if (subject.hasNonNull("id")) {
            row(rows, "Recipient", subject.path("id").asText());
        } else if (subject.path("identifier").size() > 0) {
            row(rows, "Recipient", "identified by a hashed " + subject.path("identifier").path(0)
                    .path("identityType").asText("identifier") + " (not shown)");
        }
        row(rows, "Valid from", credential.path("validFrom").asText(credential.path("issuanceDate").asText("")));
        row(rows, "Valid until", credential.path("validUntil").asText("no expiry"));
        row(rows, "Type", achievement.path("achievementType").asText(""));
        if (achievement.has("creditsAvailable")) {
            row(rows, "Credits (ECTS)", achievement.path("creditsAvailable").asText());
        }
        for (JsonNode a : achievement.path("alignment")) {
            if (a.path("targetUrl").asText("").startsWith(AchievementCatalog.EQF_URL)) {
                row(rows, "Level", a.path("targetName").asText());
            }
        }
        for (JsonNode t : achievement.path("tag")) {
            String tag = t.asText();
            for (String prefix : List.of(AchievementCatalog.TAG_WORKLOAD, AchievementCatalog.TAG_ASSESSMENT,
                    AchievementCatalog.TAG_PARTICIPATION, AchievementCatalog.TAG_QUALITY)) {
                if (tag.startsWith(prefix)) {
                    String label = prefix.substring(0, prefix.length() - 2);
                    row(rows, label.substring(0, 1).toUpperCase() + label.substring(1), tag.substring(prefix.length()));
                }
            }
        }
        if (achievement.hasNonNull("inLanguage")) {
            row(rows, "Language", achievement.path("inLanguage").asText());
        }
        return el("dl", Html.join(rows));
    }

    private static void row(List<Html> rows, String label, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(el("dt", label));
            rows.add(el("dd", value));
        }
    }
}
