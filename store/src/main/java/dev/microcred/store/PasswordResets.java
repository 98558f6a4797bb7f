package dev.microcred.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The {@code password_reset} table. Stateless. */
public final class PasswordResets {
    private static final String INSERT = """
            INSERT INTO password_reset (token_hash, account_id, created_at, expires_at, used_at) VALUES (?, ?, ?, ?, ?)
            """;
    private static final String BY_HASH = """
            SELECT token_hash, account_id, created_at, expires_at, used_at FROM password_reset WHERE token_hash = ?
            """;
    private static final String USE = """
            UPDATE password_reset SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
            """;
    private static final String COUNT_RECENT = """
            SELECT COUNT(*) FROM password_reset WHERE account_id = ? AND created_at > ?
            """;

    public void insert(Connection c, PasswordReset r) throws SQLException {
        Jdbc.update(c, INSERT, r.tokenHash(), r.accountId(), r.createdAt(), r.expiresAt(), r.usedAt());
    }

    public Optional<PasswordReset> byHash(Connection c, String tokenHash) throws SQLException {
        return Jdbc.one(c, BY_HASH, PasswordResets::map, tokenHash);
    }

    /** Marks the link used; false when it was unknown, used or expired (so it works once, even under races). */
    public boolean use(Connection c, String tokenHash, Instant now) throws SQLException {
        return Jdbc.update(c, USE, now, tokenHash, now) == 1;
    }

    /** How many links were made for the account after {@code since} (to bound reset mail). */
    public long countSince(Connection c, String accountId, Instant since) throws SQLException {
        return Jdbc.count(c, COUNT_RECENT, accountId, since);
    }

    private static PasswordReset map(ResultSet rs) throws SQLException {
        return new PasswordReset(rs.getString("token_hash"), rs.getString("account_id"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "expires_at"), Jdbc.instant(rs, "used_at"));
    }
}
