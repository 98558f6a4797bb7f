package dev.microcred.skills.pathway;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to plan for.
 *
 * @param gap     the skills to acquire (typically the missing and stale skills of a {@code Gap})
 * @param held    ids of catalogue achievements the learner already holds (verified); unknown ids are ignored
 * @param measure what to minimise
 */
public record PathwayRequest(List<SkillNeed> gap, Set<String> held, CostMeasure measure) {
    public PathwayRequest {
        gap = List.copyOf(gap);
        held = Set.copyOf(held);
        Objects.requireNonNull(measure, "measure");
    }
}
