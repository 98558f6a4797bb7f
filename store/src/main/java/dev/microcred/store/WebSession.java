package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in browser session, known by the SHA-256 of its cookie value.
 *
 * @param csrfToken the token every form of this session must carry
 */
public record WebSession(String tokenHash, String accountId, String csrfToken, Instant createdAt, Instant expiresAt) {
    public WebSession {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "WebSession[account=" + accountId + ", expires=" + expiresAt + "]";
    }
}
