package dev.microcred.skills.portfolio;

import dev.microcred.skills.profile.Credibility;
import java.util.Objects;

/**
 * An issuer in the learner's portfolio.
 *
 * @param issuerId    the issuer
 * @param credibility its best credibility among the learner's credentials
 * @param credentials how many valid credentials it issued to the learner
 */
public record Provider(String issuerId, Credibility credibility, int credentials) {
    public Provider {
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(credibility, "credibility");
    }
}
