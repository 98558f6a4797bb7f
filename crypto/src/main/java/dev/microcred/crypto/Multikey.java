package dev.microcred.crypto;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.util.Arrays;

/**
 * W3C Controlled Identifiers "Multikey" encoding of public keys: multibase base58-btc of a multicodec
 * varint prefix followed by the raw key. Ed25519 keys ({@code 0xed 0x01}) start {@code z6Mk}.
 * Ed25519 and the other key types are told apart by their multicodec prefix.
 */
public final class Multikey {
    static final byte[] ED25519_PUB = {(byte) 0xed, 0x01};

    private Multikey() {
    }

    /** The {@code publicKeyMultibase} value for {@code key}. */
    public static String encode(PublicKey key) {
        byte[] prefix = switch (key.type()) {
            case ED25519 -> ED25519_PUB;
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
        byte[] data = Multibase.decode(publicKeyMultibase);
        if (startsWith(data, ED25519_PUB)) {
            return Ed25519PublicKey.of(Arrays.copyOfRange(data, ED25519_PUB.length, data.length));
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
