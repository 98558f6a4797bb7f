package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An achievement an issuer awards.
 *
 * @param document the OB 3.0 {@code Achievement} JSON
 * @param validityDays how long credentials for it are valid, or null for no expiry
 * @param archivedAt null while it can be issued
 */
public record StoredAchievement(String id, String issuerId, String name, String document, Integer validityDays,
                                Instant createdAt, Instant archivedAt) {
    public StoredAchievement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
