package dev.microcred.crypto;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.util.Base64;

/**
 * Multibase (draft-multiformats-multibase): the two encodings the VC specifications use, base58-btc
 * ({@code z}) and base64url without padding ({@code u}). Stateless.
 */
public final class Multibase {
    private Multibase() {
    }

    public enum Encoding {
        BASE58BTC('z'),
        BASE64URL('u');

        private final char prefix;

        Encoding(char prefix) {
            this.prefix = prefix;
        }

        public char prefix() {
            return prefix;
        }
    }

    public static String encode(Encoding encoding, byte[] data) {
        return switch (encoding) {
            case BASE58BTC -> "z" + Base58.encode(data);
            case BASE64URL -> "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(data);
        };
    }

    /** Decodes a {@code z} or {@code u} string; anything else is {@link Problem#MALFORMED_INPUT}. */
    public static byte[] decode(String value) {
        if (value == null || value.isEmpty()) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "empty multibase value");
        }
        char prefix = value.charAt(0);
        String rest = value.substring(1);
        return switch (prefix) {
            case 'z' -> Base58.decode(rest);
            case 'u' -> {
                try {
                    yield Base64.getUrlDecoder().decode(rest);
                } catch (IllegalArgumentException e) {
                    throw new MicrocredException(Problem.MALFORMED_INPUT, "invalid base64url in multibase value", e);
                }
            }
            default -> throw new MicrocredException(Problem.MALFORMED_INPUT,
                    "unsupported multibase prefix '" + prefix + "' (expected z or u)");
        };
    }
}
