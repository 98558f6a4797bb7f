package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A machine credential, known by the SHA-256 of the token; the token itself is shown once, when made.
 *
 * @param accountId the account it acts for, or null
 * @param issuerId the issuer it acts for, or null (a platform token)
 * @param expiresAt null when it does not expire
 * @param revokedAt null while it is valid
 */
public record ApiToken(String id, String tokenHash, String name, String accountId, String issuerId, Set<String> scopes,
                       Instant createdAt, Instant expiresAt, Instant revokedAt) {
    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(name, "name");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether it may be used at {@code now}: not revoked, not expired. */
    public boolean isUsable(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    @Override
    public String toString() {
        return "ApiToken[" + id + ", issuer=" + issuerId + ", scopes=" + scopes + "]";
    }
}
