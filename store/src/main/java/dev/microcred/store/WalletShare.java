package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * How a learner shares a credential of their wallet. Immutable.
 *
 * @param credentialId the credential
 * @param accountId the learner whose wallet holds it
 * @param visibility {@link #PRIVATE} or {@link #PUBLIC}
 * @param shareToken the random part of the share link while public, else null
 */
public record WalletShare(String credentialId, String accountId, String visibility, String shareToken,
                          Instant updatedAt) {
    public static final String PRIVATE = "private";
    public static final String PUBLIC = "public";

    public WalletShare {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (!PRIVATE.equals(visibility) && !PUBLIC.equals(visibility)) {
            throw new IllegalArgumentException("visibility must be private or public: " + visibility);
        }
        if (PUBLIC.equals(visibility) != (shareToken != null)) {
            throw new IllegalArgumentException("a share token goes with public visibility, and only with it");
        }
    }

    public boolean isPublic() {
        return PUBLIC.equals(visibility);
    }

    @Override
    public String toString() {
        return "WalletShare[" + credentialId + ", " + visibility + "]";
    }
}
