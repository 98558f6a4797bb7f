package dev.microcred.crypto;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key (RFC 8032 §5.1.5), 32 bytes. Verification goes through BouncyCastle's
 * {@code rfc8032.Ed25519}, several times faster than JDK 17's own EdDSA. Immutable and thread-safe.
 */
public final class Ed25519PublicKey implements PublicKey {
    public static final int LENGTH = 32;
    private final byte[] key;
    /** The decoded curve point, so that each verification skips decompressing the key again. */
    private final Ed25519.PublicPoint point;

    private Ed25519PublicKey(byte[] key, Ed25519.PublicPoint point) {
        this.key = key;
        this.point = point;
    }

    /** Takes a copy of the 32 key bytes; rejects a wrong length or an encoding that is not a curve point. */
    public static Ed25519PublicKey of(byte[] key) {
        if (key.length != LENGTH) {
            throw new MicrocredException(Problem.INVALID_KEY,
                    "an Ed25519 public key has 32 bytes, not " + key.length);
        }
        byte[] copy = key.clone();
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(copy, 0);
        if (point == null) {
            throw new MicrocredException(Problem.INVALID_KEY, "not an Ed25519 public key (not a curve point)");
        }
        return new Ed25519PublicKey(copy, point);
    }

    @Override
    public KeyType type() {
        return KeyType.ED25519;
    }

    @Override
    public byte[] bytes() {
        return key.clone();
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        if (signature == null || signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        return Ed25519.verify(signature, 0, point, message, 0, message.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519PublicKey other && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "Ed25519PublicKey[" + HexFormat.of().formatHex(key) + "]";
    }
}
