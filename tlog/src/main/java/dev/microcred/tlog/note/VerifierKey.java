package dev.microcred.tlog.note;

import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.CanonicalBase64;
import java.util.Objects;

/**
 * A verifier key in the signed-note text form {@code <name>+<hex8 key ID>+<base64(type || public key)>}
 * ("vkey"), e.g. {@code PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW}. The key ID must be
 * the one the signed-note recommendation computes from the name, type and key.
 *
 * @param name      the key name
 * @param keyId     the key ID
 * @param type      the signature type byte ({@link #ED25519} or {@link #COSIGNATURE_V1})
 * @param publicKey the public key bytes after the type byte
 */
public record VerifierKey(String name, int keyId, int type, Bytes publicKey) {
    /** Signature type 0x01: Ed25519 note signatures. */
    public static final int ED25519 = 0x01;
    /** Signature type 0x04: timestamped Ed25519 witness cosignatures (c2sp.org/tlog-cosignature). */
    public static final int COSIGNATURE_V1 = 0x04;

    public VerifierKey {
        KeyNames.require(name);
        Objects.requireNonNull(publicKey, "publicKey");
        if (type != ED25519 && type != COSIGNATURE_V1) {
            throw new MicrocredException(Problem.UNSUPPORTED, "unsupported note signature type " + type);
        }
        if (publicKey.length() != 32) {
            throw new MicrocredException(Problem.INVALID_KEY,
                    "an Ed25519 note key has 32 bytes, not " + publicKey.length());
        }
        if (keyId != keyId(name, type, publicKey.toArray())) {
            throw new MicrocredException(Problem.INVALID_KEY, "key ID does not match key " + name);
        }
    }

    /** The key with its computed key ID. */
    public static VerifierKey of(String name, int type, byte[] publicKey) {
        return new VerifierKey(name, keyId(KeyNames.require(name), type, publicKey), type, Bytes.of(publicKey));
    }

    /** signed-note: key ID = SHA-256(key name || 0x0A || signature type || public key)[:4], big-endian. */
    public static int keyId(String name, int type, byte[] publicKey) {
        return KeyNames.keyId(name, type, publicKey);
    }

    /** Parses {@code <name>+<hex8>+<base64>}. */
    public static VerifierKey parse(String vkey) {
        int first = vkey.indexOf('+');
        int second = first < 0 ? -1 : vkey.indexOf('+', first + 1);
        if (second < 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a verifier key is <name>+<key ID>+<key>");
        }
        String name = vkey.substring(0, first);
        int id = parseKeyId(vkey.substring(first + 1, second));
        byte[] typed = CanonicalBase64.decode(vkey.substring(second + 1), "verifier key");
        if (typed.length < 1) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "verifier key has no key bytes");
        }
        byte[] key = new byte[typed.length - 1];
        System.arraycopy(typed, 1, key, 0, key.length);
        return new VerifierKey(name, id, typed[0] & 0xff, Bytes.of(key));
    }

    static int parseKeyId(String hex) {
        if (!hex.matches("[0-9a-f]{8}")) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a key ID is 8 lower-case hex digits");
        }
        return (int) Long.parseLong(hex, 16);
    }

    /** The vkey text. */
    public String format() {
        byte[] key = publicKey.toArray();
        byte[] typed = new byte[key.length + 1];
        typed[0] = (byte) type;
        System.arraycopy(key, 0, typed, 1, key.length);
        return name + "+" + String.format("%08x", keyId) + "+" + CanonicalBase64.encode(typed);
    }

    @Override
    public String toString() {
        return format();
    }
}
