package dev.microcred.skills.pathway;

import java.util.List;
import java.util.Objects;

/**
 * One achievement of a plan.
 *
 * @param order          1-based position; prerequisites always come first
 * @param achievementId  the achievement
 * @param name           its name
 * @param issuerId       its issuer
 * @param cost           its workload or cost (the plan's measure); 0 counted for held ones
 * @param held           already earned (shown for progress, costs nothing)
 * @param covers         gap skills it teaches (at the needed level)
 * @param prerequisiteOf ids of later steps that need it
 * @param reason         plain-language reason for the step
 * @param alternatives   other achievements covering the same gap skills, best first (at most 3)
 */
public record PlanStep(int order, String achievementId, String name, String issuerId, double cost, boolean held,
                       List<String> covers, List<String> prerequisiteOf, String reason, List<Alternative> alternatives) {
    public PlanStep {
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(issuerId, "issuerId");
        covers = List.copyOf(covers);
        prerequisiteOf = List.copyOf(prerequisiteOf);
        Objects.requireNonNull(reason, "reason");
        alternatives = List.copyOf(alternatives);
    }
}
