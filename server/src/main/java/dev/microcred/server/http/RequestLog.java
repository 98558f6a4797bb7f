package dev.microcred.server.http;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Structured access logs: {@code method}, the matched route template (such as {@code /claim/{token}}: the path
 * itself may hold secrets), {@code status} and {@code ms}. No query strings, no bodies, no addresses.
 */
public final class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("microcred.access");

    private RequestLog() {
    }

    public static void log(Context ctx, Float ms) {
        LOG.info("request method={} route={} status={} ms={}", ctx.method(), route(ctx), ctx.statusCode(),
                ms == null ? -1 : Math.round(ms));
    }

    /** The route template that matched, or {@code (unmatched)}. */
    public static String route(Context ctx) {
        try {
            String path = ctx.endpointHandlerPath();
            return path == null || path.isEmpty() || "*".equals(path) ? "(unmatched)" : path;
        } catch (RuntimeException e) {
            return "(unmatched)";
        }
    }
}
