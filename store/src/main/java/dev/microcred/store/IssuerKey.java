package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A signing key of an issuer, kept as a key file sealed under the key-encryption key (docs/KEYFILE.md).
 * {@link #toString()} leaves the key file out.
 *
 * @param verificationMethod the DID URL that names the key in proofs
 * @param retiredAt null while it signs; a retired key stays in the DID document so old credentials verify
 */
public record IssuerKey(String id, String issuerId, String verificationMethod, String publicKeyMultibase,
                        String keyFile, Instant createdAt, Instant retiredAt) {
    public IssuerKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(verificationMethod, "verificationMethod");
        Objects.requireNonNull(publicKeyMultibase, "publicKeyMultibase");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "IssuerKey[" + id + ", " + verificationMethod + (retiredAt == null ? "" : ", retired") + "]";
    }
}
