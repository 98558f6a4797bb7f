package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A bulk issuance started by an issuer.
 *
 * @param state {@code validated}, {@code running}, {@code done} or {@code failed}
 */
public record BulkJob(String id, String issuerId, String achievementId, String state, int totalRows,
                      Instant createdAt, Instant updatedAt) {
    public BulkJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
