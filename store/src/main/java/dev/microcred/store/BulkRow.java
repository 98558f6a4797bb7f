package dev.microcred.store;

import java.util.Objects;

/**
 * One row of a bulk issuance. The idempotency key is unique per issuer: the same row submitted twice is one row.
 *
 * @param state {@code pending}, {@code issued} or {@code failed}
 * @param credentialId the credential issued for it, or null
 * @param error why it failed, or null
 */
public record BulkRow(String id, String jobId, String issuerId, int rowNumber, String idempotencyKey,
                      String recipient, String state, String credentialId, String error) {
    public BulkRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(state, "state");
    }

    @Override
    public String toString() {
        return "BulkRow[" + id + ", job=" + jobId + ", row=" + rowNumber + ", " + state + "]";
    }
}
