package dev.microcred.server.tlog;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.server.Platform;
import dev.microcred.tlog.tiles.BundleId;
import dev.microcred.tlog.tiles.TileId;
import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The log as static, cacheable resources under {@code /tlog/} (C2SP tlog-tiles), all public: the latest published
 * checkpoint, hash tiles and entry bundles (full ones immutable, cached for a year), the instance's tlog-policy,
 * and each credential's tlog-proof receipt next to the credential.
 */
public final class TlogRoutes {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String SHORT = "public, max-age=5";
    static final String PARTIAL = "public, max-age=60";

    private final Platform p;

    public TlogRoutes(Platform platform) {
        this.p = platform;
    }

    public void register(Javalin app) {
        app.get("/tlog/checkpoint", this::checkpoint);
        app.get("/tlog/policy", this::policy);
        app.get("/tlog/tile/<path>", this::tile);
        app.get("/credentials/{id}/receipt", this::receipt);
    }

    private void checkpoint(Context ctx) {
        String note = p.tlog().checkpoint().orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND,
                "the log has not published a checkpoint yet"));
        ctx.header("Cache-Control", SHORT);
        ctx.status(200).contentType("text/plain; charset=utf-8").result(note);
    }

    private void policy(Context ctx) {
        ctx.header("Cache-Control", SHORT);
        ctx.status(200).contentType("text/plain; charset=utf-8").result(p.tlog().policyText());
    }

    private void tile(Context ctx) {
        String path = "tile/" + ctx.pathParam("path");
        byte[] bytes;
        boolean full;
        try {
            if (path.startsWith("tile/entries/")) {
                BundleId id = BundleId.parse(path);
                full = id.width() == TileId.FULL;
                bytes = p.tlog().bundle(id);
            } else {
                TileId id = TileId.parse(path);
                full = id.isFull();
                bytes = p.tlog().tile(id);
            }
        } catch (MicrocredException e) {
            if (e.problem() == Problem.NOT_FOUND) {
                throw e;
            }
            throw new MicrocredException(Problem.NOT_FOUND, "no such tile: " + path);
        }
        ctx.header("Cache-Control", full ? IMMUTABLE : PARTIAL);
        ctx.status(200).contentType("application/octet-stream").result(bytes);
    }

    private void receipt(Context ctx) {
        String id = ctx.pathParam("id");
        p.db().read(c -> p.store().credentials().byId(c, id))
                .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no such credential"));
        String receipt = p.tlog().receipt(id).orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND,
                "the credential's log entry is not covered by a published checkpoint yet: try again shortly"));
        ctx.header("Content-Disposition", "attachment; filename=\"credential.tlog\"");
        ctx.status(200).contentType("text/plain; charset=utf-8").result(receipt);
    }
}
