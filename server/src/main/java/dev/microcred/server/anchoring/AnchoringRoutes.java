package dev.microcred.server.anchoring;

import static dev.microcred.server.web.Html.attr;
import static dev.microcred.server.web.Html.el;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.anchor.EvmRpc;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.server.accounts.Page;
import dev.microcred.server.accounts.Visitor;
import dev.microcred.server.accounts.WebSignIn;
import dev.microcred.server.http.Bearer;
import dev.microcred.server.http.Bodies;
import dev.microcred.server.issuing.Scopes;
import dev.microcred.server.web.Forms;
import dev.microcred.server.web.Html;
import dev.microcred.store.StoredAnchor;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The platform admin's anchoring routes: {@code GET /api/admin/tlog/anchors} (configuration and recent anchors),
 * {@code POST /api/admin/tlog/anchor} (anchor the latest checkpoint now), and the page {@code /admin/anchors} with
 * its "Anchor now" form. Platform admin only: the API by the platform token, the page by a signed-in admin.
 */
public final class AnchoringRoutes {
    static final int MAX_LIST = 500;
    private final Anchoring anchoring;
    private final Bearer bearer;

    public AnchoringRoutes(Anchoring anchoring, Bearer bearer) {
        this.anchoring = Objects.requireNonNull(anchoring, "anchoring");
        this.bearer = Objects.requireNonNull(bearer, "bearer");
    }

    public void register(Javalin app) {
        app.get("/api/admin/tlog/anchors", this::list);
        app.post("/api/admin/tlog/anchor", this::anchorNow);
        app.get("/admin/anchors", this::page);
        app.post("/admin/anchors", this::anchorFromPage);
    }

    private void list(Context ctx) {
        bearer.require(ctx, null, Scopes.PLATFORM_ADMIN);
        ObjectNode out = status();
        ArrayNode anchors = out.putArray("anchors");
        anchoring.recent(limit(ctx)).forEach(a -> anchors.add(json(a)));
        Bodies.json(ctx, 200, out);
    }

    private void anchorNow(Context ctx) {
        bearer.require(ctx, null, Scopes.PLATFORM_ADMIN);
        Anchoring.Result result = anchoring.anchorLatest();
        Bodies.json(ctx, result.sent() ? 201 : 200, json(result.anchor()));
    }

    private void page(Context ctx) {
        Visitor v = WebSignIn.visitor(ctx);
        v.requirePlatformAdmin();
        List<Html> rows = new ArrayList<>();
        for (StoredAnchor a : anchoring.recent(100)) {
            rows.add(el("tr", List.of(attr("data-status", a.status())), el("td", a.log()),
                    el("td", Long.toString(a.size())), el("td", el("code", a.checkpointSha256().substring(0, 16)
                            + "\u2026")),
                    el("td", a.chain()), el("td", el("code", a.tx() == null ? "(being sent)" : a.tx())),
                    el("td", a.anchoredAt() == null ? "" : a.anchoredAt().toString())));
        }
        Html setup = anchoring.config().map(c -> el("p", Html.text("Anchoring on " + c.chain() + " through "
                + EvmRpc.nodeOf(c.rpcUrl()) + " from " + c.key().address() + ", "
                + (c.interval().isZero() ? "on demand only." : "every " + c.interval().toString().substring(2)
                .toLowerCase(java.util.Locale.ROOT) + " when the log has grown."))))
                .orElse(el("p", "Anchoring is not configured (MICROCRED_ANCHOR_RPC_URL, MICROCRED_ANCHOR_CHAIN and a"
                        + " key): checkpoints are not anchored on a chain."));
        Page.send(ctx, 200, "Chain anchors", Html.join(
                Page.card(el("h1", "Chain anchors"), setup,
                        el("p", List.of(attr("class", "muted")), Html.text("Each anchor records the SHA-256 of a"
                                + " published checkpoint in a transaction; verify one with microcred tlog"
                                + " verify-anchor.")),
                        anchoring.enabled() ? Forms.post("/admin/anchors", v.csrfToken(),
                                List.of(attr("id", "anchor-now")), Forms.submit("Anchor the latest checkpoint now"))
                                : Html.empty()),
                Page.card(el("h2", "Recent anchors"), rows.isEmpty() ? el("p", "No anchors yet.")
                        : el("table", List.of(attr("id", "anchors")), el("tr", el("th", "Log"), el("th", "Size"),
                                el("th", "Checkpoint SHA-256"), el("th", "Chain"), el("th", "Transaction"),
                                el("th", "Block time")), Html.join(rows)))));
    }

    private void anchorFromPage(Context ctx) {
        WebSignIn.visitor(ctx).requirePlatformAdmin();
        anchoring.anchorLatest();
        ctx.redirect("/admin/anchors", HttpStatus.SEE_OTHER);
    }

    private ObjectNode status() {
        ObjectNode out = Json.object();
        out.put("enabled", anchoring.enabled());
        anchoring.config().ifPresent(c -> {
            out.put("chain", c.chain().caip2());
            out.put("node", EvmRpc.nodeOf(c.rpcUrl()));
            out.put("sender", c.key().address());
            out.put("interval", c.interval().toString());
        });
        return out;
    }

    static ObjectNode json(StoredAnchor a) {
        ObjectNode o = Json.object();
        o.put("id", a.id());
        o.put("log", a.log());
        o.put("size", a.size());
        o.put("checkpoint", "sha256:" + a.checkpointSha256());
        o.put("chain", a.chain());
        o.put("sender", a.sender());
        o.put("status", a.status());
        o.put("tx", a.tx());
        o.put("time", a.anchoredAt() == null ? null : a.anchoredAt().toString());
        o.put("entry", a.entry());
        o.put("claimedAt", a.claimedAt().toString());
        return o;
    }

    private static int limit(Context ctx) {
        String limit = ctx.queryParam("limit");
        if (limit == null) {
            return 100;
        }
        if (!limit.matches("[1-9][0-9]{0,3}") || Integer.parseInt(limit) > MAX_LIST) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "limit is 1 to " + MAX_LIST);
        }
        return Integer.parseInt(limit);
    }
}
