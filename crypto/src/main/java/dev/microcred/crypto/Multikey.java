package dev.microcred.crypto;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * W3C Controlled Identifiers "Multikey" encoding of public keys: multibase base58-btc of a multicodec
 * varint prefix followed by the raw key. Ed25519 keys ({@code ed25519-pub} 0xed, varint {@code 0xed 0x01}, 32
 * bytes) start {@code z6Mk}; P-256 keys ({@code p256-pub} 0x1200, varint {@code 0x80 0x24}, 33-byte compressed
 * point) start {@code zDn}. RSA keys have no Multikey form here. Thread-safe (decoded keys are
 * cached).
 */
public final class Multikey {
    static final byte[] ED25519_PUB = {(byte) 0xed, 0x01};
    static final byte[] P256_PUB = {(byte) 0x80, 0x24};
    /**
     * Decoding is a pure function of the text, so keys are kept (at most {@link #MAX_CACHED}): a verifier that meets
     * the same issuer key again (a DID document read on every verification) skips base58 and point decompression.
     */
    private static final int MAX_CACHED = 4096;
    private static final Map<String, PublicKey> DECODED = new ConcurrentHashMap<>();

    private Multikey() {
    }

    /** The {@code publicKeyMultibase} value for {@code key}. */
    public static String encode(PublicKey key) {
        byte[] prefix = switch (key.type()) {
            case ED25519 -> ED25519_PUB;
            case P256 -> P256_PUB;
            default -> throw new MicrocredException(Problem.UNSUPPORTED,
                    "no Multikey encoding for " + key.type() + " keys");
        };
        byte[] raw = key.bytes();
        byte[] out = Arrays.copyOf(prefix, prefix.length + raw.length);
        System.arraycopy(raw, 0, out, prefix.length, raw.length);
        return Multibase.encode(Multibase.Encoding.BASE58BTC, out);
    }

    /** Decodes a {@code publicKeyMultibase} value. */
    public static PublicKey decode(String publicKeyMultibase) {
        if (publicKeyMultibase == null) {
            return decodeUncached(null);
        }
        PublicKey cached = DECODED.get(publicKeyMultibase);
        if (cached != null) {
            return cached;
        }
        PublicKey key = decodeUncached(publicKeyMultibase);
        if (DECODED.size() >= MAX_CACHED) {
            DECODED.clear();
        }
        DECODED.put(publicKeyMultibase, key);
        return key;
    }

    private static PublicKey decodeUncached(String publicKeyMultibase) {
        byte[] data = Multibase.decode(publicKeyMultibase);
        if (startsWith(data, ED25519_PUB)) {
            return Ed25519PublicKey.of(Arrays.copyOfRange(data, ED25519_PUB.length, data.length));
        }
        if (startsWith(data, P256_PUB)) {
            byte[] point = Arrays.copyOfRange(data, P256_PUB.length, data.length);
            if (point.length != P256PublicKey.COMPRESSED_LENGTH) {
                throw new MicrocredException(Problem.INVALID_KEY,
                        "a p256-pub Multikey holds a 33-byte compressed point, not " + point.length + " bytes");
            }
            return P256PublicKey.of(point);
        }
        throw new MicrocredException(Problem.UNSUPPORTED,
                "unsupported multicodec key type in " + abbreviate(publicKeyMultibase));
    }

    static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String abbreviate(String s) {
        return s.length() <= 16 ? s : s.substring(0, 16) + "...";
    }
}
