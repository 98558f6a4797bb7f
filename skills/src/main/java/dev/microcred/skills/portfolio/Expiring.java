package dev.microcred.skills.portfolio;

import java.time.Instant;
import java.util.Objects;

/**
 * A valid credential that expires soon.
 *
 * @param credentialId  the credential
 * @param achievementId its achievement
 * @param validUntil    when it expires
 * @param daysLeft      whole days left (0 = today)
 * @param renewal       how to renew it: the same achievement or another catalogue achievement teaching its skills,
 *                      or "ask the issuer" when the catalogue has neither
 */
public record Expiring(String credentialId, String achievementId, Instant validUntil, long daysLeft, String renewal) {
    public Expiring {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(renewal, "renewal");
    }
}
