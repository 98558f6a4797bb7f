/**
 * HTTP plumbing shared by every route: the one exception mapper that turns {@link dev.microcred.core.Problem}s (and
 * Javalin's own HTTP errors) into {@code application/problem+json} (RFC 9457) ({@link dev.microcred.server.http.Problems}),
 * JSON bodies read within the size limit ({@link dev.microcred.server.http.Bodies}), bearer-token checks with scopes
 * and issuer ownership ({@link dev.microcred.server.http.Bearer}), and request logs that name the route template,
 * never the path (paths carry claim tokens) or any personal data ({@link dev.microcred.server.http.RequestLog}).
 */
package dev.microcred.server.http;
