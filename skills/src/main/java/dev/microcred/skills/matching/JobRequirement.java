package dev.microcred.skills.matching;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.skills.graph.SkillIds;
import dev.microcred.skills.profile.Levels;
import java.util.Objects;

/**
 * One skill a job posting asks for.
 *
 * @param skillId    skill id (normalised with {@link SkillIds#canonical})
 * @param importance relative importance, &gt; 0 (e.g. O*NET IM 1–5)
 * @param minLevel   minimum level 0–7; null for any
 */
public record JobRequirement(String skillId, double importance, Integer minLevel) {
    public JobRequirement {
        skillId = SkillIds.canonical(Objects.requireNonNull(skillId, "skillId"));
        if (!(importance > 0) || Double.isInfinite(importance)) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "importance must be positive, was " + importance);
        }
        Levels.check(minLevel, "minimum");
    }
}
