package dev.microcred.store;

import java.util.Objects;

/**
 * A pending bulk row with the credential its idempotency key already yielded, if any.
 *
 * @param issuedCredentialId the credential stored under the row's key (by another job or request), or null
 */
public record PendingRow(BulkRow row, String issuedCredentialId) {
    public PendingRow {
        Objects.requireNonNull(row, "row");
    }
}
