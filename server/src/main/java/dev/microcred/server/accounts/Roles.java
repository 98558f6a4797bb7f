package dev.microcred.server.accounts;

import java.util.Set;

/**
 * The platform-wide roles an account carries ({@code account.roles}). Issuer roles (admin, staff) are memberships of
 * one issuer ({@link dev.microcred.store.Membership}), never platform-wide.
 */
public final class Roles {
    /** Runs the platform: creates issuers, assigns issuer members, reads the mail outbox. */
    public static final String PLATFORM_ADMIN = "platform-admin";
    /** Receives, keeps and shares credentials (the default at sign-up). */
    public static final String LEARNER = "learner";
    /** An employer or other verifier. */
    public static final String VERIFIER = "verifier";
    /** Marks an account made to run an issuer; what it may do comes from its memberships. */
    public static final String ISSUER_ADMIN = "issuer-admin";
    /** What people may choose when they sign up. */
    public static final Set<String> SELF_SERVICE = Set.of(LEARNER, VERIFIER);

    private Roles() {
    }
}
