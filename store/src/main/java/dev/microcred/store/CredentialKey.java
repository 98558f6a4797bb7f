package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/** An idempotency key of an issuer and the one credential it yielded. */
public record CredentialKey(String issuerId, String idempotencyKey, String credentialId, Instant createdAt) {
    public CredentialKey {
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
