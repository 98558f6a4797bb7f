package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One valid row of a bulk issuance. {@link #toString()} leaves out the recipient (personal data).
 *
 * @param rowNumber the data row in the file, from 1 (the header is row 0)
 * @param lineNumber the line of the file where the row starts, from 1
 * @param idempotencyKey {@code k:} + the file's key, or {@code h:} + a hash of achievement, recipient and validity
 * @param achievementId the achievement to award
 * @param recipientKind {@code email} or {@code did}
 * @param recipient the email address or DID
 * @param validFrom null for "when issued"
 * @param validUntil null for the achievement's validity period (or none)
 * @param state {@code pending}, {@code issued}, {@code skipped} (issued before under the same key) or {@code failed}
 * @param credentialId the credential issued for it (or before it, when skipped), or null
 * @param error why it failed, or null
 */
public record BulkRow(String id, String jobId, String issuerId, int rowNumber, int lineNumber, String idempotencyKey,
                      String achievementId, String recipientKind, String recipient, Instant validFrom,
                      Instant validUntil, String state, String credentialId, String error) {
    public static final String PENDING = "pending";
    public static final String ISSUED = "issued";
    public static final String SKIPPED = "skipped";
    public static final String FAILED = "failed";

    public BulkRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(recipientKind, "recipientKind");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(state, "state");
    }

    @Override
    public String toString() {
        return "BulkRow[" + id + ", job=" + jobId + ", row=" + rowNumber + ", " + state + "]";
    }
}
