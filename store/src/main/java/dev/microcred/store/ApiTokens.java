package dev.microcred.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code api_token} table. Stateless. */
public final class ApiTokens {
    private static final String INSERT = """
            INSERT INTO api_token (id, token_hash, name, account_id, issuer_id, scopes, created_at, expires_at,
                                   revoked_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String COLUMNS = """
            SELECT id, token_hash, name, account_id, issuer_id, scopes, created_at, expires_at, revoked_at
            FROM api_token
            """;
    private static final String BY_HASH = COLUMNS + " WHERE token_hash = ?";
    private static final String BY_ISSUER = COLUMNS + " WHERE issuer_id = ? ORDER BY created_at, id";
    private static final String REVOKE = """
            UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL
            """;

    public void insert(Connection c, ApiToken t) throws SQLException {
        Jdbc.update(c, INSERT, t.id(), t.tokenHash(), t.name(), t.accountId(), t.issuerId(), Words.join(t.scopes()),
                t.createdAt(), t.expiresAt(), t.revokedAt());
    }

    public Optional<ApiToken> byHash(Connection c, String tokenHash) throws SQLException {
        return Jdbc.one(c, BY_HASH, ApiTokens::map, tokenHash);
    }

    public List<ApiToken> byIssuer(Connection c, String issuerId) throws SQLException {
        return Jdbc.list(c, BY_ISSUER, ApiTokens::map, issuerId);
    }

    /** Revokes the token; false when it was unknown or already revoked. */
    public boolean revoke(Connection c, String id, Instant now) throws SQLException {
        return Jdbc.update(c, REVOKE, now, id) == 1;
    }

    private static ApiToken map(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getString("id"), rs.getString("token_hash"), rs.getString("name"),
                rs.getString("account_id"), rs.getString("issuer_id"), Words.split(rs.getString("scopes")),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "expires_at"), Jdbc.instant(rs, "revoked_at"));
    }
}
