package dev.microcred.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Request and response bodies: JSON objects and uploaded files read within their size limits, JSON written with its
 * media type.
 */
public final class Bodies {
    private Bodies() {
    }

    /** The request body, refused above {@code maxBytes} ({@code TOO_LARGE}) and when empty. */
    public static byte[] bytes(Context ctx, long maxBytes) {
        long declared = ctx.contentLength();
        if (declared > maxBytes) {
            throw new MicrocredException(Problem.TOO_LARGE, "the request body is larger than " + maxBytes + " bytes");
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > maxBytes) {
            throw new MicrocredException(Problem.TOO_LARGE, "the request body is larger than " + maxBytes + " bytes");
        }
        if (body.length == 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "the request body is empty");
        }
        return body;
    }

    /**
     * The contents of the file part {@code name} of a {@code multipart/form-data} request; empty when the form has no
     * such part or the file is empty (a browser sends an empty part when no file was chosen).
     *
     * @throws MicrocredException {@code TOO_LARGE} above {@code maxBytes}, {@code IO_ERROR} when the stored part
     *     cannot be read
     */
    public static Optional<byte[]> file(Context ctx, String name, long maxBytes) {
        UploadedFile file = ctx.uploadedFile(name);
        if (file == null || file.size() == 0) {
            return Optional.empty();
        }
        if (file.size() > maxBytes) {
            throw new MicrocredException(Problem.TOO_LARGE, "the file is larger than " + maxBytes + " bytes");
        }
        try (InputStream in = file.content()) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new MicrocredException(Problem.IO_ERROR, "cannot read the uploaded file", e);
        }
    }

    /** The request body as a JSON object. */
    public static ObjectNode object(Context ctx, long maxBytes) {
        return Json.parseObject(bytes(ctx, maxBytes));
    }

    /** Answers {@code status} with {@code body} as {@code application/json}. */
    public static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    /** Answers {@code status} with {@code body} under another JSON media type. */
    public static void json(Context ctx, int status, JsonNode body, String mediaType) {
        ctx.status(status).contentType(mediaType).result(Json.write(body));
    }
}
