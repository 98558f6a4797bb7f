package dev.microcred.skills.gap;

import dev.microcred.skills.graph.Occupation;
import java.util.List;
import java.util.Objects;

/**
 * A learner's gap toward a target occupation.
 *
 * @param occupation  the target
 * @param skills      the required skills, heaviest first
 * @param closeness   importance-weighted coverage in [0, 1]: Σ weight × credit / Σ weight (0 when nothing is required)
 * @param explanation plain-language summary
 */
public record Gap(Occupation occupation, List<RequiredSkill> skills, double closeness, String explanation) {
    public Gap {
        Objects.requireNonNull(occupation, "occupation");
        skills = List.copyOf(skills);
        Objects.requireNonNull(explanation, "explanation");
    }

    /** Required skills nothing proves. */
    public List<RequiredSkill> missing() {
        return skills.stream().filter(s -> s.coverage() == Coverage.MISSING).toList();
    }

    /** Required skills only expired credentials prove. */
    public List<RequiredSkill> stale() {
        return skills.stream().filter(s -> s.coverage() == Coverage.STALE).toList();
    }

    /** Required skills proven (at any level). */
    public List<RequiredSkill> proven() {
        return skills.stream().filter(s -> s.coverage() == Coverage.PROVEN).toList();
    }

    /** Whether every required skill is proven at its level. */
    public boolean goalMet() {
        return skills.stream().allMatch(s -> s.coverage() == Coverage.PROVEN && s.levelMet());
    }
}
