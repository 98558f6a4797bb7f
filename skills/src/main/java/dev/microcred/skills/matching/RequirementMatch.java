package dev.microcred.skills.matching;

import dev.microcred.skills.profile.Credibility;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How a candidate meets one requirement: the best credential for it, or none.
 *
 * @param skillId       the required skill
 * @param importance    its importance in the posting
 * @param matched       whether any credential proves it
 * @param credentialKey the credential behind the best proof (the key given to the index); 0 when unmatched
 * @param level         level of that proof, null when unstated or unmatched
 * @param levelMet      whether it meets the minimum level (false when unmatched)
 * @param provenOn      issuance date of that proof, null when unmatched
 * @param credibility   its issuer's credibility, {@link Credibility#NONE} when unmatched
 * @param recency       recency factor in (0, 1]: 0.5 every {@value CandidateIndex#HALF_LIFE_DAYS} days of age
 * @param contribution  this requirement's share of the score: normalised importance × level × credibility × recency
 */
public record RequirementMatch(String skillId, double importance, boolean matched, long credentialKey, Integer level,
                               boolean levelMet, LocalDate provenOn, Credibility credibility, double recency,
                               double contribution) {
    public RequirementMatch {
        Objects.requireNonNull(skillId, "skillId");
        Objects.requireNonNull(credibility, "credibility");
    }
}
