package dev.microcred.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code contact_request} table (migration V600). Stateless. */
public final class ContactRequests {
    private static final String INSERT = """
            INSERT INTO contact_request (id, posting_id, employer_account_id, learner_account_id, pseudonym, message,
                                         state, created_at, answered_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String COLUMNS = """
            SELECT id, posting_id, employer_account_id, learner_account_id, pseudonym, message, state, created_at,
                   answered_at
            FROM contact_request
            """;
    private static final String BY_ID = COLUMNS + " WHERE id = ?";
    private static final String BY_POSTING_LEARNER = COLUMNS + " WHERE posting_id = ? AND learner_account_id = ?";
    private static final String BY_POSTING = COLUMNS + " WHERE posting_id = ? ORDER BY created_at, id";
    private static final String BY_LEARNER = COLUMNS + " WHERE learner_account_id = ? ORDER BY created_at DESC, id";
    private static final String ANSWER = """
            UPDATE contact_request SET state = ?, answered_at = ? WHERE id = ? AND state = 'pending'
            """;

    public void insert(Connection c, ContactRequest r) throws SQLException {
        Jdbc.update(c, INSERT, r.id(), r.postingId(), r.employerAccountId(), r.learnerAccountId(), r.pseudonym(),
                r.message(), r.state(), r.createdAt(), r.answeredAt());
    }

    public Optional<ContactRequest> byId(Connection c, String id) throws SQLException {
        return Jdbc.one(c, BY_ID, ContactRequests::map, id);
    }

    public Optional<ContactRequest> byPostingAndLearner(Connection c, String postingId, String learnerAccountId)
            throws SQLException {
        return Jdbc.one(c, BY_POSTING_LEARNER, ContactRequests::map, postingId, learnerAccountId);
    }

    public List<ContactRequest> byPosting(Connection c, String postingId) throws SQLException {
        return Jdbc.list(c, BY_POSTING, ContactRequests::map, postingId);
    }

    /** The learner's requests, newest first. */
    public List<ContactRequest> byLearner(Connection c, String learnerAccountId) throws SQLException {
        return Jdbc.list(c, BY_LEARNER, ContactRequests::map, learnerAccountId);
    }

    /** Answers a pending request; false when it was answered already. */
    public boolean answer(Connection c, String id, String state, Instant now) throws SQLException {
        return Jdbc.update(c, ANSWER, state, now, id) == 1;
    }

    private static ContactRequest map(ResultSet rs) throws SQLException {
        return new ContactRequest(rs.getString("id"), rs.getString("posting_id"), rs.getString("employer_account_id"),
                rs.getString("learner_account_id"), rs.getString("pseudonym"), rs.getString("message"),
                rs.getString("state"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "answered_at"));
    }
}
