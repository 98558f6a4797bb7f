package dev.microcred.skills.stacking;

import java.util.List;
import java.util.Objects;

/**
 * Where a learner stands on one pathway.
 *
 * @param pathwayId   the pathway
 * @param milestone   its milestone achievement
 * @param earned      whether the milestone is now earned (held components reach the minimum)
 * @param alreadyHeld whether the learner already holds the milestone itself
 * @param held        components held (verified, or milestones earned through other pathways)
 * @param missing     components not held
 */
public record MilestoneStatus(String pathwayId, String milestone, boolean earned, boolean alreadyHeld,
                              List<String> held, List<String> missing) {
    public MilestoneStatus {
        Objects.requireNonNull(pathwayId, "pathwayId");
        Objects.requireNonNull(milestone, "milestone");
        held = List.copyOf(held);
        missing = List.copyOf(missing);
    }
}
