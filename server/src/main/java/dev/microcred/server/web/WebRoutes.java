package dev.microcred.server.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.verify.VerificationReport;
import dev.microcred.server.Platform;
import dev.microcred.server.http.Bodies;
import dev.microcred.server.tlog.TlogCheck;
import dev.microcred.store.StoredCredential;
import dev.microcred.server.accounts.Page;
import dev.microcred.server.accounts.WebSignIn;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** The public pages: home, credential pages (HTML, or the JSON document on request) and the verify page. */
public final class WebRoutes {
    private final Platform p;
    private final TlogCheck tlog;

    public WebRoutes(Platform platform) {
        this.p = Objects.requireNonNull(platform, "platform");
        this.tlog = new TlogCheck(platform.tlog(), platform.baseUrl(), platform.issuance().jwtForms()::form);
    }

    public void register(Javalin app) {
        app.get("/", ctx -> html(ctx, 200, HomePage.render(p.issuers().all(), menu(ctx))));
        app.get("/credentials/{id}", this::credential);
        app.get("/credentials/{id}/credential.json", this::credentialJson);
        app.get("/verify", ctx -> html(ctx, 200, verifyPage(ctx, null, null)));
        app.post("/verify", this::verify);
    }

    private StoredCredential stored(String id) {
        return p.db().read(c -> p.store().credentials().byId(c, id))
                .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no such credential"));
    }

    private void credential(Context ctx) {
        StoredCredential k = stored(ctx.pathParam("id"));
        String accept = ctx.header("Accept") == null ? "" : ctx.header("Accept");
        if (!accept.contains("text/html") && (accept.contains("json") || accept.contains("application/vc"))) {
            ctx.status(200).contentType("application/vc").result(k.document());
            return;
        }
        ObjectNode document = Json.parseObject(k.document());
        VerificationReport report = tlog.append(p.verification().verify(document),
                k.document().getBytes(StandardCharsets.UTF_8));
        html(ctx, 200, CredentialPage.render(k.id(), document, report, menu(ctx),
                p.baseUrl() + "/credentials/" + k.id(),
                p.db().read(c -> p.store().credentials().renewalLinks(c, k.id()))));
    }

    private void credentialJson(Context ctx) {
        StoredCredential k = stored(ctx.pathParam("id"));
        ctx.header("Content-Disposition", "attachment; filename=\"credential.json\"");
        ctx.status(200).contentType("application/json").result(k.document());
    }

    private void verify(Context ctx) {
        byte[] input = Bodies.file(ctx, "file", p.config().maxRequestBytes()).orElse(null);
        String pasted = ctx.formParam("credential");
        if (input == null && pasted != null && !pasted.isBlank()) {
            input = pasted.strip().getBytes(StandardCharsets.UTF_8);
        }
        if (input == null) {
            html(ctx, 400, verifyPage(ctx, null, "Paste a credential or choose a file first."));
            return;
        }
        try {
            html(ctx, 200, verifyPage(ctx, tlog.append(p.verification().verify(input), input), null));
        } catch (MicrocredException e) {
            html(ctx, e.problem().httpStatus() >= 500 ? 502 : 400, verifyPage(ctx, null,
                    "Could not read this credential: " + e.getMessage()));
        }
    }

    private static String verifyPage(Context ctx, VerificationReport report, String error) {
        return VerifyPage.render(report, error, menu(ctx), WebSignIn.visitor(ctx).csrfToken());
    }

    private static List<Html> menu(Context ctx) {
        return Page.menu(WebSignIn.visitor(ctx));
    }

    /** Answers {@code status} with a whole page, under the pages' Content-Security-Policy. */
    public static void html(Context ctx, int status, String page) {
        html(ctx, status, page, Layout.CONTENT_SECURITY_POLICY);
    }

    /** Answers {@code status} with a whole page under {@code contentSecurityPolicy} (a page with a script). */
    public static void html(Context ctx, int status, String page, String contentSecurityPolicy) {
        ctx.header("Content-Security-Policy", contentSecurityPolicy);
        ctx.status(status).contentType("text/html; charset=utf-8").result(page);
    }
}
