package dev.microcred.skills.profile;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A learner's credential as the verifier judged it: the input of {@link SkillsProfile#of}.
 *
 * @param credentialId    the credential's id
 * @param status          the verifier's verdict
 * @param issuedAt        {@code validFrom} (or issuance date)
 * @param validUntil      {@code validUntil}; null when the credential does not expire
 * @param issuerId        the issuer's id (DID or URL)
 * @param credibility     accreditation and endorsement of the issuer/achievement
 * @param achievementId   the achievement's id
 * @param achievementName the achievement's name
 * @param alignments      the achievement's alignments (skills it certifies)
 * @param level           the level reached per the credential's results, 0–7, used for alignments that state none;
 *                        null when unstated
 */
public record VerifiedCredential(String credentialId, VerificationStatus status, Instant issuedAt, Instant validUntil,
                                 String issuerId, Credibility credibility, String achievementId,
                                 String achievementName, List<Alignment> alignments, Integer level) {
    public VerifiedCredential {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(credibility, "credibility");
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(achievementName, "achievementName");
        alignments = List.copyOf(alignments);
        if (credentialId.isBlank()) throw new MicrocredException(Problem.MALFORMED_INPUT, "credential without id");
        if (validUntil != null && validUntil.isBefore(issuedAt)) {
            throw new MicrocredException(Problem.MALFORMED_INPUT,
                "credential " + credentialId + ": validUntil before issuedAt");
        }
        Levels.check(level, "credential");
    }

    /** Whether this credential counts at all: only {@link VerificationStatus#VALID} and {@link VerificationStatus#EXPIRED}. */
    public boolean counts() {
        return status == VerificationStatus.VALID || status == VerificationStatus.EXPIRED;
    }
}
