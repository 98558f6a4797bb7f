package dev.microcred.server.ops;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.server.Platform;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * {@code GET /metrics} (Prometheus text format 0.0.4) and {@code GET /openapi.json} (the OpenAPI 3.1 document of the
 * JSON API, bundled as a resource beside this class).
 */
public final class OpsRoutes {
    /** The media type of the Prometheus text exposition format. */
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENAPI_RESOURCE = "openapi.json";
    private final Platform p;
    private final byte[] openApi;

    public OpsRoutes(Platform platform) {
        this.p = Objects.requireNonNull(platform, "platform");
        this.openApi = openApiDocument();
    }

    /** The bundled OpenAPI document. */
    public static byte[] openApiDocument() {
        try (InputStream in = OpsRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new MicrocredException(Problem.IO_ERROR, "the bundled " + OPENAPI_RESOURCE + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void register(Javalin app) {
        app.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(p.metrics().scrape()));
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }
}
