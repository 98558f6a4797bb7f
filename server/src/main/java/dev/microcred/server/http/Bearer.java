package dev.microcred.server.http;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.server.issuing.AccessTokens;
import dev.microcred.server.issuing.Scopes;
import dev.microcred.store.ApiToken;
import dev.microcred.store.Issuer;
import io.javalin.http.Context;
import java.util.Objects;

/**
 * Bearer-token checks (RFC 6750): the token must be known and usable, carry the scope, and act for the issuer of
 * the resource (or for the platform, with {@code platform:admin}). Thread-safe.
 */
public final class Bearer {
    private final AccessTokens tokens;

    public Bearer(AccessTokens tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * The token of the request, checked.
     *
     * @param issuer the issuer the request acts on, or null for platform-wide operations
     * @throws MicrocredException {@code UNAUTHENTICATED} without a valid token; {@code FORBIDDEN} without the scope or
     *     for another issuer
     */
    public ApiToken require(Context ctx, Issuer issuer, String scope) {
        return requireFor(ctx, issuer == null ? null : issuer.id(), scope);
    }

    /** As {@link #require(Context, Issuer, String)}, for the issuer with id {@code issuerId} (null: none). */
    public ApiToken requireFor(Context ctx, String issuerId, String scope) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new MicrocredException(Problem.UNAUTHENTICATED, "send an API token: Authorization: Bearer <token>");
        }
        ApiToken token = tokens.find(header.substring(7).strip())
                .orElseThrow(() -> new MicrocredException(Problem.UNAUTHENTICATED, "unknown, revoked or expired token"));
        if (token.scopes().contains(Scopes.PLATFORM_ADMIN)) {
            return token;
        }
        if (!token.scopes().contains(scope)) {
            throw new MicrocredException(Problem.FORBIDDEN, "the token lacks the scope " + scope);
        }
        if (issuerId == null || !issuerId.equals(token.issuerId())) {
            throw new MicrocredException(Problem.FORBIDDEN, "the token does not act for this issuer");
        }
        return token;
    }
}
