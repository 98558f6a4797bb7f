package dev.microcred.skills.graph;

import java.util.Objects;

/**
 * One link from an occupation to a skill, as the framework states it.
 *
 * @param skillId    the skill's id
 * @param relevance  ESCO essential/optional, O*NET rated or technology
 * @param importance O*NET importance (IM, 1–5) for {@link Relevance#RATED}; NaN otherwise
 * @param level      O*NET level (LV, 0–7) for {@link Relevance#RATED}; NaN otherwise
 * @param flags      O*NET flags: for ratings {@code notRelevant} / {@code suppressed}; for technology {@code hot} /
 *                   {@code inDemand}; all false for ESCO
 */
public record Requirement(String skillId, Relevance relevance, double importance, double level, Flags flags) {
    public Requirement {
        Objects.requireNonNull(skillId, "skillId");
        Objects.requireNonNull(relevance, "relevance");
        Objects.requireNonNull(flags, "flags");
        if (relevance == Relevance.RATED) {
            if (!(importance >= 1 && importance <= 5)) throw new IllegalArgumentException("importance " + importance);
            if (!(level >= 0 && level <= 7)) throw new IllegalArgumentException("level " + level);
        }
    }

    /**
     * O*NET qualifiers of a requirement.
     *
     * @param notRelevant O*NET rated the level "not relevant" (LV)
     * @param suppressed  O*NET recommends suppressing the estimate (low precision)
     * @param hot         a hot technology (frequently in job postings)
     * @param inDemand    in demand for this occupation
     */
    public record Flags(boolean notRelevant, boolean suppressed, boolean hot, boolean inDemand) {
        /** No flag set. */
        public static final Flags NONE = new Flags(false, false, false, false);
    }
}
