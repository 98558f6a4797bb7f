package dev.microcred.store;

import dev.microcred.core.Bytes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code status_list} table. A change of bits reads the row {@code FOR UPDATE}, so concurrent revocations of
 * credentials in one list serialise instead of losing each other's bit. Stateless.
 */
public final class StatusLists {
    private static final String INSERT = """
            INSERT INTO status_list (id, issuer_id, purpose, seq, url, length_bits, bits, version, signed_document,
                                     signed_version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String COLUMNS = """
            SELECT id, issuer_id, purpose, seq, url, length_bits, bits, version, signed_document, signed_version,
                   created_at, updated_at
            FROM status_list
            """;
    private static final String BY_ID = COLUMNS + " WHERE id = ?";
    private static final String BY_ID_FOR_UPDATE = COLUMNS + " WHERE id = ? FOR UPDATE";
    private static final String BY_URL = COLUMNS + " WHERE url = ?";
    private static final String SIGNED_IF_CURRENT = """
            SELECT signed_document FROM status_list
            WHERE url = ? AND signed_document IS NOT NULL AND signed_version = version
            """;
    private static final String BY_SEQ = COLUMNS + " WHERE issuer_id = ? AND purpose = ? AND seq = ?";
    private static final String LATEST = COLUMNS + """
             WHERE issuer_id = ? AND purpose = ? ORDER BY seq DESC LIMIT 1
            """;
    private static final String BY_ISSUER = COLUMNS + " WHERE issuer_id = ? ORDER BY purpose, seq";
    private static final String UPDATE_BITS = """
            UPDATE status_list SET bits = ?, version = version + 1, updated_at = ? WHERE id = ?
            """;
    private static final String SAVE_SIGNED = """
            UPDATE status_list SET signed_document = ?, signed_version = ?
            WHERE id = ? AND version = ? AND (signed_version IS NULL OR signed_version < ?)
            """;

    public void insert(Connection c, StoredStatusList l) throws SQLException {
        Jdbc.update(c, INSERT, l.id(), l.issuerId(), l.purpose(), l.seq(), l.url(), l.lengthBits(), l.bits().toArray(),
                l.version(), l.signedDocument(), l.signedVersion(), l.createdAt(), l.updatedAt());
    }

    public Optional<StoredStatusList> byId(Connection c, String id) throws SQLException {
        return Jdbc.one(c, BY_ID, StatusLists::map, id);
    }

    /** Reads the list and locks its row until the transaction ends. */
    public Optional<StoredStatusList> lock(Connection c, String id) throws SQLException {
        return Jdbc.one(c, BY_ID_FOR_UPDATE, StatusLists::map, id);
    }

    public Optional<StoredStatusList> byUrl(Connection c, String url) throws SQLException {
        return Jdbc.one(c, BY_URL, StatusLists::map, url);
    }

    /**
     * The signed credential of the list at {@code url} when it shows the current bits (empty when there is no such
     * list, or its bits changed since it was signed): one small read, without the bitstring.
     */
    public Optional<String> signedIfCurrent(Connection c, String url) throws SQLException {
        return Jdbc.one(c, SIGNED_IF_CURRENT, rs -> rs.getString(1), url);
    }

    public Optional<StoredStatusList> bySeq(Connection c, String issuerId, String purpose, int seq)
            throws SQLException {
        return Jdbc.one(c, BY_SEQ, StatusLists::map, issuerId, purpose, seq);
    }

    /** The issuer's newest list of {@code purpose}, where new indexes are allocated. */
    public Optional<StoredStatusList> latest(Connection c, String issuerId, String purpose) throws SQLException {
        return Jdbc.one(c, LATEST, StatusLists::map, issuerId, purpose);
    }

    public List<StoredStatusList> byIssuer(Connection c, String issuerId) throws SQLException {
        return Jdbc.list(c, BY_ISSUER, StatusLists::map, issuerId);
    }

    /** Replaces the bits (call after {@link #lock}) and increments the version. */
    public void updateBits(Connection c, String id, Bytes bits, Instant now) throws SQLException {
        Jdbc.update(c, UPDATE_BITS, bits.toArray(), now, id);
    }

    /**
     * Caches a signed status list credential made at {@code version}; ignored (false) when the bits changed since or
     * a newer one is cached.
     */
    public boolean saveSigned(Connection c, String id, long version, String signedDocument) throws SQLException {
        return Jdbc.update(c, SAVE_SIGNED, signedDocument, version, id, version, version) == 1;
    }

    private static StoredStatusList map(ResultSet rs) throws SQLException {
        long signedVersion = rs.getLong("signed_version");
        Long signed = rs.wasNull() ? null : signedVersion;
        return new StoredStatusList(rs.getString("id"), rs.getString("issuer_id"), rs.getString("purpose"),
                rs.getInt("seq"), rs.getString("url"), rs.getInt("length_bits"), Bytes.of(rs.getBytes("bits")),
                rs.getLong("version"), rs.getString("signed_document"), signed, Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"));
    }
}
