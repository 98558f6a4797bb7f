package dev.microcred.skills.profile;

import java.util.Objects;

/**
 * A credential that proves nothing, and why.
 *
 * @param credentialId the credential
 * @param status       its verdict (revoked, suspended, invalid, ...)
 * @param reason       a plain-language reason
 */
public record IgnoredCredential(String credentialId, VerificationStatus status, String reason) {
    public IgnoredCredential {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }
}
