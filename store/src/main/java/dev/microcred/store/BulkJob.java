package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A bulk issuance started by an issuer: a validated CSV upload (the preview) and, once started, its progress. The
 * counters change in the transactions that issue the rows they count.
 *
 * @param achievementId the default achievement of rows that name none, or null
 * @param state {@code validated} (previewed, nothing issued), {@code running}, {@code done} or {@code failed}
 * @param totalRows the data rows of the file
 * @param validRows rows that passed validation (and are in {@code bulk_row})
 * @param invalidRows rows with at least one error (in {@code bulk_error})
 * @param issuedRows rows whose credential was issued by this job
 * @param skippedRows rows whose credential had been issued before (same idempotency key): not issued again
 * @param failedRows rows that could not be issued when the job ran
 * @param error why the job failed, or null
 * @param startedAt when it was first started, or null
 * @param finishedAt when it finished, or null
 */
public record BulkJob(String id, String issuerId, String achievementId, String state, int totalRows, int validRows,
                      int invalidRows, int issuedRows, int skippedRows, int failedRows, String error,
                      Instant createdAt, Instant updatedAt, Instant startedAt, Instant finishedAt) {
    public static final String VALIDATED = "validated";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public BulkJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new, validated job. */
    public static BulkJob validated(String id, String issuerId, String achievementId, int totalRows, int validRows,
                                    int invalidRows, Instant now) {
        return new BulkJob(id, issuerId, achievementId, VALIDATED, totalRows, validRows, invalidRows, 0, 0, 0, null,
                now, now, null, null);
    }

    /** Rows handled so far: issued, skipped or failed. */
    public int processedRows() {
        return issuedRows + skippedRows + failedRows;
    }

    public boolean isFinished() {
        return DONE.equals(state) || FAILED.equals(state);
    }
}
