package dev.microcred.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stackable pathway: holding {@code minParts} of the achievements {@code parts} earns the issuer's achievement
 * {@code milestoneId}.
 *
 * @param parts achievement ids (of any issuer of this platform), distinct
 */
public record StoredPathway(String id, String issuerId, String name, String milestoneId, List<String> parts,
                            int minParts, Instant createdAt) {
    public StoredPathway {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(milestoneId, "milestoneId");
        parts = List.copyOf(parts);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
