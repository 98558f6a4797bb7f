package dev.microcred.credentials.dataintegrity;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.crypto.VerificationMethod;

/**
 * Resolves a verification method id (a DID URL such as {@code did:web:example.org#key-1}, or a URL) to its key and
 * controller. {@link DataIntegrity} resolves {@code did:key} itself, offline, and asks the resolver for every other
 * id. Implementations throw {@link MicrocredException} ({@link Problem#KEY_NOT_FOUND}, {@link Problem#FETCH_FAILED})
 * when they cannot resolve; they must be thread-safe if the caller verifies concurrently.
 */
@FunctionalInterface
public interface KeyResolver {
    VerificationMethod resolve(String verificationMethodId);

    /** A resolver that resolves nothing: only {@code did:key} verification methods can then be verified. */
    static KeyResolver didKeyOnly() {
        return id -> {
            throw new MicrocredException(Problem.KEY_NOT_FOUND,
                    "cannot resolve verification method " + id + " offline (only did:key resolves offline)");
        };
    }
}
