package dev.microcred.server.web;

import static dev.microcred.server.web.Html.attr;
import static dev.microcred.server.web.Html.el;

import dev.microcred.credentials.verify.Check;
import dev.microcred.credentials.verify.Outcome;
import dev.microcred.credentials.verify.VerificationReport;
import java.util.ArrayList;
import java.util.List;

/** A verification report in plain language: a verdict, then each step with what it found. */
public final class ReportView {
    private ReportView() {
    }

    /** The verdict sentence for an outcome. */
    public static String verdict(Outcome outcome) {
        return switch (outcome) {
            case VALID -> "Verified: the credential is authentic, unaltered and in good standing.";
            case TAMPERED -> "Not valid: the credential was altered after it was signed, or signed by another key.";
            case INVALID -> "Not valid: the credential is not well-formed or not signed by its issuer.";
            case REVOKED -> "Revoked: the issuer has withdrawn this credential.";
            case SUSPENDED -> "Suspended: the issuer has suspended this credential for now.";
            case EXPIRED -> "Expired: the credential's validity period has ended.";
            case NOT_YET_VALID -> "Not yet valid: the credential's validity period has not begun.";
            case UNSUPPORTED -> "Cannot verify: the credential uses a format or proof that microcred does not support.";
            case CANNOT_CHECK -> "Could not finish: a step could not be completed (a key or status list could not be"
                    + " fetched), so there is no verdict either way.";
        };
    }

    static String stepTitle(String name) {
        return switch (name) {
            case "parse" -> "The credential can be read";
            case "context" -> "It uses known vocabularies";
            case "schema" -> "It follows the Open Badges 3.0 format";
            case "proof" -> "The signature is intact";
            case "issuer-key" -> "The signing key belongs to the issuer";
            case "status" -> "It has not been revoked or suspended";
            case "validity" -> "It is within its validity period";
            case "endorsements" -> "Endorsements";
            case "nested-credentials" -> "Credentials inside it";
            case "tlog" -> "It is on public record in the issuer's transparency log";
            default -> name;
        };
    }

    static String mark(Check.Status status) {
        return switch (status) {
            case PASSED -> "\u2714 ";
            case FAILED -> "\u2718 ";
            case WARNING -> "! ";
            case SKIPPED -> "\u2013 ";
        };
    }

    /** The CSS class of the verdict box for an outcome. */
    static String verdictClass(Outcome outcome) {
        return switch (outcome) {
            case VALID -> "verdict valid";
            case CANNOT_CHECK, UNSUPPORTED, NOT_YET_VALID, SUSPENDED -> "verdict warning";
            default -> "verdict invalid";
        };
    }

    /** The verdict as a banner linking to the full report, for the top of a page. */
    public static Html banner(VerificationReport report) {
        return el("p", List.of(attr("class", verdictClass(report.outcome())), attr("id", "verdict"),
                        attr("data-outcome", report.outcome().label())),
                el("a", List.of(attr("href", "#verification")), Html.text(verdict(report.outcome()))));
    }

    /** The report as a card. */
    public static Html render(VerificationReport report) {
        String css = verdictClass(report.outcome());
        List<Html> steps = new ArrayList<>();
        for (Check c : report.checks()) {
            steps.add(el("li", List.of(attr("data-check", c.name()), attr("data-outcome", c.status().label())),
                    el("strong", mark(c.status()) + stepTitle(c.name())), Html.text(" \u2014 " + c.detail())));
        }
        return el("section", List.of(attr("class", "card"), attr("id", "verification")),
                el("h2", "Verification"),
                el("p", List.of(attr("class", css), attr("data-outcome", report.outcome().label())),
                        Html.text(verdict(report.outcome()))),
                el("ol", List.of(attr("class", "checks")), Html.join(steps)));
    }
}
