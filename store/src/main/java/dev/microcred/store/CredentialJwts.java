package dev.microcred.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code credential_jwt} table (migration V810): the VC-JWT form of a credential, one per credential, kept so that
 * every download answers the same bytes. Stateless and thread-safe.
 */
public final class CredentialJwts {
    private static final String INSERT = """
            INSERT INTO credential_jwt (credential_id, log_ref, jwt, key_id, created_at) VALUES (?, ?, ?, ?, ?)
            """;
    private static final String BY_CREDENTIAL = """
            SELECT jwt FROM credential_jwt WHERE credential_id = ?
            """;
    private static final String WITH_LOG_REF = """
            SELECT jwt, log_ref FROM credential_jwt WHERE credential_id = ?
            """;

    /**
     * Stores the JWT of {@code credentialId}, signed with the issuer key {@code keyId}, its log entry filed under
     * {@code logRef}.
     *
     * @throws SQLException a unique violation when the credential has one already (another request stored it first)
     */
    public void insert(Connection c, String credentialId, String logRef, String jwt, String keyId, Instant createdAt)
            throws SQLException {
        Jdbc.update(c, INSERT, credentialId, logRef, jwt, keyId, createdAt);
    }

    /** The stored JWT of {@code credentialId} with the id its transparency-log entry is filed under, if one was made. */
    public Optional<Stored> withLogRef(Connection c, String credentialId) throws SQLException {
        return Jdbc.one(c, WITH_LOG_REF, rs -> new Stored(rs.getString(1), rs.getString(2)), credentialId);
    }

    /** A stored JWT and the id its transparency-log entry is filed under ({@code tlog_entry.credential_id}). */
    public record Stored(String jwt, String logRef) {
    }

    /** The stored JWT of {@code credentialId}, if one was made. */
    public Optional<String> byCredential(Connection c, String credentialId) throws SQLException {
        return Jdbc.one(c, BY_CREDENTIAL, rs -> rs.getString(1), credentialId);
    }
}
