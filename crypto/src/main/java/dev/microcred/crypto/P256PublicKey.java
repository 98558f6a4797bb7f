package dev.microcred.crypto;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.core.Sha256;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A NIST P-256 public key that verifies ECDSA with SHA-256 ({@code ES256}, RFC 7518 §3.4). {@link #bytes()} is
 * the 33-byte SEC 1 compressed point, the form multicodec {@code p256-pub} and {@code did:key} use.
 * Signatures are the raw 64-byte {@code r || s}; high-S values are accepted, as JOSE does. Immutable and
 * thread-safe.
 */
public final class P256PublicKey implements PublicKey {
    /** Length of the compressed point (SEC 1 §2.3.3). */
    public static final int COMPRESSED_LENGTH = 33;
    /** Length of the uncompressed point {@code 0x04 || x || y}. */
    public static final int UNCOMPRESSED_LENGTH = 65;
    /** Length of a raw {@code r || s} signature. */
    public static final int SIGNATURE_LENGTH = 64;

    private final byte[] compressed;
    private final ECPublicKeyParameters parameters;

    private P256PublicKey(ECPoint point) {
        this.compressed = point.getEncoded(true);
        this.parameters = new ECPublicKeyParameters(point, P256Curve.DOMAIN);
    }

    /**
     * Reads a SEC 1 encoded point, compressed (33 bytes) or uncompressed (65 bytes); rejects anything that is
     * not a point of the curve, and the point at infinity.
     */
    public static P256PublicKey of(byte[] encoded) {
        if (encoded.length != COMPRESSED_LENGTH && encoded.length != UNCOMPRESSED_LENGTH) {
            throw new MicrocredException(Problem.INVALID_KEY,
                    "a P-256 public key has 33 (compressed) or 65 bytes, not " + encoded.length);
        }
        ECPoint point;
        try {
            point = P256Curve.DOMAIN.getCurve().decodePoint(encoded.clone());
        } catch (IllegalArgumentException e) {
            throw new MicrocredException(Problem.INVALID_KEY, "not a P-256 public key (not a curve point)", e);
        }
        return checked(point);
    }

    /** The key with affine coordinates {@code x} and {@code y}, each 32 big-endian bytes (JWK {@code x}, {@code y}). */
    public static P256PublicKey fromCoordinates(byte[] x, byte[] y) {
        if (x.length != P256Curve.FIELD_BYTES || y.length != P256Curve.FIELD_BYTES) {
            throw new MicrocredException(Problem.INVALID_KEY,
                    "P-256 coordinates have 32 bytes each, not " + x.length + " and " + y.length);
        }
        ECPoint point;
        try {
            point = P256Curve.DOMAIN.getCurve().createPoint(new BigInteger(1, x), new BigInteger(1, y));
        } catch (IllegalArgumentException e) {
            throw new MicrocredException(Problem.INVALID_KEY, "not a P-256 public key (coordinate out of range)", e);
        }
        return checked(point);
    }

    static P256PublicKey checked(ECPoint point) {
        if (point.isInfinity() || !point.isValid()) {
            throw new MicrocredException(Problem.INVALID_KEY, "not a P-256 public key (not a curve point)");
        }
        return new P256PublicKey(point.normalize());
    }

    @Override
    public KeyType type() {
        return KeyType.P256;
    }

    /** The 33-byte compressed point. */
    @Override
    public byte[] bytes() {
        return compressed.clone();
    }

    /** The 65-byte uncompressed point {@code 0x04 || x || y}. */
    public byte[] uncompressed() {
        return parameters.getQ().getEncoded(false);
    }

    /** The 32-byte big-endian affine x coordinate (JWK {@code x}). */
    public byte[] x() {
        return Arrays.copyOfRange(uncompressed(), 1, 33);
    }

    /** The 32-byte big-endian affine y coordinate (JWK {@code y}). */
    public byte[] y() {
        return Arrays.copyOfRange(uncompressed(), 33, 65);
    }

    /** Verifies ECDSA P-256 SHA-256 over {@code message}; {@code signature} is {@code r || s}, 64 bytes. */
    @Override
    public boolean verify(byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        // RFC 7518 §3.4: the signature is R and S, each a 32-octet big-endian unsigned integer, concatenated.
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, parameters);
        // ECDSASigner rejects r or s outside [1, n-1] before any point arithmetic (SEC 1 §4.1.4 step 1).
        return verifier.verifySignature(Sha256.digest(message), r, s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof P256PublicKey other && Arrays.equals(compressed, other.compressed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(compressed);
    }

    @Override
    public String toString() {
        return "P256PublicKey[" + HexFormat.of().formatHex(compressed) + "]";
    }
}
