package dev.microcred.server.accounts;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.store.Account;
import dev.microcred.store.Issuer;
import dev.microcred.store.Membership;
import java.util.List;
import java.util.Optional;

/**
 * Who is making a web request: a signed-in account with its memberships, or an anonymous visitor. Either way it
 * carries the CSRF token its forms must send back. Immutable; {@link #toString()} shows ids only.
 *
 * @param account the signed-in account, or null
 * @param sessionHash the SHA-256 of the session cookie, or null when anonymous
 * @param csrfToken the synchronizer token of the session (or of the anonymous pre-session cookie)
 */
public record Visitor(Account account, String sessionHash, List<Membership> memberships, String csrfToken) {
    public Visitor {
        memberships = List.copyOf(memberships);
    }

    static Visitor anonymous(String csrfToken) {
        return new Visitor(null, null, List.of(), csrfToken);
    }

    public boolean signedIn() {
        return account != null;
    }

    public boolean isPlatformAdmin() {
        return account != null && account.roles().contains(Roles.PLATFORM_ADMIN);
    }

    public Optional<Membership> membership(String issuerId) {
        return memberships.stream().filter(m -> m.issuerId().equals(issuerId)).findFirst();
    }

    /** The signed-in account. @throws MicrocredException {@code UNAUTHENTICATED} when anonymous */
    public Account require() {
        if (account == null) {
            throw new MicrocredException(Problem.UNAUTHENTICATED, "sign in first");
        }
        return account;
    }

    /**
     * Refuses anyone who may not work for {@code issuer}: its staff and admins may, and so may the platform admin.
     *
     * @throws MicrocredException {@code UNAUTHENTICATED} when anonymous, {@code FORBIDDEN} otherwise
     */
    public void requireStaffOf(Issuer issuer) {
        require();
        if (!isPlatformAdmin() && membership(issuer.id()).isEmpty()) {
            throw new MicrocredException(Problem.FORBIDDEN, "you are not a member of this issuer");
        }
    }

    /**
     * Refuses anyone but the admins of {@code issuer} and the platform admin (staff may issue, not change keys).
     *
     * @throws MicrocredException {@code UNAUTHENTICATED} when anonymous, {@code FORBIDDEN} otherwise
     */
    public void requireAdminOf(Issuer issuer) {
        requireStaffOf(issuer);
        if (!isPlatformAdmin() && !membership(issuer.id()).map(m -> Membership.ADMIN.equals(m.role())).orElse(false)) {
            throw new MicrocredException(Problem.FORBIDDEN, "only the admins of this issuer may do this");
        }
    }

    /** Refuses anyone but the platform admin. */
    public void requirePlatformAdmin() {
        require();
        if (!isPlatformAdmin()) {
            throw new MicrocredException(Problem.FORBIDDEN, "only the platform admin may do this");
        }
    }

    @Override
    public String toString() {
        return "Visitor[" + (account == null ? "anonymous" : account.id()) + "]";
    }
}
