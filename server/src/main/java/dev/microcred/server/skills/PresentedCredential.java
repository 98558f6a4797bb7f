package dev.microcred.server.skills;

import dev.microcred.skills.profile.VerifiedCredential;
import java.util.Objects;

/**
 * One credential a learner presented, as the platform's verifier judged it.
 *
 * @param index    its position in the request, from 0
 * @param outcome  the verifier's outcome label ({@code valid}, {@code expired}, {@code revoked}, ...)
 * @param detail   the first failed check's plain-language detail, or a summary when none failed
 * @param verified what the skills module sees of it
 */
public record PresentedCredential(int index, String outcome, String detail, VerifiedCredential verified) {
    public PresentedCredential {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(verified, "verified");
    }
}
