package dev.microcred.skills.pathway;

import java.util.List;
import java.util.Objects;

/**
 * A learning pathway.
 *
 * @param steps           in a valid order (prerequisites first); held prerequisites appear as done steps
 * @param uncoverable     gap skills nothing in the catalogue teaches at the needed level (with a stated cost)
 * @param measure         what was minimised
 * @param totalCost       cost of the steps still to take
 * @param lowerBound      a lower bound on the optimal cost ({@code totalCost} itself when proven optimal)
 * @param optimal         whether {@code totalCost} is proven optimal (exact search completed)
 * @param maxAboveOptimal proven bound on the excess over the optimum, as a fraction (0.12 = at most 12% above);
 *                        0 when optimal, +∞ when the lower bound is 0 and the plan is not
 * @param method          how it was computed ("exact branch and bound", "greedy with lower bound")
 * @param progress        progress given the held achievements
 * @param explanation     plain-language summary
 */
public record Plan(List<PlanStep> steps, List<String> uncoverable, CostMeasure measure, double totalCost,
                   double lowerBound, boolean optimal, double maxAboveOptimal, String method, Progress progress,
                   String explanation) {
    public Plan {
        steps = List.copyOf(steps);
        uncoverable = List.copyOf(uncoverable);
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** Steps still to take. */
    public List<PlanStep> todo() {
        return steps.stream().filter(s -> !s.held()).toList();
    }
}
