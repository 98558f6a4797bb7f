package dev.microcred.server.console;

import static dev.microcred.server.web.Html.attr;
import static dev.microcred.server.web.Html.el;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.server.Platform;
import dev.microcred.server.accounts.Page;
import dev.microcred.server.accounts.Visitor;
import dev.microcred.server.accounts.WebSignIn;
import dev.microcred.server.bulk.BulkEvents;
import dev.microcred.server.bulk.BulkIssuance;
import dev.microcred.server.http.Bodies;
import dev.microcred.store.BulkError;
import dev.microcred.store.BulkJob;
import dev.microcred.store.BulkRow;
import dev.microcred.store.Issuer;
import dev.microcred.server.web.Forms;
import dev.microcred.server.web.Html;
import dev.microcred.server.web.InlineScript;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's bulk issuance pages under {@code /console/{slug}/bulk}: upload a CSV (multipart, at most
 * {@link BulkIssuance#MAX_CSV_BYTES}), read the validation preview with each bad row's errors, start issuing, follow
 * the progress live (an inline script reads {@code .../events}, the job's Server-Sent Events, with the browser
 * session: {@code EventSource} cannot send a bearer token), and read the summary with links to what was issued.
 * A row issued before under the same idempotency key is shown as such (its credential kept, not issued twice); a job
 * stopped by a restart continues by itself, and one that failed can be resumed from here. Staff of the issuer (and
 * the platform admin) only; another issuer's job is 404. Immutable and thread-safe.
 */
public final class BulkPages {
    /** Rows listed per kind on the summary. */
    static final int LISTED_ROWS = 100;
    /** Errors listed on the preview. */
    static final int LISTED_ERRORS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(BulkPages.class);
    private final Platform p;

    public BulkPages(Platform platform) {
        this.p = Objects.requireNonNull(platform, "platform");
    }

    public void register(Javalin app) {
        app.get("/console/{slug}/bulk", ctx -> uploadPage(ctx, 200, null));
        app.post("/console/{slug}/bulk", this::upload);
        app.get("/console/{slug}/bulk/{job}", this::jobPage);
        app.post("/console/{slug}/bulk/{job}/start", this::start);
        app.get("/console/{slug}/bulk/{job}/events", this::events);
    }

    private Issuer issuer(Context ctx) {
        Visitor v = WebSignIn.visitor(ctx);
        v.require();
        Issuer issuer = p.issuers().require(ctx.pathParam("slug"));
        v.requireStaffOf(issuer);
        return issuer;
    }

    private static String base(Issuer issuer) {
        return "/console/" + issuer.slug() + "/bulk";
    }

    private void uploadPage(Context ctx, int status, String error) {
        Issuer issuer = issuer(ctx);
        Visitor v = WebSignIn.visitor(ctx);
        Map<String, String> achievements = new LinkedHashMap<>();
        achievements.put("", "none: the file has an achievementId column");
        p.achievements().of(issuer).stream().filter(a -> a.archivedAt() == null)
                .forEach(a -> achievements.put(a.id(), a.name()));
        List<Html> jobs = new ArrayList<>();
        for (BulkJob j : p.bulk().jobs(issuer, 20)) {
            jobs.add(el("tr", List.of(attr("data-job", j.id())),
                    el("td", el("a", List.of(attr("href", base(issuer) + "/" + j.id())),
                            Html.text(j.createdAt().toString()))),
                    el("td", j.state()), el("td", Integer.toString(j.totalRows())),
                    el("td", Integer.toString(j.issuedRows())), el("td", Integer.toString(j.skippedRows())),
                    el("td", Integer.toString(j.invalidRows() + j.failedRows()))));
        }
        Page.send(ctx, status, "Issue in bulk", Html.join(Page.card(ConsoleRoutes.nav(issuer),
                        el("h1", "Issue in bulk"), Forms.error(error),
                        el("p", Html.text("A CSV file (UTF-8, at most " + (BulkIssuance.MAX_CSV_BYTES >> 20)
                                + " MiB and " + BulkIssuance.MAX_ROWS + " rows) whose first line names the columns: "
                                + "email or did (one per row), and optionally achievementId, validFrom, validUntil"
                                + " (dates or RFC 3339 times) and idempotencyKey. You see what is wrong in each row"
                                + " before anything is issued. A row issued before (the same idempotency key, or the"
                                + " same achievement, recipient and validity) keeps its credential and is not issued"
                                + " twice.")),
                        Forms.post(base(issuer), v.csrfToken(), List.of(attr("id", "bulk-upload"),
                                        attr("enctype", "multipart/form-data")),
                                Forms.select("Achievement of rows that name none", "achievementId", achievements,
                                        ctx.formParam("achievementId")),
                                el("label", List.of(attr("for", "f-file")), Html.text("CSV file")),
                                el("input", List.of(attr("id", "f-file"), attr("type", "file"), attr("name", "file"),
                                        attr("accept", ".csv,text/csv"), attr("required", "required"))),
                                Forms.submit("Check the file", attr("id", "check")))),
                Page.card(el("h2", "Recent bulk jobs"), jobs.isEmpty() ? el("p", "None yet.")
                        : el("table", List.of(attr("id", "bulk-jobs")), el("tr", el("th", "Uploaded"),
                                el("th", "State"), el("th", "Rows"), el("th", "Issued"), el("th", "Issued before"),
                                el("th", "With errors")), Html.join(jobs)))));
    }

    private void upload(Context ctx) {
        Issuer issuer = issuer(ctx);
        byte[] csv;
        try {
            csv = Bodies.file(ctx, "file", BulkIssuance.MAX_CSV_BYTES).orElse(null);
        } catch (MicrocredException e) {
            if (e.problem() != Problem.TOO_LARGE) {
                throw e;
            }
            uploadPage(ctx, 413, "The file is larger than " + (BulkIssuance.MAX_CSV_BYTES >> 20) + " MiB: split it.");
            return;
        }
        if (csv == null) {
            uploadPage(ctx, 400, "Choose a CSV file first.");
            return;
        }
        String achievementId = ctx.formParam("achievementId");
        BulkJob job;
        try {
            job = p.bulk().preview(issuer, achievementId == null || achievementId.isBlank() ? null
                    : achievementId.strip(), csv);
        } catch (MicrocredException e) {
            if (e.problem() != Problem.INVALID_REQUEST && e.problem() != Problem.MALFORMED_INPUT
                    && e.problem() != Problem.TOO_LARGE) {
                throw e;
            }
            uploadPage(ctx, e.problem().httpStatus(), "The file cannot be used: " + e.getMessage());
            return;
        }
        ctx.redirect(base(issuer) + "/" + job.id(), HttpStatus.SEE_OTHER);
    }

    private void start(Context ctx) {
        Issuer issuer = issuer(ctx);
        String jobId = ctx.pathParam("job");
        p.bulk().start(issuer, jobId);
        LOG.info("bulk job started from the console job={} issuer={}", jobId, issuer.id());
        ctx.redirect(base(issuer) + "/" + jobId, HttpStatus.SEE_OTHER);
    }

    private void events(Context ctx) throws Exception {
        Issuer issuer = issuer(ctx);
        String jobId = ctx.pathParam("job");
        BulkEvents.stream(ctx, p.bulk(), issuer, jobId, base(issuer) + "/" + jobId);
    }

    private void jobPage(Context ctx) {
        Issuer issuer = issuer(ctx);
        Visitor v = WebSignIn.visitor(ctx);
        String jobId = ctx.pathParam("job");
        BulkIssuance.Progress progress = p.bulk().progress(issuer, jobId, LISTED_ERRORS);
        BulkJob job = progress.job();
        String here = base(issuer) + "/" + jobId;
        List<Html> parts = new ArrayList<>();
        parts.add(Page.card(ConsoleRoutes.nav(issuer), el("h1", "Bulk job"),
                el("p", List.of(attr("class", "muted")), Html.text("Uploaded " + job.createdAt() + " \u00b7 state: "),
                        el("strong", List.of(attr("id", "job-state")), Html.text(job.state()))),
                el("dl", List.of(attr("id", "preview")),
                        el("dt", "Rows in the file"), el("dd", List.of(attr("id", "rows-total")),
                                Html.text(Integer.toString(job.totalRows()))),
                        el("dt", "Valid rows"), el("dd", List.of(attr("id", "rows-valid")),
                                Html.text(Integer.toString(job.validRows()))),
                        el("dt", "Rows with errors (not issued)"), el("dd", List.of(attr("id", "rows-invalid")),
                                Html.text(Integer.toString(job.invalidRows())))),
                action(v, here, job)));
        if (BulkJob.RUNNING.equals(job.state()) || job.isFinished()) {
            parts.add(progressCard(here, progress));
        }
        if (job.isFinished()) {
            parts.add(summary(issuer, job));
        }
        parts.add(errors(progress));
        Html content = Html.join(parts);
        if (BulkJob.RUNNING.equals(job.state())) {
            Page.send(ctx, 200, "Bulk job", content, InlineScript.BULK_PROGRESS);
        } else {
            Page.send(ctx, 200, "Bulk job", content);
        }
    }

    private static Html action(Visitor v, String here, BulkJob job) {
        if (BulkJob.VALIDATED.equals(job.state())) {
            return job.validRows() == 0
                    ? el("p", List.of(attr("id", "nothing-to-issue")), Html.text("No row can be issued: correct the"
                            + " file and upload it again."))
                    : Forms.post(here + "/start", v.csrfToken(), List.of(attr("id", "start-form")),
                            Forms.submit("Issue " + job.validRows() + (job.validRows() == 1 ? " credential"
                                    : " credentials"), attr("id", "start")));
        }
        if (BulkJob.FAILED.equals(job.state())) {
            return Html.join(el("p", List.of(attr("class", "verdict invalid"), attr("id", "job-error")),
                            Html.text("Stopped: " + (job.error() == null ? "unknown error" : job.error()))),
                    Forms.post(here + "/start", v.csrfToken(), List.of(attr("id", "start-form")),
                            Forms.submit("Resume: issue the remaining rows", attr("id", "start"))));
        }
        return Html.empty();
    }

    private static Html progressCard(String here, BulkIssuance.Progress progress) {
        BulkJob job = progress.job();
        int processed = job.processedRows();
        return el("section", List.of(attr("class", "card"), attr("id", "bulk-progress"),
                        attr("data-events", here + "/events"), attr("data-state", job.state())),
                el("h2", "Progress"),
                el("progress", List.of(attr("id", "progress-bar"), attr("max", Integer.toString(Math.max(1,
                        job.validRows()))), attr("value", Integer.toString(processed)))),
                el("p", List.of(attr("id", "progress-text")), Html.text(processed + " of " + job.validRows()
                        + " rows")),
                el("div", List.of(attr("class", "counts")),
                        count("Issued", "count-issued", job.issuedRows()),
                        count("Issued before (kept)", "count-skipped", job.skippedRows()),
                        count("Failed", "count-failed", job.failedRows()),
                        count("To do", "count-pending", progress.pendingRows())),
                el("p", Html.text("Rate: "), el("span", List.of(attr("id", "rate")), Html.text(
                                Math.round(progress.ratePerSecond() * 10) / 10.0 + " per second")),
                        Html.text(" \u00b7 time left: "), el("span", List.of(attr("id", "eta")),
                                Html.text(eta(job, progress.etaSeconds())))),
                BulkJob.RUNNING.equals(job.state())
                        ? el("p", List.of(attr("class", "muted")), Html.text("This page follows the job by itself. "
                                + "Issuing goes on if you leave it, and after a server restart. "),
                                el("a", List.of(attr("href", here)), Html.text("Reload")))
                        : Html.empty());
    }

    private static Html count(String label, String id, int n) {
        return el("div", el("div", List.of(attr("class", "muted")), Html.text(label)),
                el("strong", List.of(attr("id", id)), Html.text(Integer.toString(n))));
    }

    /** What the page's script writes too: the time left, in words. */
    static String eta(BulkJob job, Long seconds) {
        if (!BulkJob.RUNNING.equals(job.state())) {
            return "\u2013";
        }
        if (seconds == null) {
            return "working it out";
        }
        if (seconds == 0) {
            return "finishing";
        }
        return seconds < 60 ? "about " + seconds + " s" : "about " + (seconds + 59) / 60 + " min";
    }

    private Html summary(Issuer issuer, BulkJob job) {
        List<Html> rows = new ArrayList<>();
        for (String state : List.of(BulkRow.ISSUED, BulkRow.SKIPPED, BulkRow.FAILED)) {
            for (BulkRow r : p.bulk().rows(issuer, job.id(), state, LISTED_ROWS)) {
                Html outcome = switch (state) {
                    case BulkRow.ISSUED -> Html.text("issued");
                    case BulkRow.SKIPPED -> Html.text("issued before: kept, not issued twice");
                    default -> Html.text("failed: " + Objects.requireNonNullElse(r.error(), "unknown error"));
                };
                rows.add(el("tr", List.of(attr("data-row", Integer.toString(r.rowNumber())),
                                attr("data-outcome", state)),
                        el("td", Integer.toString(r.rowNumber())), el("td", r.recipient()),
                        el("td", List.of(attr("class", "outcome")), outcome),
                        el("td", r.credentialId() == null ? Html.empty() : el("a", List.of(attr("href",
                                "/credentials/" + r.credentialId())), Html.text(r.credentialId())))));
            }
        }
        boolean done = BulkJob.DONE.equals(job.state());
        String verdict = (done ? "Done: " : "Stopped: ") + job.issuedRows() + " issued, " + job.skippedRows()
                + " issued before (kept, not issued twice), " + job.failedRows() + " failed"
                + (job.invalidRows() > 0 ? ", " + job.invalidRows() + " rows with errors left out" : "") + ".";
        return el("section", List.of(attr("class", "card"), attr("id", "result")), el("h2", "Result"),
                el("p", List.of(attr("class", "verdict " + (done && job.failedRows() == 0 ? "valid" : "warning")),
                        attr("id", "result-verdict")), Html.text(verdict)),
                el("p", el("a", List.of(attr("href", "/console/" + issuer.slug() + "/credentials"),
                        attr("id", "all-credentials")), Html.text("All credentials of " + issuer.name()))),
                rows.isEmpty() ? Html.empty() : el("table", List.of(attr("id", "result-rows")),
                        el("tr", el("th", "Row"), el("th", "Recipient"), el("th", "Outcome"), el("th", "Credential")),
                        Html.join(rows)),
                job.processedRows() > rows.size() ? el("p", List.of(attr("class", "muted")), Html.text("The first "
                        + LISTED_ROWS + " rows of each outcome are listed.")) : Html.empty());
    }

    private static Html errors(BulkIssuance.Progress progress) {
        List<BulkError> errors = progress.errors();
        if (errors.isEmpty()) {
            return Html.empty();
        }
        List<Html> rows = new ArrayList<>();
        for (BulkError e : errors) {
            rows.add(el("tr", List.of(attr("data-row", Integer.toString(e.rowNumber()))),
                    el("td", Integer.toString(e.rowNumber())), el("td", Integer.toString(e.lineNumber())),
                    el("td", e.column() == null ? "\u2013" : e.column()), el("td", e.message())));
        }
        return el("section", List.of(attr("class", "card")), el("h2", "Rows with errors"),
                el("table", List.of(attr("id", "row-errors")), el("tr", el("th", "Row"), el("th", "Line"),
                        el("th", "Column"), el("th", "Problem")), Html.join(rows)),
                progress.errorsTruncated() ? el("p", List.of(attr("class", "muted")), Html.text("Only the first "
                        + errors.size() + " errors are shown.")) : Html.empty());
    }
}
