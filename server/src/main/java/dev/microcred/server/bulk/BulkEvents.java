package dev.microcred.server.bulk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.json.Json;
import dev.microcred.store.BulkError;
import dev.microcred.store.BulkJob;
import dev.microcred.store.Issuer;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A bulk job's progress as JSON, and followed as Server-Sent Events: the one shape both the API
 * ({@code /api/issuers/{slug}/bulk/...}, bearer tokens) and the issuer console ({@code /console/{slug}/bulk/...},
 * the browser session, since {@code EventSource} cannot send a bearer token) answer. Stateless.
 */
public final class BulkEvents {
    /** How often the event stream looks at a job. */
    public static final Duration EVENT_PERIOD = Duration.ofMillis(500);
    private static final int HEARTBEAT_TICKS = 30;

    private BulkEvents() {
    }

    /**
     * Answers {@code text/event-stream}: a {@code progress} event (the job as JSON, without errors) whenever it
     * changes, a comment every 15 s otherwise, and a final {@code done} event when the job is finished, after which
     * the stream ends. The caller has checked that the job is the issuer's and that the visitor may follow it.
     *
     * @param base the path of the job for the JSON's {@code links}
     */
    public static void stream(Context ctx, BulkIssuance bulk, Issuer issuer, String jobId, String base)
            throws Exception {
        bulk.job(issuer, jobId);
        new SseHandler(client -> follow(client, bulk, issuer, jobId, base)).handle(ctx);
    }

    private static void follow(SseClient client, BulkIssuance bulk, Issuer issuer, String jobId, String base) {
        client.keepAlive();
        AtomicReference<String> last = new AtomicReference<>();
        AtomicInteger quiet = new AtomicInteger();
        AtomicReference<Runnable> stop = new AtomicReference<>();
        Runnable cancel = bulk.follow(issuer, jobId, EVENT_PERIOD, progress -> {
            if (client.terminated()) {
                Runnable s = stop.get();
                if (s != null) {
                    s.run();
                }
                return;
            }
            String data = Json.write(json(progress, base));
            if (!data.equals(last.getAndSet(data))) {
                quiet.set(0);
                client.sendEvent("progress", data);
            } else if (quiet.incrementAndGet() % HEARTBEAT_TICKS == 0) {
                client.sendComment("waiting");
            }
            if (progress.job().isFinished()) {
                client.sendEvent("done", data);
                Runnable s = stop.get();
                if (s != null) {
                    s.run();
                }
                client.close();
            }
        });
        stop.set(cancel);
        client.onClose(cancel);
        if (client.terminated()) {
            cancel.run();
        }
    }

    /**
     * The job as JSON: state, row counts, rate, ETA, times, errors (those {@code progress} carries) and links.
     *
     * @param base the path of the job (its {@code self} link)
     */
    public static ObjectNode json(BulkIssuance.Progress progress, String base) {
        Objects.requireNonNull(base, "base");
        BulkJob job = progress.job();
        ObjectNode out = Json.object();
        out.put("id", job.id());
        out.put("state", job.state());
        if (job.achievementId() != null) {
            out.put("defaultAchievementId", job.achievementId());
        }
        ObjectNode rows = out.putObject("rows");
        rows.put("total", job.totalRows());
        rows.put("valid", job.validRows());
        rows.put("invalid", job.invalidRows());
        rows.put("pending", progress.pendingRows());
        rows.put("issued", job.issuedRows());
        rows.put("skipped", job.skippedRows());
        rows.put("failed", job.failedRows());
        out.put("ratePerSecond", Math.round(progress.ratePerSecond() * 10) / 10.0);
        if (progress.etaSeconds() != null) {
            out.put("etaSeconds", progress.etaSeconds());
        } else {
            out.putNull("etaSeconds");
        }
        out.put("createdAt", job.createdAt().toString());
        if (job.startedAt() != null) {
            out.put("startedAt", job.startedAt().toString());
        }
        if (job.finishedAt() != null) {
            out.put("finishedAt", job.finishedAt().toString());
        }
        if (job.error() != null) {
            out.put("error", job.error());
        }
        ArrayNode errors = out.putArray("errors");
        for (BulkError e : progress.errors()) {
            ObjectNode o = errors.addObject();
            o.put("row", e.rowNumber());
            o.put("line", e.lineNumber());
            if (e.column() != null) {
                o.put("column", e.column());
            } else {
                o.putNull("column");
            }
            o.put("message", e.message());
        }
        out.put("errorsTruncated", progress.errorsTruncated());
        ObjectNode links = out.putObject("links");
        links.put("self", base);
        links.put("start", base + "/start");
        links.put("events", base + "/events");
        return out;
    }
}
