package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An issued credential and its bookkeeping.
 *
 * @param achievementId null for credentials issued through VCALM with a caller-built body
 * @param format {@code ldp_vc} (Data Integrity) or {@code jwt_vc_json}
 * @param document the signed credential as issued
 * @param recipientHash hex SHA-256 of the normalised recipient (lower-case email, or the DID), or null
 * @param revocationListId with {@code revocationIndex}: the credential's revocation entry, or null
 * @param suspensionListId with {@code suspensionIndex}: the credential's suspension entry, or null
 * @param claimTokenHash SHA-256 of the claim link's token until claimed, or null
 * @param holderAccountId the learner who claimed it, or null
 * @param statusReason why it was revoked or suspended, or null
 */
public record StoredCredential(String id, String issuerId, String achievementId, String format, String document,
                               String recipientHash, CredentialState state, String revocationListId,
                               Integer revocationIndex, String suspensionListId, Integer suspensionIndex,
                               String claimTokenHash, String holderAccountId, String statusReason, Instant issuedAt,
                               Instant validFrom, Instant validUntil, Instant claimedAt, Instant revokedAt) {
    public StoredCredential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(validFrom, "validFrom");
    }

    /** Whether {@code validUntil} has passed at {@code now}. */
    public boolean isExpired(Instant now) {
        return validUntil != null && !now.isBefore(validUntil);
    }

    @Override
    public String toString() {
        return "StoredCredential[" + id + ", issuer=" + issuerId + ", " + state.label() + "]";
    }
}
