package dev.microcred.skills.pathway;

import java.util.List;
import java.util.Objects;

/**
 * Another achievement that could replace (part of) a plan step.
 *
 * @param achievementId the alternative
 * @param name          its name
 * @param cost          its cost including prerequisites not held
 * @param covers        which of the step's gap skills it covers
 */
public record Alternative(String achievementId, String name, double cost, List<String> covers) {
    public Alternative {
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(name, "name");
        covers = List.copyOf(covers);
    }
}
