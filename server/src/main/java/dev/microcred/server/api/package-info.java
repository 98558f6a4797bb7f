/**
 * The JSON API under {@code /api} (issuers, achievements, issuing, status changes, verification, the admin outbox),
 * the public machine documents ({@code did:web} DID documents, status list credentials, achievements), and the
 * per-issuer W3C VCALM endpoints under {@code /issuers/{slug}/vcalm}. Routes are plain Javalin handlers registered
 * in code; each checks its bearer token's scope and issuer first.
 */
package dev.microcred.server.api;
