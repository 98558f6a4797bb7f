package dev.microcred.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.server.Platform;
import dev.microcred.server.bulk.BulkEvents;
import dev.microcred.server.bulk.BulkIssuance;
import dev.microcred.server.http.Bearer;
import dev.microcred.server.http.Bodies;
import dev.microcred.server.http.UploadLimits;
import dev.microcred.server.issuing.Scopes;
import dev.microcred.store.BulkJob;
import dev.microcred.store.Issuer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;

/**
 * The bulk issuance API under {@code /api/issuers/{slug}/bulk}: upload a CSV for a validation preview, start the
 * job, read its progress, or follow it as Server-Sent Events. Bearer tokens: {@code credentials:issue} to upload
 * and start, {@code credentials:read} to read and follow.
 */
public final class BulkRoutes {
    private final Platform p;
    private final Bearer bearer;

    public BulkRoutes(Platform platform, Bearer bearer) {
        this.p = Objects.requireNonNull(platform, "platform");
        this.bearer = Objects.requireNonNull(bearer, "bearer");
    }

    public void register(Javalin app) {
        app.post("/api/issuers/{slug}/bulk", this::upload);
        app.get("/api/issuers/{slug}/bulk", this::list);
        app.get("/api/issuers/{slug}/bulk/{job}", this::get);
        app.post("/api/issuers/{slug}/bulk/{job}/start", this::start);
        app.get("/api/issuers/{slug}/bulk/{job}/events", this::events);
    }

    /**
     * {@code text/csv} body with {@code ?achievementId=}, or {@code multipart/form-data} with a {@code file} part and
     * an optional {@code achievementId} field.
     */
    private void upload(Context ctx) {
        Issuer issuer = p.issuers().require(ctx.pathParam("slug"));
        bearer.require(ctx, issuer, Scopes.CREDENTIALS_ISSUE);
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        boolean multipart = contentType.startsWith("multipart/form-data");
        // a multipart body carries its framing on top of the file (the file part itself is checked below)
        if (ctx.contentLength() > BulkIssuance.MAX_CSV_BYTES + (multipart ? UploadLimits.FORM_OVERHEAD : 0)) {
            throw new MicrocredException(Problem.TOO_LARGE, "the file is larger than " + BulkIssuance.MAX_CSV_BYTES
                    + " bytes");
        }
        byte[] csv;
        String achievementId = blankToNull(ctx.queryParam("achievementId"));
        if (multipart) {
            csv = Bodies.file(ctx, "file", BulkIssuance.MAX_CSV_BYTES).orElseThrow(() -> new MicrocredException(
                    Problem.MALFORMED_INPUT, "the form has no file part named \"file\", or the file is empty"));
            if (achievementId == null) {
                achievementId = blankToNull(ctx.formParam("achievementId"));
            }
        } else {
            csv = bounded(ctx);
        }
        BulkJob job = p.bulk().preview(issuer, achievementId, csv);
        String location = "/api/issuers/" + issuer.slug() + "/bulk/" + job.id();
        ctx.header("Location", location);
        Bodies.json(ctx, 201, json(issuer, p.bulk().progress(issuer, job.id(), errorLimit(ctx))));
    }

    /**
     * The raw body, up to {@link BulkIssuance#MAX_CSV_BYTES}: read from the request stream, because the server's
     * request size limit (for every other route) is smaller.
     */
    private static byte[] bounded(Context ctx) {
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes((int) BulkIssuance.MAX_CSV_BYTES + 1);
        } catch (IOException e) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "the upload could not be read", e);
        }
        if (body.length > BulkIssuance.MAX_CSV_BYTES) {
            throw new MicrocredException(Problem.TOO_LARGE, "the file is larger than " + BulkIssuance.MAX_CSV_BYTES
                    + " bytes");
        }
        if (body.length == 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "the request body is empty");
        }
        return body;
    }

    private void list(Context ctx) {
        Issuer issuer = p.issuers().require(ctx.pathParam("slug"));
        bearer.require(ctx, issuer, Scopes.CREDENTIALS_READ);
        ArrayNode out = Json.mapper().createArrayNode();
        for (BulkJob job : p.bulk().jobs(issuer, 50)) {
            out.add(json(issuer, p.bulk().progress(issuer, job.id(), 0)));
        }
        Bodies.json(ctx, 200, out);
    }

    private void get(Context ctx) {
        Issuer issuer = p.issuers().require(ctx.pathParam("slug"));
        bearer.require(ctx, issuer, Scopes.CREDENTIALS_READ);
        Bodies.json(ctx, 200, json(issuer, p.bulk().progress(issuer, ctx.pathParam("job"), errorLimit(ctx))));
    }

    private void start(Context ctx) {
        Issuer issuer = p.issuers().require(ctx.pathParam("slug"));
        bearer.require(ctx, issuer, Scopes.CREDENTIALS_ISSUE);
        BulkJob job = p.bulk().start(issuer, ctx.pathParam("job"));
        Bodies.json(ctx, 202, json(issuer, p.bulk().progress(issuer, job.id(), 0)));
    }

    /** {@code text/event-stream}: see {@link BulkEvents#stream}. */
    private void events(Context ctx) throws Exception {
        Issuer issuer = p.issuers().require(ctx.pathParam("slug"));
        bearer.require(ctx, issuer, Scopes.CREDENTIALS_READ);
        String jobId = ctx.pathParam("job");
        BulkEvents.stream(ctx, p.bulk(), issuer, jobId, base(issuer, jobId));
    }

    private static String base(Issuer issuer, String jobId) {
        return "/api/issuers/" + issuer.slug() + "/bulk/" + jobId;
    }

    private ObjectNode json(Issuer issuer, BulkIssuance.Progress progress) {
        return BulkEvents.json(progress, base(issuer, progress.job().id()));
    }

    private static int errorLimit(Context ctx) {
        String v = ctx.queryParam("errors");
        if (v == null) {
            return 1000;
        }
        try {
            return Math.max(0, Math.min(10_000, Integer.parseInt(v)));
        } catch (NumberFormatException e) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "errors must be an integer");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
