package dev.microcred.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The {@code web_session} table. Stateless. */
public final class WebSessions {
    private static final String INSERT = """
            INSERT INTO web_session (token_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
            """;
    private static final String FIND = """
            SELECT token_hash, account_id, csrf_token, created_at, expires_at FROM web_session
            WHERE token_hash = ? AND expires_at > ?
            """;
    private static final String DELETE = """
            DELETE FROM web_session WHERE token_hash = ?
            """;
    private static final String DELETE_BY_ACCOUNT = """
            DELETE FROM web_session WHERE account_id = ?
            """;
    private static final String DELETE_EXPIRED = """
            DELETE FROM web_session WHERE expires_at <= ?
            """;

    public void insert(Connection c, WebSession s) throws SQLException {
        Jdbc.update(c, INSERT, s.tokenHash(), s.accountId(), s.csrfToken(), s.createdAt(), s.expiresAt());
    }

    /** The session with this token hash that has not expired at {@code now}. */
    public Optional<WebSession> find(Connection c, String tokenHash, Instant now) throws SQLException {
        return Jdbc.one(c, FIND, WebSessions::map, tokenHash, now);
    }

    public void delete(Connection c, String tokenHash) throws SQLException {
        Jdbc.update(c, DELETE, tokenHash);
    }

    /** Ends every session of the account (after a password change); returns how many there were. */
    public int deleteByAccount(Connection c, String accountId) throws SQLException {
        return Jdbc.update(c, DELETE_BY_ACCOUNT, accountId);
    }

    public int deleteExpired(Connection c, Instant now) throws SQLException {
        return Jdbc.update(c, DELETE_EXPIRED, now);
    }

    private static WebSession map(ResultSet rs) throws SQLException {
        return new WebSession(rs.getString("token_hash"), rs.getString("account_id"), rs.getString("csrf_token"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "expires_at"));
    }
}
