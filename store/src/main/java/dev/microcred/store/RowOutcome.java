package dev.microcred.store;

import java.util.Objects;

/**
 * How a pending bulk row ended.
 *
 * @param state {@link BulkRow#SKIPPED} or {@link BulkRow#FAILED} (issued rows are recorded by the job's cursor,
 *     {@link BulkJobs#finishBatch})
 * @param credentialId the credential, or null when failed
 * @param error why it failed, or null
 */
public record RowOutcome(String rowId, String state, String credentialId, String error) {
    public RowOutcome {
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(state, "state");
    }
}
