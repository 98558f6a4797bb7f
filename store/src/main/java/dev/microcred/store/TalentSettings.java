package dev.microcred.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private static final String CLAIMED = """
            SELECT c.holder_account_id, c.id, c.state, c.valid_until FROM credential c
            JOIN talent_setting t ON t.account_id = c.holder_account_id
            WHERE t.discoverable = TRUE ORDER BY c.holder_account_id, c.id
            """;
    private static final String IMPORTED = """
            SELECT w.account_id, w.id FROM wallet_import w
            JOIN talent_setting t ON t.account_id = w.account_id
            WHERE t.discoverable = TRUE ORDER BY w.account_id, w.id
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

    /**
     * What the evidence of each discoverable account depends on, in three queries: per account (longest-standing
     * opt-in first, at most {@code limit}), a text listing its claimed credentials (id, state, validity) and its
     * imports (id). Equal texts at two moments: the same evidence.
     */
    public Map<String, String> evidence(Connection c, int limit) throws SQLException {
        Map<String, StringBuilder> out = new LinkedHashMap<>();
        for (String account : discoverable(c, limit)) {
            out.put(account, new StringBuilder());
        }
        Jdbc.list(c, CLAIMED, rs -> {
            StringBuilder b = out.get(rs.getString(1));
            if (b != null) {
                b.append(rs.getString(2)).append('|').append(rs.getString(3)).append('|')
                        .append(Jdbc.instant(rs, "valid_until")).append('\n');
            }
            return null;
        });
        Jdbc.list(c, IMPORTED, rs -> {
            StringBuilder b = out.get(rs.getString(1));
            if (b != null) {
                b.append("import ").append(rs.getString(2)).append('\n');
            }
            return null;
        });
        Map<String, String> texts = new LinkedHashMap<>();
        out.forEach((k, v) -> texts.put(k, v.toString()));
        return texts;
    }

    /** The accounts that opted in, longest-standing first, at most {@code limit}. */
    public List<String> discoverable(Connection c, int limit) throws SQLException {
        return Jdbc.list(c, DISCOVERABLE, rs -> rs.getString(1), limit);
    }
}
