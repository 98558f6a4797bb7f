package dev.microcred.skills.profile;

import java.time.Instant;
import java.util.Objects;

/**
 * One credential proving one skill.
 *
 * @param credentialId  the credential
 * @param achievementId its achievement
 * @param status        {@link VerificationStatus#VALID} or {@link VerificationStatus#EXPIRED}
 * @param issuerId      its issuer
 * @param credibility   the issuer's credibility
 * @param level         the level it certifies for this skill, null when unstated
 * @param issuedAt      when it was issued
 * @param validUntil    when it expires(d); null when it does not
 */
public record Evidence(String credentialId, String achievementId, VerificationStatus status, String issuerId,
                       Credibility credibility, Integer level, Instant issuedAt, Instant validUntil) {
    public Evidence {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(credibility, "credibility");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
