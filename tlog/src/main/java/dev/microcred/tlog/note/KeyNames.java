package dev.microcred.tlog.note;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.core.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Key name rules and key IDs shared by the classes of this package. */
final class KeyNames {
    private KeyNames() {
    }

    /** Whether {@code name} is a valid key name: non-empty, no Unicode space, no plus, no control character. */
    static boolean isValid(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (c == '+' || c < 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.SURROGATE) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    static String require(String name) {
        if (!isValid(name)) {
            throw new MicrocredException(Problem.MALFORMED_INPUT,
                    "a key name is non-empty, without spaces or '+': \"" + name + "\"");
        }
        return name;
    }

    /** signed-note: key ID = SHA-256(key name || 0x0A || signature type || public key)[:4], big-endian. */
    static int keyId(String name, int type, byte[] publicKey) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0x0A);
        digest.update((byte) type);
        digest.update(publicKey);
        byte[] hash = digest.digest();
        return ((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
    }
}
