package dev.microcred.skills.pathway;

/**
 * How far along the learner is.
 *
 * @param gapSkills     distinct skills asked for
 * @param coveredByHeld skills already taught by achievements the learner holds
 * @param uncoverable   skills nothing in the catalogue teaches
 * @param heldCost      cost of the held achievements that are part of the plan (as prerequisites)
 * @param remainingCost cost of the steps still to take
 */
public record Progress(int gapSkills, int coveredByHeld, int uncoverable, double heldCost, double remainingCost) {
    /** Share of the coverable gap skills already covered, in [0, 1] (1 when nothing is coverable). */
    public double skillsDone() {
        int coverable = gapSkills - uncoverable;
        return coverable == 0 ? 1 : (double) coveredByHeld / coverable;
    }
}
