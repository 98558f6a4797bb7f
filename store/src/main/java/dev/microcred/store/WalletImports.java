package dev.microcred.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code wallet_import} table (migration V400). Stateless. */
public final class WalletImports {
    private static final String INSERT = """
            INSERT INTO wallet_import (id, account_id, document, format, title, issuer_name, outcome, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String COLUMNS = """
            SELECT id, account_id, document, format, title, issuer_name, outcome, imported_at FROM wallet_import
            """;
    private static final String BY_ACCOUNT = COLUMNS + " WHERE account_id = ? ORDER BY imported_at DESC, id";
    private static final String BY_ID = COLUMNS + " WHERE id = ? AND account_id = ?";

    public void insert(Connection c, WalletImport i) throws SQLException {
        Jdbc.update(c, INSERT, i.id(), i.accountId(), i.document(), i.format(), i.title(), i.issuerName(),
                i.outcome(), i.importedAt());
    }

    /** The account's imports, newest first. */
    public List<WalletImport> byAccount(Connection c, String accountId) throws SQLException {
        return Jdbc.list(c, BY_ACCOUNT, WalletImports::map, accountId);
    }

    /** The import {@code id} if it belongs to {@code accountId}. */
    public Optional<WalletImport> byId(Connection c, String id, String accountId) throws SQLException {
        return Jdbc.one(c, BY_ID, WalletImports::map, id, accountId);
    }

    private static WalletImport map(ResultSet rs) throws SQLException {
        return new WalletImport(rs.getString("id"), rs.getString("account_id"), rs.getString("document"),
                rs.getString("format"), rs.getString("title"), rs.getString("issuer_name"), rs.getString("outcome"),
                Jdbc.instant(rs, "imported_at"));
    }
}
