package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A candidate an employer shortlisted for a posting (migration V600). Immutable; {@link #toString()} hides the
 * learner's account.
 *
 * @param pseudonym what the employer sees instead of the learner
 * @param score     the match score when shortlisted
 */
public record ShortlistEntry(String postingId, String learnerAccountId, String pseudonym, double score,
                             Instant createdAt) {
    public ShortlistEntry {
        Objects.requireNonNull(postingId, "postingId");
        Objects.requireNonNull(learnerAccountId, "learnerAccountId");
        Objects.requireNonNull(pseudonym, "pseudonym");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "ShortlistEntry[" + postingId + ", " + pseudonym + "]";
    }
}
