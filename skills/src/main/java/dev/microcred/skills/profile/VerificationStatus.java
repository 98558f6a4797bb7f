package dev.microcred.skills.profile;

/** The verifier's verdict on a credential, as far as skills are concerned. */
public enum VerificationStatus {
    /** Verified, within its validity window, not revoked or suspended: proves its skills now. */
    VALID,
    /** Verified but past {@code validUntil}: its skills are stale. */
    EXPIRED,
    /** Revoked by its issuer: never counts. */
    REVOKED,
    /** Suspended by its issuer: does not count while suspended. */
    SUSPENDED,
    /** Not yet valid ({@code validFrom} in the future): does not count yet. */
    NOT_YET_VALID,
    /** Proof, schema or issuer check failed: never counts. */
    INVALID,
    /** Could not be checked (status list or issuer key unavailable): does not count. */
    UNVERIFIABLE
}
