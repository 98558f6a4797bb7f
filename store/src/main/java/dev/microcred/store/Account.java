package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A person who signs in. {@link #toString()} shows the id only: the rest is personal data or a password hash.
 *
 * @param email lower-case
 * @param passwordHash a PHC-format Argon2id string
 * @param roles such as {@code learner}, {@code issuer-admin}, {@code platform-admin}
 */
public record Account(String id, String email, String displayName, String passwordHash, Set<String> roles,
                      Instant createdAt) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(passwordHash, "passwordHash");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "Account[" + id + "]";
    }
}
