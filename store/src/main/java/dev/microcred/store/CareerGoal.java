package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A learner's career goal (migration V600). Immutable.
 *
 * @param occupationId the target: an ESCO occupation URI or a graph id such as {@code onet:occupation/15-1251.00}
 * @param objective    what the planner minimises: {@code workload} or {@code cost}
 */
public record CareerGoal(String accountId, String occupationId, String objective, Instant updatedAt) {
    public CareerGoal {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(occupationId, "occupationId");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
