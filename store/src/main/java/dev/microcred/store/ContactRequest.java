package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An employer's request to contact a candidate about a posting (migration V600). Immutable; {@link #toString()}
 * shows ids and the state only.
 *
 * @param pseudonym  the name the employer knows the candidate by until they accept
 * @param state      {@value #PENDING}, {@value #ACCEPTED} or {@value #DECLINED}
 * @param answeredAt when the learner answered, or null
 */
public record ContactRequest(String id, String postingId, String employerAccountId, String learnerAccountId,
                             String pseudonym, String message, String state, Instant createdAt, Instant answeredAt) {
    public static final String PENDING = "pending";
    public static final String ACCEPTED = "accepted";
    public static final String DECLINED = "declined";

    public ContactRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(postingId, "postingId");
        Objects.requireNonNull(employerAccountId, "employerAccountId");
        Objects.requireNonNull(learnerAccountId, "learnerAccountId");
        Objects.requireNonNull(pseudonym, "pseudonym");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean accepted() {
        return ACCEPTED.equals(state);
    }

    @Override
    public String toString() {
        return "ContactRequest[" + id + ", " + postingId + ", " + state + "]";
    }
}
