package dev.microcred.skills.pathway;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.skills.profile.Credibility;
import java.util.List;
import java.util.Objects;

/**
 * An achievement offered by an issuer, as the planner sees it.
 *
 * @param id            achievement id
 * @param name          its name
 * @param issuerId      its issuer
 * @param skills        the skills it teaches
 * @param workloadHours notional workload in hours, ≥ 0; NaN when unstated
 * @param cost          price, ≥ 0; NaN when unstated
 * @param prerequisites ids of achievements to hold before this one
 * @param credibility   the issuer's accreditation/endorsement (ties between equally good plans go to credible issuers)
 */
public record CatalogueAchievement(String id, String name, String issuerId, List<TaughtSkill> skills,
                                   double workloadHours, double cost, List<String> prerequisites,
                                   Credibility credibility) {
    public CatalogueAchievement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(issuerId, "issuerId");
        skills = List.copyOf(skills);
        prerequisites = List.copyOf(prerequisites);
        Objects.requireNonNull(credibility, "credibility");
        if (id.isBlank()) throw new MicrocredException(Problem.MALFORMED_INPUT, "achievement without id");
        if (workloadHours < 0 || Double.isInfinite(workloadHours)) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "achievement " + id + ": bad workload " + workloadHours);
        }
        if (cost < 0 || Double.isInfinite(cost)) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "achievement " + id + ": bad cost " + cost);
        }
    }

    /** Whether it teaches {@code need}'s skill at the needed level. */
    boolean teaches(SkillNeed need) {
        for (TaughtSkill t : skills) {
            if (t.skillId().equals(need.skillId()) && dev.microcred.skills.profile.Levels.meets(t.level(), need.minLevel())) {
                return true;
            }
        }
        return false;
    }
}
