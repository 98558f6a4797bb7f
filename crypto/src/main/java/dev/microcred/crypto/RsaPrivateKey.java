package dev.microcred.crypto;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;

/**
 * An RSA private key that signs RSASSA-PKCS1-v1_5 with SHA-256 ({@code RS256}, RFC 7518 §3.3) through the JDK.
 * Modulus at least {@value RsaPublicKey#MIN_MODULUS_BITS} bits. Immutable and thread-safe (a fresh
 * {@link Signature} per call); {@link #toString()} reveals nothing secret.
 */
public final class RsaPrivateKey implements Signer {
    /** The JWS algorithm name (RFC 7518 §3.1). */
    public static final String JWS_ALGORITHM = "RS256";

    private final RSAPrivateCrtKey key;
    private final RsaPublicKey publicKey;

    private RsaPrivateKey(RSAPrivateCrtKey key) {
        this.key = key;
        this.publicKey = RsaPublicKey.of(key.getModulus(), key.getPublicExponent());
    }

    /** A fresh 2048-bit key with public exponent 65537. */
    public static RsaPrivateKey generate() {
        return generate(RsaPublicKey.MIN_MODULUS_BITS, new SecureRandom());
    }

    /** A fresh key of {@code bits} (2048 to 8192) with public exponent 65537. */
    public static RsaPrivateKey generate(int bits, SecureRandom random) {
        if (bits < RsaPublicKey.MIN_MODULUS_BITS || bits > RsaPublicKey.MAX_MODULUS_BITS) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "RSA key size must be 2048 to 8192 bits, not " + bits);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), random);
            KeyPair pair = generator.generateKeyPair();
            return new RsaPrivateKey((RSAPrivateCrtKey) pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is required of every JDK", e);
        }
    }

    /**
     * Reads an unencrypted DER PKCS#8 PrivateKeyInfo holding an RSA key with its CRT parameters (the body of
     * a {@code -----BEGIN PRIVATE KEY-----} block).
     */
    public static RsaPrivateKey fromPkcs8(byte[] der) {
        RSAPrivateCrtKey key;
        try {
            key = (RSAPrivateCrtKey) RsaPublicKey.factory().generatePrivate(new PKCS8EncodedKeySpec(der.clone()));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new MicrocredException(Problem.INVALID_KEY, "not a DER PKCS#8 RSA private key with CRT parameters", e);
        }
        RsaPrivateKey result = new RsaPrivateKey(key);
        // The encoding carries n, e and d separately: check that they belong together ((2^e)^d = 2 mod n).
        BigInteger two = BigInteger.TWO;
        if (!two.modPow(key.getPublicExponent(), key.getModulus())
                .modPow(key.getPrivateExponent(), key.getModulus()).equals(two)) {
            throw new MicrocredException(Problem.INVALID_KEY, "inconsistent RSA private key (e and d do not match)");
        }
        return result;
    }

    /**
     * The key with modulus {@code n}, exponents {@code e} and {@code d}, primes {@code p}, {@code q} and CRT
     * values {@code dp}, {@code dq}, {@code qi} (the members of an RSA private JWK, RFC 7518 §6.3.2).
     */
    public static RsaPrivateKey of(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q,
            BigInteger dp, BigInteger dq, BigInteger qi) {
        if (!p.multiply(q).equals(n)) {
            throw new MicrocredException(Problem.INVALID_KEY, "inconsistent RSA private key (p * q is not n)");
        }
        RSAPrivateCrtKey key;
        try {
            key = (RSAPrivateCrtKey) RsaPublicKey.factory().generatePrivate(
                    new RSAPrivateCrtKeySpec(n, e, d, p, q, dp, dq, qi));
        } catch (GeneralSecurityException ex) {
            throw new MicrocredException(Problem.INVALID_KEY, "not an RSA private key: " + ex.getMessage(), ex);
        }
        return fromPkcs8(key.getEncoded());
    }

    /** The JDK key, for {@link Jwk} export of the private members. */
    RSAPrivateCrtKey crtKey() {
        return key;
    }

    @Override
    public String jwsAlgorithm() {
        return JWS_ALGORITHM;
    }

    /** RSASSA-PKCS1-v1_5 SHA-256 of {@code message}, as long as the modulus. */
    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (NoSuchAlgorithmException | InvalidKeyException | SignatureException e) {
            throw new IllegalStateException("SHA256withRSA signing failed", e);
        }
    }

    @Override
    public RsaPublicKey publicKey() {
        return publicKey;
    }

    /** A copy of the DER PKCS#8 PrivateKeyInfo, for encrypting into a key file. Never log it. */
    public byte[] pkcs8() {
        return key.getEncoded();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RsaPrivateKey other && key.getPrivateExponent().equals(other.key.getPrivateExponent())
                && key.getModulus().equals(other.key.getModulus());
    }

    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    @Override
    public String toString() {
        return "RsaPrivateKey[public=" + publicKey + "]";
    }
}
