package dev.microcred.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The {@code issuer_member} table. Stateless. */
public final class Memberships {
    private static final String INSERT = """
            INSERT INTO issuer_member (issuer_id, account_id, role, created_at) VALUES (?, ?, ?, ?)
            """;
    private static final String UPDATE_ROLE = """
            UPDATE issuer_member SET role = ? WHERE issuer_id = ? AND account_id = ?
            """;
    private static final String COLUMNS = """
            SELECT issuer_id, account_id, role, created_at FROM issuer_member
            """;
    private static final String BY_ACCOUNT = COLUMNS + " WHERE account_id = ? ORDER BY created_at, issuer_id";
    private static final String BY_ISSUER = COLUMNS + " WHERE issuer_id = ? ORDER BY created_at, account_id";
    private static final String DELETE = """
            DELETE FROM issuer_member WHERE issuer_id = ? AND account_id = ?
            """;

    /** Makes the account a member of the issuer with {@code m.role()}, or changes the role it has. */
    public void put(Connection c, Membership m) throws SQLException {
        if (Jdbc.update(c, UPDATE_ROLE, m.role(), m.issuerId(), m.accountId()) == 0) {
            Jdbc.update(c, INSERT, m.issuerId(), m.accountId(), m.role(), m.createdAt());
        }
    }

    public List<Membership> byAccount(Connection c, String accountId) throws SQLException {
        return Jdbc.list(c, BY_ACCOUNT, Memberships::map, accountId);
    }

    public List<Membership> byIssuer(Connection c, String issuerId) throws SQLException {
        return Jdbc.list(c, BY_ISSUER, Memberships::map, issuerId);
    }

    public boolean delete(Connection c, String issuerId, String accountId) throws SQLException {
        return Jdbc.update(c, DELETE, issuerId, accountId) == 1;
    }

    private static Membership map(ResultSet rs) throws SQLException {
        return new Membership(rs.getString("issuer_id"), rs.getString("account_id"), rs.getString("role"),
                Jdbc.instant(rs, "created_at"));
    }
}
