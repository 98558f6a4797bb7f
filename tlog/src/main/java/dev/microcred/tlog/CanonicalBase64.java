package dev.microcred.tlog;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.util.Base64;

/**
 * Standard base64 (RFC 4648 §4, with padding) as the C2SP specifications use it, decoded strictly: the text must
 * be exactly what encoding the decoded bytes gives back, so there is one spelling of every value and a changed
 * character is never silently accepted. Stateless and thread-safe.
 */
public final class CanonicalBase64 {
    private CanonicalBase64() {
    }

    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Decodes {@code text}, naming {@code what} in the one-line message of the {@link MicrocredException}
     * ({@link Problem#MALFORMED_INPUT}) thrown for anything that is not canonical base64.
     */
    public static byte[] decode(String text, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, what + " is not base64");
        }
        if (!encode(bytes).equals(text)) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, what + " is not canonical base64");
        }
        return bytes;
    }
}
