package dev.microcred.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The {@code issuer_credibility} table (migration V600). Stateless. */
public final class IssuerStandings {
    private static final String UPDATE = """
            UPDATE issuer_credibility SET accredited_by = ?, endorsed_by = ?, updated_at = ? WHERE issuer_id = ?
            """;
    private static final String INSERT = """
            INSERT INTO issuer_credibility (issuer_id, accredited_by, endorsed_by, updated_at) VALUES (?, ?, ?, ?)
            """;
    private static final String ALL = """
            SELECT issuer_id, accredited_by, endorsed_by, updated_at FROM issuer_credibility ORDER BY issuer_id
            """;

    public void put(Connection c, IssuerStanding s) throws SQLException {
        if (Jdbc.update(c, UPDATE, s.accreditedBy(), s.endorsedBy(), s.updatedAt(), s.issuerId()) == 0) {
            Jdbc.update(c, INSERT, s.issuerId(), s.accreditedBy(), s.endorsedBy(), s.updatedAt());
        }
    }

    public List<IssuerStanding> all(Connection c) throws SQLException {
        return Jdbc.list(c, ALL, IssuerStandings::map);
    }

    private static IssuerStanding map(ResultSet rs) throws SQLException {
        return new IssuerStanding(rs.getString("issuer_id"), rs.getString("accredited_by"),
                rs.getString("endorsed_by"), Jdbc.instant(rs, "updated_at"));
    }
}
