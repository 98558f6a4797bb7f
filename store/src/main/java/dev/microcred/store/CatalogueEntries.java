package dev.microcred.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The {@code catalogue_entry} table: issuers' imported catalogues. Stateless. */
public final class CatalogueEntries {
    private static final String DELETE_OF_ISSUER = """
            DELETE FROM catalogue_entry WHERE issuer_id = ?
            """;
    private static final String INSERT = """
            INSERT INTO catalogue_entry (issuer_id, entry_id, seq, document, updated_at) VALUES (?, ?, ?, ?, ?)
            """;
    private static final String COLUMNS = """
            SELECT issuer_id, entry_id, seq, document, updated_at FROM catalogue_entry
            """;
    private static final String BY_ISSUER = COLUMNS + " WHERE issuer_id = ? ORDER BY seq";
    private static final String ALL = COLUMNS + " ORDER BY issuer_id, seq";

    /** Replaces the issuer's whole catalogue with {@code entries} (call inside one transaction). */
    public void replace(Connection c, String issuerId, List<StoredCatalogueEntry> entries) throws SQLException {
        Jdbc.update(c, DELETE_OF_ISSUER, issuerId);
        for (StoredCatalogueEntry e : entries) {
            if (!e.issuerId().equals(issuerId)) {
                throw new IllegalArgumentException("entry " + e.entryId() + " belongs to another issuer");
            }
            Jdbc.update(c, INSERT, e.issuerId(), e.entryId(), e.seq(), e.document(), e.updatedAt());
        }
    }

    /** The issuer's catalogue, in the order it was given. */
    public List<StoredCatalogueEntry> byIssuer(Connection c, String issuerId) throws SQLException {
        return Jdbc.list(c, BY_ISSUER, CatalogueEntries::map, issuerId);
    }

    /** Every issuer's catalogue, by issuer then order. */
    public List<StoredCatalogueEntry> all(Connection c) throws SQLException {
        return Jdbc.list(c, ALL, CatalogueEntries::map);
    }

    private static StoredCatalogueEntry map(ResultSet rs) throws SQLException {
        return new StoredCatalogueEntry(rs.getString("issuer_id"), rs.getString("entry_id"), rs.getInt("seq"),
                rs.getString("document"), Jdbc.instant(rs, "updated_at"));
    }
}
