package dev.microcred.crypto;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * An RSA public key that verifies RSASSA-PKCS1-v1_5 with SHA-256 ({@code RS256}, RFC 7518 §3.3) through the
 * JDK. Moduli below {@value #MIN_MODULUS_BITS} bits are refused (RFC 7518 §3.3 requires 2048 or more).
 * {@link #bytes()} is the DER SubjectPublicKeyInfo. Immutable and thread-safe.
 */
public final class RsaPublicKey implements PublicKey {
    /** The smallest modulus accepted, for signing and verifying alike. */
    public static final int MIN_MODULUS_BITS = 2048;
    /** The largest modulus accepted, to bound the cost of one verification. */
    public static final int MAX_MODULUS_BITS = 8192;

    private final RSAPublicKey key;
    private final byte[] der;

    private RsaPublicKey(RSAPublicKey key) {
        this.key = key;
        this.der = key.getEncoded();
    }

    /** The key with modulus {@code n} and public exponent {@code e} (JWK {@code n}, {@code e}). */
    public static RsaPublicKey of(BigInteger modulus, BigInteger exponent) {
        checkSize(modulus);
        if (exponent.signum() <= 0 || !exponent.testBit(0) || exponent.compareTo(BigInteger.ONE) == 0
                || exponent.compareTo(modulus) >= 0) {
            throw new MicrocredException(Problem.INVALID_KEY, "RSA public exponent is not an odd integer in (1, n)");
        }
        try {
            return new RsaPublicKey((RSAPublicKey) factory().generatePublic(new RSAPublicKeySpec(modulus, exponent)));
        } catch (GeneralSecurityException e) {
            throw new MicrocredException(Problem.INVALID_KEY, "not an RSA public key: " + e.getMessage(), e);
        }
    }

    /** Reads a DER SubjectPublicKeyInfo (the body of a {@code -----BEGIN PUBLIC KEY-----} block). */
    public static RsaPublicKey fromDer(byte[] subjectPublicKeyInfo) {
        RSAPublicKey key;
        try {
            key = (RSAPublicKey) factory().generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo.clone()));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new MicrocredException(Problem.INVALID_KEY, "not a DER RSA SubjectPublicKeyInfo", e);
        }
        return of(key.getModulus(), key.getPublicExponent());
    }

    static RsaPublicKey of(RSAPublicKey key) {
        return of(key.getModulus(), key.getPublicExponent());
    }

    private static void checkSize(BigInteger modulus) {
        int bits = modulus.bitLength();
        if (modulus.signum() <= 0 || bits < MIN_MODULUS_BITS || bits > MAX_MODULUS_BITS) {
            throw new MicrocredException(Problem.INVALID_KEY, "RSA modulus of " + bits
                    + " bits is outside the accepted " + MIN_MODULUS_BITS + ".." + MAX_MODULUS_BITS);
        }
    }

    static KeyFactory factory() {
        try {
            return KeyFactory.getInstance("RSA");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is required of every JDK", e);
        }
    }

    @Override
    public KeyType type() {
        return KeyType.RSA;
    }

    /** The DER SubjectPublicKeyInfo. */
    @Override
    public byte[] bytes() {
        return der.clone();
    }

    /** The modulus n. */
    public BigInteger modulus() {
        return key.getModulus();
    }

    /** The public exponent e. */
    public BigInteger exponent() {
        return key.getPublicExponent();
    }

    /** Verifies RSASSA-PKCS1-v1_5 SHA-256; the signature must be exactly as long as the modulus. */
    @Override
    public boolean verify(byte[] message, byte[] signature) {
        // RFC 8017 §8.2.2 step 1: the signature has the length k of the modulus in octets.
        if (signature == null || signature.length != (key.getModulus().bitLength() + 7) / 8) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("SHA256withRSA is required of every JDK", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RsaPublicKey other && Arrays.equals(der, other.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return "RsaPublicKey[" + key.getModulus().bitLength() + " bits, n=" + key.getModulus().toString(16)
                .substring(0, 16) + "...]";
    }
}
