package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A mail to send. {@link #toString()} leaves out the recipient, subject and body (personal data, claim links).
 *
 * @param kind such as {@code credential-issued}, {@code password-reset}
 * @param relatedId the id of what it is about (a credential, an account), or null
 * @param sentAt null until sent
 */
public record OutboxMail(String id, String recipient, String subject, String body, String kind, String relatedId,
                         Instant createdAt, Instant sentAt) {
    public OutboxMail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "OutboxMail[" + id + ", " + kind + ", related=" + relatedId + "]";
    }
}
