package dev.microcred.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The {@code talent_setting} table (migration V600): whether a learner is discoverable by employers. Stateless. */
public final class TalentSettings {
    private static final String UPDATE = """
            UPDATE talent_setting SET discoverable = ?, updated_at = ? WHERE account_id = ?
            """;
    private static final String INSERT = """
            INSERT INTO talent_setting (account_id, discoverable, updated_at) VALUES (?, ?, ?)
            """;
    private static final String ONE = "SELECT discoverable FROM talent_setting WHERE account_id = ?";
    private static final String DISCOVERABLE = """
            SELECT account_id FROM talent_setting WHERE discoverable = TRUE ORDER BY updated_at, account_id LIMIT ?
            """;

    public void put(Connection c, String accountId, boolean discoverable, Instant now) throws SQLException {
        if (Jdbc.update(c, UPDATE, discoverable, now, accountId) == 0) {
            Jdbc.update(c, INSERT, accountId, discoverable, now);
        }
    }

    /** Whether the account opted in (false without a row). */
    public boolean isDiscoverable(Connection c, String accountId) throws SQLException {
        return Jdbc.one(c, ONE, rs -> rs.getBoolean(1), accountId).orElse(false);
    }

    /** The accounts that opted in, longest-standing first, at most {@code limit}. */
    public List<String> discoverable(Connection c, int limit) throws SQLException {
        return Jdbc.list(c, DISCOVERABLE, rs -> rs.getString(1), limit);
    }
}
