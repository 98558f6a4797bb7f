package dev.microcred.crypto;

import java.util.Objects;

/**
 * A resolved verification method: its id (a DID URL or URL), its controller (the DID or URL that controls
 * it) and the public key.
 */
public record VerificationMethod(String id, String controller, PublicKey publicKey) {
    public VerificationMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
