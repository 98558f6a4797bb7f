package dev.microcred.crypto;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * A 32-byte key-encryption key that protects {@link KeyFile}s instead of a passphrase, normally taken from the
 * environment variable {@value #ENVIRONMENT_VARIABLE} (standard base64 or base64url, padded or not). The key
 * file's AES-256-GCM key is derived from it with HKDF-SHA256 and the file's own salt. Immutable and
 * thread-safe; {@link #toString()} reveals nothing.
 */
public final class KeyEncryptionKey {
    /** The environment variable that holds the key, base64. */
    public static final String ENVIRONMENT_VARIABLE = "MICROCRED_KEK";
    /** Bytes in a key-encryption key. */
    public static final int LENGTH = 32;

    private final byte[] key;

    private KeyEncryptionKey(byte[] key) {
        this.key = key;
    }

    /** A fresh random key. */
    public static KeyEncryptionKey generate() {
        byte[] key = new byte[LENGTH];
        new SecureRandom().nextBytes(key);
        return new KeyEncryptionKey(key);
    }

    /** The key whose base64 (or base64url) text is {@code base64}; it must decode to exactly 32 bytes. */
    public static KeyEncryptionKey fromBase64(String base64) {
        String text = base64.strip();
        byte[] key;
        try {
            key = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MicrocredException(Problem.INVALID_KEY, "the key-encryption key is not base64");
        }
        if (key.length != LENGTH) {
            throw new MicrocredException(Problem.INVALID_KEY,
                    "the key-encryption key must be 32 bytes, not " + key.length);
        }
        return new KeyEncryptionKey(key);
    }

    /**
     * The key in {@value #ENVIRONMENT_VARIABLE} of {@code environment} (pass {@code System.getenv()}).
     * A missing variable is {@link Problem#KEY_NOT_FOUND}.
     */
    public static KeyEncryptionKey fromEnvironment(Map<String, String> environment) {
        String value = environment.get(ENVIRONMENT_VARIABLE);
        if (value == null || value.isBlank()) {
            throw new MicrocredException(Problem.KEY_NOT_FOUND,
                    "the environment variable " + ENVIRONMENT_VARIABLE + " is not set");
        }
        return fromBase64(value);
    }

    /** The key as standard base64, to put into the environment once. Never log it. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    byte[] bytes() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[hidden]";
    }
}
