package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An employer's job posting (migration V600). Immutable.
 *
 * @param occupationId the occupation whose required skills were the template
 * @param requirements a JSON array of {@code {"skill", "importance", "minLevel"}}
 */
public record StoredPosting(String id, String employerAccountId, String title, String occupationId,
                            String requirements, Instant createdAt, Instant updatedAt) {
    public StoredPosting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(employerAccountId, "employerAccountId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(occupationId, "occupationId");
        Objects.requireNonNull(requirements, "requirements");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
