package dev.microcred.credentials.jose;

import dev.microcred.crypto.DidKey;
import dev.microcred.crypto.VerificationMethod;

/**
 * Finds the verification method a JWS {@code kid} names: a DID URL ({@code did:key:...#...},
 * {@code did:web:...#key-1}) or a URL. Implementations are thread-safe; one that needs the network fetches
 * through a guarded fetcher.
 */
@FunctionalInterface
public interface KeyResolver {
    /** Resolves {@code did:key} identifiers only, offline. */
    KeyResolver DID_KEY = DidKey::resolve;

    /**
     * The verification method {@code keyId} names.
     *
     * @throws dev.microcred.core.MicrocredException {@code KEY_NOT_FOUND} when it cannot be resolved,
     *     {@code INVALID_KEY} when the key material is malformed
     */
    VerificationMethod resolve(String keyId);
}
