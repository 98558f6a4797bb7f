package dev.microcred.server.http;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Size limits of uploads ({@code multipart/form-data}), applied before anything reads the body (the CSRF check reads
 * web forms): a declared {@code Content-Length} above the route's limit is answered 413 at once, and an upload
 * without a declared length 411 (browsers and HTTP clients declare it; a parser cut off midway could only fail).
 * The console's bulk upload and the API's (the API's only multipart route) may send up to {@code bulkBytes}; every
 * other form (wallet import, verify page) up to {@code formBytes}. Each limit has {@link #FORM_OVERHEAD} on top for
 * the multipart framing and the other fields; the handlers check the file sizes exactly. Stateless.
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
        if (!type.startsWith("multipart/")) {
            return;
        }
        boolean bulk = BULK_UPLOAD.matcher(ctx.path()).matches() || ctx.path().startsWith("/api/");
        long limit = (bulk ? bulkBytes : formBytes) + FORM_OVERHEAD;
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
