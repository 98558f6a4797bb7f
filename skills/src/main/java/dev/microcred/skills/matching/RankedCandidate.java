package dev.microcred.skills.matching;

import java.util.List;
import java.util.Objects;

/**
 * One candidate of a ranking.
 *
 * @param learnerKey  the learner (the key given to the index)
 * @param score       in [0, 1]: Σ over requirements of their contribution
 * @param matches     one per requirement of the posting, in posting order
 * @param explanation plain-language summary
 */
public record RankedCandidate(long learnerKey, double score, List<RequirementMatch> matches, String explanation) {
    public RankedCandidate {
        matches = List.copyOf(matches);
        Objects.requireNonNull(explanation, "explanation");
    }
}
