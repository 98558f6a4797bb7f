package dev.microcred.skills.pathway;

import dev.microcred.skills.graph.SkillIds;
import dev.microcred.skills.profile.Levels;
import java.util.Objects;

/**
 * A skill an achievement teaches.
 *
 * @param skillId skill id (normalised with {@link SkillIds#canonical})
 * @param level   level reached, 0–7; null when unstated
 */
public record TaughtSkill(String skillId, Integer level) {
    public TaughtSkill {
        skillId = SkillIds.canonical(Objects.requireNonNull(skillId, "skillId"));
        Levels.check(level, "taught skill");
    }
}
