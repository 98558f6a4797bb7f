package dev.microcred.server.issuing;

import dev.microcred.core.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random bearer secrets (API tokens, session cookies, claim links): 32 random bytes, base64url, with a prefix
 * that says what they are. Only their SHA-256 is stored. Thread-safe.
 */
public final class OpaqueTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private OpaqueTokens() {
    }

    /** A fresh secret such as {@code mcat_3q2...}. */
    public static String create(String prefix) {
        return prefix + "_" + secret();
    }

    /** 32 fresh random bytes, base64url without padding (43 characters). */
    public static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hex SHA-256 stored in place of the secret. */
    public static String hash(String secret) {
        return Sha256.hex(secret.getBytes(StandardCharsets.UTF_8));
    }
}
