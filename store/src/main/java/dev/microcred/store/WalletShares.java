package dev.microcred.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The {@code wallet_share} table (migration V400). Stateless. */
public final class WalletShares {
    private static final String INSERT = """
            INSERT INTO wallet_share (credential_id, account_id, visibility, share_token, updated_at)
            VALUES (?, ?, ?, ?, ?)
            """;
    private static final String UPDATE = """
            UPDATE wallet_share SET account_id = ?, visibility = ?, share_token = ?, updated_at = ?
            WHERE credential_id = ?
            """;
    private static final String COLUMNS = """
            SELECT credential_id, account_id, visibility, share_token, updated_at FROM wallet_share
            """;
    private static final String BY_CREDENTIAL = COLUMNS + " WHERE credential_id = ?";
    private static final String BY_TOKEN = COLUMNS + " WHERE share_token = ?";

    /** Records how the credential is shared, replacing what was recorded. */
    public void put(Connection c, WalletShare s) throws SQLException {
        if (Jdbc.update(c, UPDATE, s.accountId(), s.visibility(), s.shareToken(), s.updatedAt(),
                s.credentialId()) == 0) {
            Jdbc.update(c, INSERT, s.credentialId(), s.accountId(), s.visibility(), s.shareToken(), s.updatedAt());
        }
    }

    public Optional<WalletShare> byCredential(Connection c, String credentialId) throws SQLException {
        return Jdbc.one(c, BY_CREDENTIAL, WalletShares::map, credentialId);
    }

    public Optional<WalletShare> byToken(Connection c, String shareToken) throws SQLException {
        return Jdbc.one(c, BY_TOKEN, WalletShares::map, shareToken);
    }

    private static WalletShare map(ResultSet rs) throws SQLException {
        return new WalletShare(rs.getString("credential_id"), rs.getString("account_id"), rs.getString("visibility"),
                rs.getString("share_token"), Jdbc.instant(rs, "updated_at"));
    }
}
