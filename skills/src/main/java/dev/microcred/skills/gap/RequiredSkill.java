package dev.microcred.skills.gap;

import dev.microcred.skills.graph.Relevance;
import java.util.List;
import java.util.Objects;

/**
 * One skill a target occupation requires, and how the learner stands on it.
 *
 * @param skillId       the required skill
 * @param label         its label
 * @param relevance     ESCO essential/optional, O*NET rated or technology
 * @param importance    O*NET importance 1–5; NaN for ESCO and technology
 * @param requiredLevel O*NET level rounded to 0–7; null when the framework states none
 * @param weight        the weight in the closeness score, in (0, 1] (see {@link GapAnalyzer})
 * @param coverage      proven, stale or missing
 * @param provenLevel   the level the learner's evidence states, null when unknown or missing
 * @param levelMet      whether the proven level meets the required one (true when no level is required or the
 *                      evidence states none); false when missing
 * @param credit        the share of the weight earned, in [0, 1]
 * @param matchedSkillId the learner's skill that matched: {@code skillId} itself, or an equivalent of the other
 *                      framework; null when missing
 * @param approximate   true when the match goes through an approximate cross-framework correspondence
 * @param evidence      ids of the credentials behind the match
 */
public record RequiredSkill(String skillId, String label, Relevance relevance, double importance, Integer requiredLevel,
                            double weight, Coverage coverage, Integer provenLevel, boolean levelMet, double credit,
                            String matchedSkillId, boolean approximate, List<String> evidence) {
    public RequiredSkill {
        Objects.requireNonNull(skillId, "skillId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(relevance, "relevance");
        Objects.requireNonNull(coverage, "coverage");
        evidence = List.copyOf(evidence);
        if (!(weight > 0 && weight <= 1)) throw new IllegalArgumentException("weight " + weight);
        if (!(credit >= 0 && credit <= 1)) throw new IllegalArgumentException("credit " + credit);
    }
}
