package dev.microcred.skills.pathway;

import dev.microcred.skills.graph.SkillIds;
import dev.microcred.skills.profile.Levels;
import java.util.Objects;

/**
 * A skill of the gap.
 *
 * @param skillId  skill id (normalised with {@link SkillIds#canonical})
 * @param minLevel the level to reach, 0–7; null for any. An achievement whose level is unstated satisfies only needs
 *                 without a level.
 */
public record SkillNeed(String skillId, Integer minLevel) {
    public SkillNeed {
        skillId = SkillIds.canonical(Objects.requireNonNull(skillId, "skillId"));
        Levels.check(minLevel, "needed");
    }
}
