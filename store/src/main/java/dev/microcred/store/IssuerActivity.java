package dev.microcred.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Read-only figures about an issuer's credentials, for its analytics panel. Stateless. */
public final class IssuerActivity {
    private static final String ISSUED_SINCE = """
            SELECT issued_at FROM credential WHERE issuer_id = ? AND issued_at >= ? ORDER BY issued_at
            """;
    private static final String BY_ACHIEVEMENT = """
            SELECT c.achievement_id, a.name, COUNT(*) AS issued,
                   SUM(CASE WHEN c.claimed_at IS NOT NULL THEN 1 ELSE 0 END) AS claimed,
                   SUM(CASE WHEN c.state = 'revoked' THEN 1 ELSE 0 END) AS revoked
            FROM credential c LEFT JOIN achievement a ON a.id = c.achievement_id
            WHERE c.issuer_id = ?
            GROUP BY c.achievement_id, a.name
            ORDER BY issued DESC, a.name
            """;

    /**
     * Counts for one achievement (or, with a null id, for credentials issued without one, through VCALM).
     *
     * @param name the achievement's name, or null
     */
    public record Counts(String achievementId, String name, long issued, long claimed, long revoked) {
        public Counts {
            if (issued < 0 || claimed < 0 || revoked < 0) {
                throw new IllegalArgumentException("negative count");
            }
        }
    }

    /** When each of the issuer's credentials issued at or after {@code since} was issued, oldest first. */
    public List<Instant> issuedSince(Connection c, String issuerId, Instant since) throws SQLException {
        Objects.requireNonNull(since, "since");
        return Jdbc.list(c, ISSUED_SINCE, rs -> Jdbc.instant(rs, "issued_at"), issuerId, since);
    }

    /** The issuer's credentials counted by achievement, most issued first. */
    public List<Counts> byAchievement(Connection c, String issuerId) throws SQLException {
        return Jdbc.list(c, BY_ACHIEVEMENT, IssuerActivity::map, issuerId);
    }

    private static Counts map(ResultSet rs) throws SQLException {
        return new Counts(rs.getString("achievement_id"), rs.getString("name"), rs.getLong("issued"),
                rs.getLong("claimed"), rs.getLong("revoked"));
    }
}
