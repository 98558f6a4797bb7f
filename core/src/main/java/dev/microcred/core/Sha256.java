package dev.microcred.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 (FIPS 180-4) through the JDK. Stateless and thread-safe. */
public final class Sha256 {
    private Sha256() {
    }

    public static byte[] digest(byte[] data) {
        return newDigest().digest(data);
    }

    public static byte[] digest(String utf8) {
        return digest(utf8.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex of the digest, the form OB 3.0 uses in {@code sha256$...} identity hashes. */
    public static String hex(byte[] data) {
        return Bytes.of(digest(data)).hex();
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
