package dev.microcred.server.issuing;

import java.util.Optional;
import java.util.UUID;

/**
 * Claim links' tokens: {@code claim_}, the credential's id (36 characters), then a secret (32 random bytes,
 * base64url, 43 characters). The id says which credential to read; the SHA-256 of the whole token, stored with the
 * credential until it is claimed, says whether the link is genuine. A token is looked up by the credential's primary
 * key, so the credential table needs no index of token hashes (an index keyed by random values costs a write at a
 * random place for every credential issued). Tokens made before this form ({@code claim_} and the secret only) are
 * still accepted: {@link #credentialId} answers empty for them and they are found by their hash. Thread-safe.
 */
public final class ClaimTokens {
    private static final String PREFIX = "claim_";
    private static final int ID_LENGTH = 36;
    private static final int SECRET_LENGTH = 43;

    private ClaimTokens() {
    }

    /** A fresh claim token for the credential {@code credentialId} (a UUID). */
    public static String create(String credentialId) {
        if (canonicalUuid(credentialId).isEmpty()) {
            throw new IllegalArgumentException("a credential id is a UUID");
        }
        return PREFIX + credentialId + OpaqueTokens.secret();
    }

    /** The credential a token of the current form names, or empty (a token of the older form, or not a token). */
    public static Optional<String> credentialId(String token) {
        if (token.length() != PREFIX.length() + ID_LENGTH + SECRET_LENGTH || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return canonicalUuid(token.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH));
    }

    private static Optional<String> canonicalUuid(String text) {
        if (text.length() != ID_LENGTH) {
            return Optional.empty();
        }
        try {
            UUID parsed = UUID.fromString(text);
            return parsed.toString().equals(text) ? Optional.of(text) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
