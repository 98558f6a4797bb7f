package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An account's membership of an issuer.
 *
 * @param role {@link #ADMIN} or {@link #STAFF}
 */
public record Membership(String issuerId, String accountId, String role, Instant createdAt) {
    /** Manages the issuer's profile and staff, and does everything staff do. */
    public static final String ADMIN = "admin";
    /** Defines achievements, issues credentials and changes their status. */
    public static final String STAFF = "staff";

    public Membership {
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(accountId, "accountId");
        if (!ADMIN.equals(role) && !STAFF.equals(role)) {
            throw new IllegalArgumentException("role must be admin or staff: " + role);
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
