package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A password-reset link, known by the SHA-256 of its token.
 *
 * @param usedAt null until the link has been used
 */
public record PasswordReset(String tokenHash, String accountId, Instant createdAt, Instant expiresAt, Instant usedAt) {
    public PasswordReset {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the link may still be used at {@code now}. */
    public boolean isUsable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "PasswordReset[account=" + accountId + ", expires=" + expiresAt + "]";
    }
}
