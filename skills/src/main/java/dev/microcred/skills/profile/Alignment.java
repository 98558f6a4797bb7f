package dev.microcred.skills.profile;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.skills.graph.SkillIds;
import java.util.Objects;

/**
 * An achievement's OB 3.0 {@code Alignment} to a framework item, reduced to what skills need.
 *
 * @param targetUrl       {@code Alignment.targetUrl} (ESCO URI, O*NET OnLine link, CASE item URL, ...)
 * @param targetFramework {@code Alignment.targetFramework}, empty when absent
 * @param level           level on the O*NET 0–7 scale the achievement certifies for this skill; null when unstated
 */
public record Alignment(String targetUrl, String targetFramework, Integer level) {
    public Alignment {
        Objects.requireNonNull(targetUrl, "targetUrl");
        Objects.requireNonNull(targetFramework, "targetFramework");
        if (targetUrl.isBlank()) throw new MicrocredException(Problem.MALFORMED_INPUT, "alignment without targetUrl");
        Levels.check(level, "alignment");
    }

    /** The skill id this alignment names ({@link SkillIds#canonical}). */
    public String skillId() {
        return SkillIds.canonical(targetUrl);
    }
}
