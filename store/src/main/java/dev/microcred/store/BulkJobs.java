package dev.microcred.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code bulk_job} and {@code bulk_row} tables. Stateless. */
public final class BulkJobs {
    private static final String INSERT_JOB = """
            INSERT INTO bulk_job (id, issuer_id, achievement_id, state, total_rows, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String JOB = """
            SELECT id, issuer_id, achievement_id, state, total_rows, created_at, updated_at FROM bulk_job WHERE id = ?
            """;
    private static final String UPDATE_JOB = """
            UPDATE bulk_job SET state = ?, updated_at = ? WHERE id = ?
            """;
    private static final String INSERT_ROW = """
            INSERT INTO bulk_row (id, job_id, issuer_id, row_number, idempotency_key, recipient, state, credential_id,
                                  error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String ROW_COLUMNS = """
            SELECT id, job_id, issuer_id, row_number, idempotency_key, recipient, state, credential_id, error
            FROM bulk_row
            """;
    private static final String ROW_BY_KEY = ROW_COLUMNS + " WHERE issuer_id = ? AND idempotency_key = ?";
    private static final String ROWS_OF_JOB = ROW_COLUMNS + " WHERE job_id = ? ORDER BY row_number";
    private static final String PENDING_ROWS = ROW_COLUMNS + """
             WHERE job_id = ? AND state = 'pending' ORDER BY row_number LIMIT ?
            """;
    private static final String FINISH_ROW = """
            UPDATE bulk_row SET state = ?, credential_id = ?, error = ? WHERE id = ? AND state = 'pending'
            """;

    public void insertJob(Connection c, BulkJob j) throws SQLException {
        Jdbc.update(c, INSERT_JOB, j.id(), j.issuerId(), j.achievementId(), j.state(), j.totalRows(), j.createdAt(),
                j.updatedAt());
    }

    public Optional<BulkJob> job(Connection c, String id) throws SQLException {
        return Jdbc.one(c, JOB, rs -> new BulkJob(rs.getString("id"), rs.getString("issuer_id"),
                rs.getString("achievement_id"), rs.getString("state"), rs.getInt("total_rows"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at")), id);
    }

    public void updateJob(Connection c, String id, String state, Instant now) throws SQLException {
        Jdbc.update(c, UPDATE_JOB, state, now, id);
    }

    /**
     * Adds a row unless the issuer already has one with its idempotency key.
     *
     * @return the row stored now, or the row stored before under the same key
     */
    public BulkRow insertRow(Connection c, BulkRow r) throws SQLException {
        Optional<BulkRow> existing = rowByKey(c, r.issuerId(), r.idempotencyKey());
        if (existing.isPresent()) {
            return existing.get();
        }
        Jdbc.update(c, INSERT_ROW, r.id(), r.jobId(), r.issuerId(), r.rowNumber(), r.idempotencyKey(), r.recipient(),
                r.state(), r.credentialId(), r.error());
        return r;
    }

    public Optional<BulkRow> rowByKey(Connection c, String issuerId, String idempotencyKey) throws SQLException {
        return Jdbc.one(c, ROW_BY_KEY, BulkJobs::mapRow, issuerId, idempotencyKey);
    }

    public List<BulkRow> rows(Connection c, String jobId) throws SQLException {
        return Jdbc.list(c, ROWS_OF_JOB, BulkJobs::mapRow, jobId);
    }

    public List<BulkRow> pendingRows(Connection c, String jobId, int limit) throws SQLException {
        return Jdbc.list(c, PENDING_ROWS, BulkJobs::mapRow, jobId, limit);
    }

    /** Records a pending row's outcome; false when it was no longer pending (issued by another worker). */
    public boolean finishRow(Connection c, String rowId, String state, String credentialId, String error)
            throws SQLException {
        return Jdbc.update(c, FINISH_ROW, state, credentialId, error, rowId) == 1;
    }

    private static BulkRow mapRow(ResultSet rs) throws SQLException {
        return new BulkRow(rs.getString("id"), rs.getString("job_id"), rs.getString("issuer_id"),
                rs.getInt("row_number"), rs.getString("idempotency_key"), rs.getString("recipient"),
                rs.getString("state"), rs.getString("credential_id"), rs.getString("error"));
    }
}
