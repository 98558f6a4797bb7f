package dev.microcred.skills.graph;

import java.util.Objects;

/**
 * An O*NET related occupation.
 *
 * @param occupationId the related occupation's id
 * @param tier         {@code Primary-Short}, {@code Primary-Long} or {@code Supplemental}
 * @param rank         1 = most related
 */
public record RelatedOccupation(String occupationId, String tier, int rank) {
    public RelatedOccupation {
        Objects.requireNonNull(occupationId, "occupationId");
        Objects.requireNonNull(tier, "tier");
    }
}
