package dev.microcred.skills.stacking;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.util.List;
import java.util.Objects;

/**
 * An issuer-defined pathway: holding {@code minimum} of {@code components} earns {@code milestone}.
 *
 * @param id         pathway id
 * @param milestone  the achievement earned at the end (may itself be a component of another pathway)
 * @param components achievement ids that stack into the milestone, distinct
 * @param minimum    how many of them are needed, 1..components.size() (all, usually)
 */
public record StackablePathway(String id, String milestone, List<String> components, int minimum) {
    public StackablePathway {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(milestone, "milestone");
        components = List.copyOf(components);
        if (components.isEmpty() || components.stream().distinct().count() != components.size()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "pathway " + id + ": components must be distinct and non-empty");
        }
        if (minimum < 1 || minimum > components.size()) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                "pathway " + id + ": minimum must be 1.." + components.size() + ", was " + minimum);
        }
    }

    /** A pathway needing every component. */
    public static StackablePathway allOf(String id, String milestone, List<String> components) {
        return new StackablePathway(id, milestone, components, components.size());
    }
}
