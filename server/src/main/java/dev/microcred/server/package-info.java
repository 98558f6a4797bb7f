/**
 * The microcred server, the composition root: {@link dev.microcred.server.MicrocredServer#start} wires the store,
 * the credential engine and the skills graph into a {@link dev.microcred.server.Platform} with {@code new} and serves
 * it over HTTP; {@link dev.microcred.server.Demo} seeds a demonstration.
 *
 * <p>HTTP is Javalin 6 (Jetty 11): a library, not a framework in the container sense — routes, exception mappers
 * and request logs are registered in code, with no annotations, no reflection and no classpath scanning, which is
 * the style this project follows. It was preferred to the JDK's built-in HTTP server because Jetty brings a
 * production-grade connector (HTTP/1.1 keep-alive, request size limits, multipart uploads, graceful stop) that we
 * would otherwise write and test ourselves; the JSON is read and written by our own code (Jackson trees), not by
 * Javalin's object mapper. Pages are built by an escaping HTML builder
 * ({@link dev.microcred.server.web.Html}) rather than a template engine.
 */
package dev.microcred.server;
