package dev.microcred.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code bulk_job}, {@code bulk_row} and {@code bulk_error} tables. Stateless. */
public final class BulkJobs {
    private static final String INSERT_JOB = """
            INSERT INTO bulk_job (id, issuer_id, achievement_id, state, total_rows, valid_rows, invalid_rows,
                                  issued_rows, skipped_rows, failed_rows, error, created_at, updated_at, started_at,
                                  finished_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String JOB_COLUMNS = """
            SELECT id, issuer_id, achievement_id, state, total_rows, valid_rows, invalid_rows, issued_rows,
                   skipped_rows, failed_rows, error, created_at, updated_at, started_at, finished_at
            FROM bulk_job
            """;
    private static final String JOB = JOB_COLUMNS + " WHERE id = ?";
    private static final String JOBS_OF_ISSUER = JOB_COLUMNS + """
             WHERE issuer_id = ? ORDER BY created_at DESC, id LIMIT ?
            """;
    private static final String JOBS_IN_STATE = JOB_COLUMNS + " WHERE state = ? ORDER BY created_at, id";
    private static final String START_JOB = """
            UPDATE bulk_job SET state = 'running', error = NULL, updated_at = ?, started_at = COALESCE(started_at, ?)
            WHERE id = ? AND state IN ('validated', 'running', 'failed')
            """;
    private static final String ADD_PROGRESS = """
            UPDATE bulk_job SET issued_rows = issued_rows + ?, skipped_rows = skipped_rows + ?,
                                failed_rows = failed_rows + ?, updated_at = ?
            WHERE id = ?
            """;
    private static final String FINISH_JOB = """
            UPDATE bulk_job SET state = ?, error = ?, updated_at = ?, finished_at = ? WHERE id = ? AND state = 'running'
            """;
    private static final String INSERT_ROW = """
            INSERT INTO bulk_row (id, job_id, issuer_id, row_number, line_number, idempotency_key, achievement_id,
                                  recipient_kind, recipient, valid_from, valid_until, state, credential_id, error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    /**
     * A row with its state as recorded: a row still marked {@code pending} at or below the job's cursor (the first
     * two parameters) was issued by the job, with the credential stored under its key; other rows carry their state
     * and credential themselves. Ordered by {@code job_id, row_number}, which H2 reads in index order and stops at
     * the limit (by {@code row_number} alone it reads every row of the job and sorts them).
     */
    private static final String ROW_COLUMNS = """
            SELECT r.id, r.job_id, r.issuer_id, r.row_number, r.line_number, r.idempotency_key, r.achievement_id,
                   r.recipient_kind, r.recipient, r.valid_from, r.valid_until, r.error,
                   CASE WHEN r.state = 'pending' AND r.row_number <= ? THEN 'issued' ELSE r.state END AS state,
                   CASE WHEN r.state = 'pending' AND r.row_number <= ? THEN k.credential_id
                        ELSE r.credential_id END AS credential_id
            FROM bulk_row r
            LEFT JOIN credential_key k ON k.issuer_id = r.issuer_id AND k.idempotency_key = r.idempotency_key
            WHERE r.job_id = ?
            """;
    private static final String ROWS_OF_JOB = ROW_COLUMNS + " ORDER BY r.job_id, r.row_number";
    private static final String ROWS_IN_STATE = ROW_COLUMNS + """
             AND CASE WHEN r.state = 'pending' AND r.row_number <= ? THEN 'issued' ELSE r.state END = ?
            ORDER BY r.job_id, r.row_number LIMIT ?
            """;
    private static final String CURSOR = """
            SELECT issued_through_row FROM bulk_job WHERE id = ?
            """;
    private static final String PENDING_ROWS = """
            SELECT r.id, r.job_id, r.issuer_id, r.row_number, r.line_number, r.idempotency_key, r.achievement_id,
                   r.recipient_kind, r.recipient, r.valid_from, r.valid_until, r.state, r.credential_id, r.error,
                   k.credential_id AS issued_credential_id
            FROM bulk_row r
            LEFT JOIN credential_key k ON k.issuer_id = r.issuer_id AND k.idempotency_key = r.idempotency_key
            WHERE r.job_id = ? AND r.state = 'pending' AND r.row_number > ?
            ORDER BY r.job_id, r.row_number
            LIMIT ?
            """;
    private static final String MOVE_CURSOR = """
            UPDATE bulk_job SET issued_through_row = ? WHERE id = ? AND issued_through_row < ?
            """;
    private static final String FINISH_ROW = """
            UPDATE bulk_row SET state = ?, credential_id = ?, error = ? WHERE id = ? AND state = 'pending'
            """;
    private static final String INSERT_ERROR = """
            INSERT INTO bulk_error (job_id, row_number, line_number, column_name, message) VALUES (?, ?, ?, ?, ?)
            """;
    private static final String ERRORS = """
            SELECT row_number, line_number, column_name, message FROM bulk_error
            WHERE job_id = ? ORDER BY row_number, line_number LIMIT ?
            """;

    public void insertJob(Connection c, BulkJob j) throws SQLException {
        Jdbc.update(c, INSERT_JOB, j.id(), j.issuerId(), j.achievementId(), j.state(), j.totalRows(), j.validRows(),
                j.invalidRows(), j.issuedRows(), j.skippedRows(), j.failedRows(), j.error(), j.createdAt(),
                j.updatedAt(), j.startedAt(), j.finishedAt());
    }

    public Optional<BulkJob> job(Connection c, String id) throws SQLException {
        return Jdbc.one(c, JOB, BulkJobs::mapJob, id);
    }

    /** The issuer's newest jobs first. */
    public List<BulkJob> jobsOf(Connection c, String issuerId, int limit) throws SQLException {
        return Jdbc.list(c, JOBS_OF_ISSUER, BulkJobs::mapJob, issuerId, limit);
    }

    /** Every job in {@code state}, oldest first (on start: the {@code running} jobs to resume). */
    public List<BulkJob> jobsInState(Connection c, String state) throws SQLException {
        return Jdbc.list(c, JOBS_IN_STATE, BulkJobs::mapJob, state);
    }

    /** Marks a validated, running or failed job running; false when it is done (or unknown). */
    public boolean start(Connection c, String id, Instant now) throws SQLException {
        return Jdbc.update(c, START_JOB, now, now, id) == 1;
    }

    /** Adds to the counters (in the transaction that issued the rows counted). */
    public void addProgress(Connection c, String id, int issued, int skipped, int failed, Instant now)
            throws SQLException {
        Jdbc.update(c, ADD_PROGRESS, issued, skipped, failed, now, id);
    }

    /** Ends a running job as {@code done} or {@code failed}; false when it was not running. */
    public boolean finish(Connection c, String id, String state, String error, Instant now) throws SQLException {
        return Jdbc.update(c, FINISH_JOB, state, error, now, now, id) == 1;
    }

    /** Adds rows in one batch. */
    public void insertRows(Connection c, List<BulkRow> rows) throws SQLException {
        List<Object[]> params = new ArrayList<>(rows.size());
        for (BulkRow r : rows) {
            params.add(new Object[] {r.id(), r.jobId(), r.issuerId(), r.rowNumber(), r.lineNumber(),
                r.idempotencyKey(), r.achievementId(), r.recipientKind(), r.recipient(), r.validFrom(), r.validUntil(),
                r.state(), r.credentialId(), r.error()});
        }
        Jdbc.batch(c, INSERT_ROW, params);
    }

    public List<BulkRow> rows(Connection c, String jobId) throws SQLException {
        int cursor = cursor(c, jobId);
        return Jdbc.list(c, ROWS_OF_JOB, BulkJobs::mapRow, cursor, cursor, jobId);
    }

    /** The first {@code limit} rows of the job in {@code state}. */
    public List<BulkRow> rowsInState(Connection c, String jobId, String state, int limit) throws SQLException {
        int cursor = cursor(c, jobId);
        return Jdbc.list(c, ROWS_IN_STATE, BulkJobs::mapRow, cursor, cursor, jobId, cursor, state, limit);
    }

    /**
     * The next pending rows after {@code afterRow} and after the job's cursor, in file order, each with the credential its idempotency key already yielded
     * (null when none).
     */
    public List<PendingRow> pendingRows(Connection c, String jobId, int afterRow, int limit) throws SQLException {
        int cursor = cursor(c, jobId);
        return Jdbc.list(c, PENDING_ROWS, rs -> new PendingRow(mapRow(rs), rs.getString("issued_credential_id")),
                jobId, Math.max(afterRow, cursor), limit);
    }

    /**
     * Records a batch: the rows from {@code firstRow} to {@code lastRow} (file row numbers; the batch held every
     * pending row between them) are finished. Issued rows are recorded by moving the job's cursor to
     * {@code lastRow}; {@code exceptions} (skipped and failed rows) are marked one by one.
     *
     * @return false when another worker finished some of these rows first: roll the transaction back
     */
    public boolean finishBatch(Connection c, String jobId, int firstRow, int lastRow, List<RowOutcome> exceptions)
            throws SQLException {
        if (exceptions.stream().anyMatch(o -> BulkRow.ISSUED.equals(o.state()))) {
            throw new IllegalArgumentException("issued rows are recorded by the cursor, not one by one");
        }
        if (Jdbc.update(c, MOVE_CURSOR, lastRow, jobId, firstRow) != 1) {
            return false;
        }
        List<Object[]> params = new ArrayList<>(exceptions.size());
        for (RowOutcome o : exceptions) {
            params.add(new Object[] {o.state(), o.credentialId(), o.error(), o.rowId()});
        }
        for (int n : Jdbc.batch(c, FINISH_ROW, params)) {
            if (n == 0) {
                return false;
            }
        }
        return true;
    }

    public void insertErrors(Connection c, String jobId, List<BulkError> errors) throws SQLException {
        List<Object[]> params = new ArrayList<>(errors.size());
        for (BulkError e : errors) {
            params.add(new Object[] {jobId, e.rowNumber(), e.lineNumber(), e.column(), e.message()});
        }
        Jdbc.batch(c, INSERT_ERROR, params);
    }

    /** The job's preview errors in row order, at most {@code limit}. */
    public List<BulkError> errors(Connection c, String jobId, int limit) throws SQLException {
        return Jdbc.list(c, ERRORS, rs -> new BulkError(rs.getInt("row_number"), rs.getInt("line_number"),
                rs.getString("column_name"), rs.getString("message")), jobId, limit);
    }

    /** The job's cursor: its rows up to this one are finished. Read first, not joined (a join reads it per row). */
    private static int cursor(Connection c, String jobId) throws SQLException {
        return Jdbc.one(c, CURSOR, rs -> rs.getInt(1), jobId).orElse(0);
    }

    private static BulkJob mapJob(ResultSet rs) throws SQLException {
        return new BulkJob(rs.getString("id"), rs.getString("issuer_id"), rs.getString("achievement_id"),
                rs.getString("state"), rs.getInt("total_rows"), rs.getInt("valid_rows"), rs.getInt("invalid_rows"),
                rs.getInt("issued_rows"), rs.getInt("skipped_rows"), rs.getInt("failed_rows"), rs.getString("error"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"), Jdbc.instant(rs, "started_at"),
                Jdbc.instant(rs, "finished_at"));
    }

    private static BulkRow mapRow(ResultSet rs) throws SQLException {
        return new BulkRow(rs.getString("id"), rs.getString("job_id"), rs.getString("issuer_id"),
                rs.getInt("row_number"), rs.getInt("line_number"), rs.getString("idempotency_key"),
                rs.getString("achievement_id"), rs.getString("recipient_kind"), rs.getString("recipient"),
                Jdbc.instant(rs, "valid_from"), Jdbc.instant(rs, "valid_until"), rs.getString("state"),
                rs.getString("credential_id"), rs.getString("error"));
    }
}
