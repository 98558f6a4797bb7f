package dev.microcred.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code credential} table. Stateless. */
public final class Credentials {
    private static final String INSERT = """
            INSERT INTO credential (id, issuer_id, achievement_id, format, document, recipient_hash, state,
                                    revocation_list_id, revocation_index, suspension_list_id, suspension_index,
                                    claim_token_hash, holder_account_id, status_reason, issued_at, valid_from,
                                    valid_until, claimed_at, revoked_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String COLUMNS = """
            SELECT id, issuer_id, achievement_id, format, document, recipient_hash, state, revocation_list_id,
                   revocation_index, suspension_list_id, suspension_index, claim_token_hash, holder_account_id,
                   status_reason, issued_at, valid_from, valid_until, claimed_at, revoked_at
            FROM credential
            """;
    private static final String BY_ID = COLUMNS + " WHERE id = ?";
    private static final String BY_CLAIM_TOKEN = COLUMNS + " WHERE claim_token_hash = ?";
    private static final String BY_ID_AND_CLAIM_TOKEN = COLUMNS + " WHERE id = ? AND claim_token_hash = ?";
    private static final String BY_ISSUER = COLUMNS + """
             WHERE issuer_id = ? ORDER BY issued_at DESC, id LIMIT ? OFFSET ?
            """;
    private static final String BY_RECIPIENT = COLUMNS + " WHERE recipient_hash = ? ORDER BY issued_at DESC, id";
    private static final String BY_HOLDER = COLUMNS + " WHERE holder_account_id = ? ORDER BY issued_at DESC, id";
    private static final String COUNT_BY_ISSUER = """
            SELECT COUNT(*) FROM credential WHERE issuer_id = ?
            """;
    private static final String REVOCATION_INDEXES = """
            SELECT revocation_index FROM credential WHERE revocation_list_id = ?
            """;
    private static final String SUSPENSION_INDEXES = """
            SELECT suspension_index FROM credential WHERE suspension_list_id = ?
            """;
    private static final String UPDATE_STATE = """
            UPDATE credential SET state = ?, status_reason = ?, revoked_at = ? WHERE id = ?
            """;
    private static final String CLAIM = """
            UPDATE credential SET holder_account_id = ?, claimed_at = ?, claim_token_hash = NULL
            WHERE id = ? AND holder_account_id IS NULL
            """;

    private static final String STATE_FOR_UPDATE = """
            SELECT state FROM credential WHERE id = ? FOR UPDATE
            """;
    private static final String INSERT_RENEWAL = """
            INSERT INTO credential_renewal (renewed_id, renewal_id, renewed_at) VALUES (?, ?, ?)
            """;
    private static final String RENEWED_BY = """
            SELECT renewal_id FROM credential_renewal WHERE renewed_id = ?
            """;
    private static final String RENEWS = """
            SELECT renewed_id FROM credential_renewal WHERE renewal_id = ?
            """;

    private static final String INSERT_KEY = """
            INSERT INTO credential_key (issuer_id, idempotency_key, credential_id, created_at) VALUES (?, ?, ?, ?)
            """;
    private static final String BY_KEY = """
            SELECT credential_id FROM credential_key WHERE issuer_id = ? AND idempotency_key = ?
            """;

    /** Stores credentials in one batch. */
    public void insertAll(Connection c, List<StoredCredential> credentials) throws SQLException {
        List<Object[]> params = new ArrayList<>(credentials.size());
        for (StoredCredential k : credentials) {
            params.add(new Object[] {k.id(), k.issuerId(), k.achievementId(), k.format(), k.document(),
                k.recipientHash(), k.state().label(), k.revocationListId(), k.revocationIndex(), k.suspensionListId(),
                k.suspensionIndex(), k.claimTokenHash(), k.holderAccountId(), k.statusReason(), k.issuedAt(),
                k.validFrom(), k.validUntil(), k.claimedAt(), k.revokedAt()});
        }
        Jdbc.batch(c, INSERT, params);
    }

    /**
     * Records idempotency keys in one batch, in the transaction that stores their credentials. A key stored before
     * fails the batch with a unique-constraint violation ({@code CONFLICT}): the caller rolls back and retries.
     */
    public void insertKeys(Connection c, List<CredentialKey> keys) throws SQLException {
        List<Object[]> params = new ArrayList<>(keys.size());
        for (CredentialKey k : keys) {
            params.add(new Object[] {k.issuerId(), k.idempotencyKey(), k.credentialId(), k.createdAt()});
        }
        Jdbc.batch(c, INSERT_KEY, params);
    }

    /** The credential an idempotency key of the issuer yielded. */
    public Optional<String> byKey(Connection c, String issuerId, String idempotencyKey) throws SQLException {
        return Jdbc.one(c, BY_KEY, rs -> rs.getString(1), issuerId, idempotencyKey);
    }

    public void insert(Connection c, StoredCredential k) throws SQLException {
        Jdbc.update(c, INSERT, k.id(), k.issuerId(), k.achievementId(), k.format(), k.document(), k.recipientHash(),
                k.state().label(), k.revocationListId(), k.revocationIndex(), k.suspensionListId(),
                k.suspensionIndex(), k.claimTokenHash(), k.holderAccountId(), k.statusReason(), k.issuedAt(),
                k.validFrom(), k.validUntil(), k.claimedAt(), k.revokedAt());
    }

    public Optional<StoredCredential> byId(Connection c, String id) throws SQLException {
        return Jdbc.one(c, BY_ID, Credentials::map, id);
    }

    /**
     * The unclaimed credential whose claim token hashes to {@code claimTokenHash}: read through the whole table
     * (no index of hashes); for claim tokens that do not name their credential.
     */
    public Optional<StoredCredential> byClaimToken(Connection c, String claimTokenHash) throws SQLException {
        return Jdbc.one(c, BY_CLAIM_TOKEN, Credentials::map, claimTokenHash);
    }

    /** The credential {@code id} if it is unclaimed and its claim token hashes to {@code claimTokenHash}. */
    public Optional<StoredCredential> byClaimToken(Connection c, String id, String claimTokenHash)
            throws SQLException {
        return Jdbc.one(c, BY_ID_AND_CLAIM_TOKEN, Credentials::map, id, claimTokenHash);
    }

    /** The issuer's credentials, newest first. */
    public List<StoredCredential> byIssuer(Connection c, String issuerId, int limit, int offset) throws SQLException {
        return Jdbc.list(c, BY_ISSUER, Credentials::map, issuerId, limit, offset);
    }

    public long countByIssuer(Connection c, String issuerId) throws SQLException {
        return Jdbc.count(c, COUNT_BY_ISSUER, issuerId);
    }

    /** Credentials issued to a recipient (by {@code recipientHash}), newest first. */
    public List<StoredCredential> byRecipient(Connection c, String recipientHash) throws SQLException {
        return Jdbc.list(c, BY_RECIPIENT, Credentials::map, recipientHash);
    }

    /** Credentials claimed by an account, newest first. */
    public List<StoredCredential> byHolder(Connection c, String accountId) throws SQLException {
        return Jdbc.list(c, BY_HOLDER, Credentials::map, accountId);
    }

    /** The indexes taken in a status list (to seed an allocator). */
    public List<Integer> usedIndexes(Connection c, StoredStatusList list) throws SQLException {
        String sql = "revocation".equals(list.purpose()) ? REVOCATION_INDEXES : SUSPENSION_INDEXES;
        return Jdbc.list(c, sql, rs -> rs.getInt(1), list.id());
    }

    public void updateState(Connection c, String id, CredentialState state, String reason, Instant revokedAt)
            throws SQLException {
        Jdbc.update(c, UPDATE_STATE, state.label(), reason, revokedAt, id);
    }

    /** Binds the credential to the learner who claimed it; false when it was claimed already. */
    public boolean claim(Connection c, String id, String accountId, Instant now) throws SQLException {
        return Jdbc.update(c, CLAIM, accountId, now, id) == 1;
    }

    /**
     * The credential's state, its row locked until the transaction ends (status changes wait for it), or empty
     * when there is no such credential.
     */
    public Optional<CredentialState> lockState(Connection c, String id) throws SQLException {
        return Jdbc.one(c, STATE_FOR_UPDATE, rs -> CredentialState.parse(rs.getString(1)), id);
    }

    /**
     * Records that {@code renewalId} renews {@code renewedId}. A credential renewed before fails with a
     * unique-constraint violation ({@code CONFLICT}).
     */
    public void insertRenewal(Connection c, String renewedId, String renewalId, Instant now) throws SQLException {
        Jdbc.update(c, INSERT_RENEWAL, renewedId, renewalId, now);
    }

    /** The credential this one renews and the one that renews it. */
    public RenewalLinks renewalLinks(Connection c, String id) throws SQLException {
        return new RenewalLinks(Jdbc.one(c, RENEWS, rs -> rs.getString(1), id).orElse(null),
                Jdbc.one(c, RENEWED_BY, rs -> rs.getString(1), id).orElse(null));
    }

    private static StoredCredential map(ResultSet rs) throws SQLException {
        return new StoredCredential(rs.getString("id"), rs.getString("issuer_id"), rs.getString("achievement_id"),
                rs.getString("format"), rs.getString("document"), rs.getString("recipient_hash"),
                CredentialState.parse(rs.getString("state")), rs.getString("revocation_list_id"),
                Jdbc.integer(rs, "revocation_index"), rs.getString("suspension_list_id"),
                Jdbc.integer(rs, "suspension_index"), rs.getString("claim_token_hash"),
                rs.getString("holder_account_id"), rs.getString("status_reason"), Jdbc.instant(rs, "issued_at"),
                Jdbc.instant(rs, "valid_from"), Jdbc.instant(rs, "valid_until"), Jdbc.instant(rs, "claimed_at"),
                Jdbc.instant(rs, "revoked_at"));
    }
}
