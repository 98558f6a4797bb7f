package dev.microcred.server.http;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Size limits of web form uploads ({@code multipart/form-data}), applied before anything reads the body (the CSRF
 * check reads the form): a declared {@code Content-Length} above the route's limit is answered 413 at once. The
 * console's bulk upload may send a CSV of up to {@code bulkBytes}; every other form (wallet import, verify page) up
 * to {@code formBytes}. An upload without a declared length is refused (411): browsers always declare it. Each limit has {@link #FORM_OVERHEAD} on top for the multipart framing and the other
 * fields; the handlers check the file sizes exactly. The machine APIs read their bodies themselves. Stateless.
 */
public final class UploadLimits {
    /** Room for the multipart boundaries, headers and small fields around the file. */
    public static final long FORM_OVERHEAD = 64 << 10;
    private static final Pattern BULK_UPLOAD = Pattern.compile("/console/[^/]+/bulk/?");

    private UploadLimits() {
    }

    /** Registers the check; call before the handlers that read forms. */
    public static void register(Javalin app, long formBytes, long bulkBytes) {
        app.before(ctx -> check(ctx, formBytes, bulkBytes));
    }

    static void check(Context ctx, long formBytes, long bulkBytes) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/") || ctx.path().startsWith("/api/")) {
            return;
        }
        long limit = (BULK_UPLOAD.matcher(ctx.path()).matches() ? bulkBytes : formBytes) + FORM_OVERHEAD;
        long length = ctx.req().getContentLengthLong();
        if (length < 0) {
            // browsers always declare a form's length; without one the parser could only fail midway
            throw new HttpResponseException(411, "send the upload with a Content-Length header (at most " + limit
                    + " bytes)");
        }
        if (length > limit) {
            throw new MicrocredException(Problem.TOO_LARGE, "the upload is larger than " + limit + " bytes");
        }
    }
}
