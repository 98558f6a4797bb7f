package dev.microcred.server.http;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Structured access logs, one line per request: {@code method}, the matched route template (such as
 * {@code /claim/{token}}: the path itself may hold claim, share and reset tokens, or ids that point at a person),
 * {@code status}, {@code ms} and {@code requestId}. No query strings, no bodies, no addresses, no user agents.
 *
 * <p>The request id is made here (16 random hex digits) and sent back in {@code X-Request-Id}, so that a user
 * reporting a problem can quote it; an id sent by the client is not trusted (it could carry anything into the
 * log). Thread-safe.
 */
public final class RequestLog {
    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "microcred.requestId";
    private static final Logger LOG = LoggerFactory.getLogger("microcred.access");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestLog() {
    }

    /** Gives the request its id (a before-handler: runs first). */
    public static void assign(Context ctx) {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        String requestId = HexFormat.of().formatHex(id);
        ctx.attribute(ATTRIBUTE, requestId);
        ctx.header(HEADER, requestId);
    }

    /** The id {@link #assign} gave the request, or {@code -} before it ran. */
    public static String requestId(Context ctx) {
        Object id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id.toString();
    }

    public static void log(Context ctx, Float ms) {
        LOG.info("request method={} route={} status={} ms={} requestId={}", ctx.method(), route(ctx),
                ctx.statusCode(), ms == null ? -1 : Math.round(ms), requestId(ctx));
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
