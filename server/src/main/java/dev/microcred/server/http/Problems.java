package dev.microcred.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import dev.microcred.server.web.Html;
import dev.microcred.server.web.Layout;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: {@code application/problem+json} (RFC 9457) with {@code type}
 * {@code /problems/<slug>}, {@code title}, {@code status} and {@code detail}. A {@link MicrocredException} keeps
 * its one-line message (written for people, free of personal data); Javalin's HTTP errors (404 no route, 413 body too
 * large, ...) keep their status; anything else is a 500 whose detail is only an error id, logged with the exception
 * classes (not messages, which might quote data). {@code UNAVAILABLE} answers 503 with {@code Retry-After}.
 */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    /** Registers the mappers on {@code app}. */
    public static void register(Javalin app) {
        app.exception(MicrocredException.class, (e, ctx) -> {
            if (e.problem() == Problem.UNAVAILABLE) {
                ctx.header("Retry-After", "5");
            }
            if (e.problem() == Problem.TOO_MANY_REQUESTS) {
                ctx.header("Retry-After", "900");
            }
            if (e.problem() == Problem.UNAUTHENTICATED) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"microcred\"");
            }
            send(ctx, e.problem().httpStatus(), e.problem().slug(), e.getMessage(), null);
        });
        app.exception(HttpResponseException.class, (e, ctx) ->
                send(ctx, e.getStatus(), slugOf(e.getStatus()), e.getMessage(), null));
        app.exception(Exception.class, (e, ctx) -> {
            String errorId = UUID.randomUUID().toString();
            LOG.error("request failed error={} route={} requestId={} exception={}", errorId, RequestLog.route(ctx),
                    RequestLog.requestId(ctx), chain(e));
            send(ctx, 500, "internal-error", "internal error " + errorId + " (reported in the server log)", null);
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                send(ctx, 404, "not-found", "no such resource: " + ctx.method() + " " + RequestLog.route(ctx), null);
            }
        });
        app.error(405, ctx -> send(ctx, 405, "method-not-allowed", "method not allowed", null));
    }

    /**
     * Answers with a problem document; {@code extensions} (may be null) adds members such as VCALM's. A browser
     * asking for a web page ({@code Accept: text/html}, outside the machine APIs) gets the same status and detail as
     * an HTML page instead, and a GET that needs a signed-in account is sent to the sign-in page.
     */
    public static void send(Context ctx, int status, String slug, String detail, ObjectNode extensions) {
        if (wantsHtml(ctx)) {
            if (status == 401 && "GET".equals(ctx.method().name())) {
                ctx.redirect("/login?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
                return;
            }
            ctx.header("Content-Security-Policy", Layout.CONTENT_SECURITY_POLICY);
            ctx.status(status).contentType("text/html; charset=utf-8").result(Layout.page(title(slug),
                    Html.el("section", List.of(Html.attr("class", "card")), Html.el("h1", title(slug)),
                            Html.el("p", List.of(Html.attr("id", "problem"), Html.attr("data-status",
                                    Integer.toString(status))), Html.text(detail == null ? title(slug) : detail)),
                            Html.el("p", Html.el("a", List.of(Html.attr("href", "/")), Html.text("Home"))))));
            return;
        }
        ObjectNode body = Json.object();
        body.put("type", "/problems/" + slug);
        body.put("title", title(slug));
        body.put("status", status);
        body.put("detail", detail == null ? title(slug) : detail);
        if (extensions != null) {
            extensions.properties().forEach(f -> body.set(f.getKey(), f.getValue()));
        }
        ctx.status(status).contentType(MEDIA_TYPE).result(Json.write(body));
    }

    private static boolean wantsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        String path = ctx.path();
        return accept != null && accept.contains("text/html") && !path.startsWith("/api/") && !path.contains("/vcalm/");
    }

    private static String title(String slug) {
        String words = slug.replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static String slugOf(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            case 503 -> "unavailable";
            default -> "http-" + status;
        };
    }

    private static String chain(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (out.length() > 0) {
                out.append(" <- ");
            }
            out.append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            if (frames.length > 0) {
                out.append(" at ").append(frames[0]);
            }
        }
        return out.toString();
    }
}
