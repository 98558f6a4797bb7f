package dev.microcred.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code job_posting} table (migration V600). Stateless. */
public final class JobPostings {
    private static final String INSERT = """
            INSERT INTO job_posting (id, employer_account_id, title, occupation_id, requirements, created_at,
                                     updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String COLUMNS = """
            SELECT id, employer_account_id, title, occupation_id, requirements, created_at, updated_at
            FROM job_posting
            """;
    private static final String BY_ID = COLUMNS + " WHERE id = ?";
    private static final String BY_EMPLOYER = COLUMNS + " WHERE employer_account_id = ? ORDER BY created_at DESC, id";
    private static final String UPDATE = """
            UPDATE job_posting SET title = ?, requirements = ?, updated_at = ? WHERE id = ?
            """;

    public void insert(Connection c, StoredPosting p) throws SQLException {
        Jdbc.update(c, INSERT, p.id(), p.employerAccountId(), p.title(), p.occupationId(), p.requirements(),
                p.createdAt(), p.updatedAt());
    }

    public Optional<StoredPosting> byId(Connection c, String id) throws SQLException {
        return Jdbc.one(c, BY_ID, JobPostings::map, id);
    }

    /** The employer's postings, newest first. */
    public List<StoredPosting> byEmployer(Connection c, String employerAccountId) throws SQLException {
        return Jdbc.list(c, BY_EMPLOYER, JobPostings::map, employerAccountId);
    }

    public void update(Connection c, String id, String title, String requirements, Instant now) throws SQLException {
        Jdbc.update(c, UPDATE, title, requirements, now, id);
    }

    private static StoredPosting map(ResultSet rs) throws SQLException {
        return new StoredPosting(rs.getString("id"), rs.getString("employer_account_id"), rs.getString("title"),
                rs.getString("occupation_id"), rs.getString("requirements"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"));
    }
}
