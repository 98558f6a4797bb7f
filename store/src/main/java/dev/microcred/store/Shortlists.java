package dev.microcred.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The {@code job_shortlist} table (migration V600). Stateless. */
public final class Shortlists {
    private static final String EXISTS = """
            SELECT COUNT(*) FROM job_shortlist WHERE posting_id = ? AND learner_account_id = ?
            """;
    private static final String INSERT = """
            INSERT INTO job_shortlist (posting_id, learner_account_id, pseudonym, score, created_at)
            VALUES (?, ?, ?, ?, ?)
            """;
    private static final String BY_POSTING = """
            SELECT posting_id, learner_account_id, pseudonym, score, created_at FROM job_shortlist
            WHERE posting_id = ? ORDER BY score DESC, created_at, pseudonym
            """;

    /** Adds the entry unless the learner is on the list already; whether it was added. */
    public boolean add(Connection c, ShortlistEntry e) throws SQLException {
        if (Jdbc.count(c, EXISTS, e.postingId(), e.learnerAccountId()) > 0) {
            return false;
        }
        Jdbc.update(c, INSERT, e.postingId(), e.learnerAccountId(), e.pseudonym(), e.score(), e.createdAt());
        return true;
    }

    public List<ShortlistEntry> byPosting(Connection c, String postingId) throws SQLException {
        return Jdbc.list(c, BY_POSTING, Shortlists::map, postingId);
    }

    private static ShortlistEntry map(ResultSet rs) throws SQLException {
        return new ShortlistEntry(rs.getString("posting_id"), rs.getString("learner_account_id"),
                rs.getString("pseudonym"), rs.getDouble("score"), Jdbc.instant(rs, "created_at"));
    }
}
