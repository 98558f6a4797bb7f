package dev.microcred.core;

/**
 * Why an operation could not be carried out at all. "The credential is invalid" is not a problem but an
 * answer; a problem means the input could not be processed. The server maps each code to an HTTP status and
 * an {@code application/problem+json} type; the command line maps it to a one-line message and exit code 2.
 */
public enum Problem {
    /** Input is not well-formed (JSON syntax, wrong JSON types, missing required member, bad encoding). */
    MALFORMED_INPUT("malformed-input", 400),
    /** Input is larger than the documented limit. */
    TOO_LARGE("too-large", 413),
    /** A JSON-LD context that is not bundled; microcred never fetches contexts. */
    UNKNOWN_CONTEXT("unknown-context", 400),
    /** JSON-LD processing failed in safe mode (undefined term, protected term redefinition, relative IRI). */
    JSONLD_ERROR("jsonld-error", 400),
    /** A proof type, cryptosuite, JOSE algorithm or key type that microcred does not implement. */
    UNSUPPORTED("unsupported", 400),
    /** A key could not be found or resolved (unknown DID method, verification method not in the document). */
    KEY_NOT_FOUND("key-not-found", 400),
    /** Key material is malformed (wrong length, not on the curve, bad multicodec prefix). */
    INVALID_KEY("invalid-key", 400),
    /** A key file could not be decrypted: wrong passphrase or key-encryption key, or the file was altered. */
    DECRYPTION_FAILED("decryption-failed", 400),
    /** A remote resource (did:web document, status list, hosted assertion) could not be fetched. */
    FETCH_FAILED("fetch-failed", 502),
    /** The fetch was refused by policy (not HTTPS, private address, too large, not allowed). */
    FETCH_REFUSED("fetch-refused", 400),
    /** An image could not be read, or holds no credential. */
    BAD_IMAGE("bad-image", 400),
    /** Anything else the caller asked for that makes no sense (bad arguments, conflicting options). */
    INVALID_REQUEST("invalid-request", 400),
    /** No credentials were presented, or they are unknown or expired (sign in, or send a valid bearer token). */
    UNAUTHENTICATED("unauthenticated", 401),
    /** The caller is known but may not do this (missing scope, another issuer's resource). */
    FORBIDDEN("forbidden", 403),
    /** The resource does not exist (or the caller may not know that it does). */
    NOT_FOUND("not-found", 404),
    /** The request conflicts with the current state (a slug already taken, a revoked credential suspended). */
    CONFLICT("conflict", 409),
    /** The caller sent too many requests of this kind (failed sign-ins): retry after the period it is told. */
    TOO_MANY_REQUESTS("too-many-requests", 429),
    /** A dependency (the database) is unavailable or overloaded: retry later. */
    UNAVAILABLE("unavailable", 503),
    /** A local file or resource could not be read or written. */
    IO_ERROR("io-error", 500);

    private final String slug;
    private final int httpStatus;

    Problem(String slug, int httpStatus) {
        this.slug = slug;
        this.httpStatus = httpStatus;
    }

    /** A stable, URL-safe name used in problem-details {@code type} URIs and JSON reports. */
    public String slug() {
        return slug;
    }

    /** The HTTP status the server answers with. */
    public int httpStatus() {
        return httpStatus;
    }
}
