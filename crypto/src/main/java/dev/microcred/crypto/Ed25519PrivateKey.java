package dev.microcred.crypto;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 private key: the 32-byte seed of RFC 8032 §5.1.5 and its public key. Signing goes through
 * BouncyCastle's {@code rfc8032.Ed25519}. Immutable and thread-safe; {@link #toString()} reveals nothing.
 */
public final class Ed25519PrivateKey implements Signer {
    /** The JWS algorithm name for Ed25519 (RFC 8037 §3.1). */
    public static final String JWS_ALGORITHM = "EdDSA";
    public static final int SEED_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] seed;
    private final byte[] publicKey;
    private final Ed25519PublicKey pub;

    private Ed25519PrivateKey(byte[] seed) {
        this.seed = seed;
        this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        this.pub = Ed25519PublicKey.of(publicKey);
    }

    /** A fresh key from the platform's {@link SecureRandom}. */
    public static Ed25519PrivateKey generate() {
        return generate(RANDOM);
    }

    public static Ed25519PrivateKey generate(SecureRandom random) {
        byte[] seed = new byte[SEED_LENGTH];
        random.nextBytes(seed);
        return new Ed25519PrivateKey(seed);
    }

    /** The key whose RFC 8032 seed ("private key" in the RFC's test vectors) is {@code seed}; copied. */
    public static Ed25519PrivateKey fromSeed(byte[] seed) {
        if (seed.length != SEED_LENGTH) {
            throw new MicrocredException(Problem.INVALID_KEY, "an Ed25519 seed has 32 bytes, not " + seed.length);
        }
        return new Ed25519PrivateKey(seed.clone());
    }

    /** {@value #JWS_ALGORITHM} (RFC 8037 §3.1). */
    @Override
    public String jwsAlgorithm() {
        return JWS_ALGORITHM;
    }

    /** The 64-byte signature of {@code message} (RFC 8032 §5.1.6, pure Ed25519). */
    @Override
    public byte[] sign(byte[] message) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
        return signature;
    }

    @Override
    public Ed25519PublicKey publicKey() {
        return pub;
    }

    /** A copy of the secret seed, for encrypting into a key file. Never log it. */
    public byte[] seed() {
        return seed.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519PrivateKey other && Arrays.equals(seed, other.seed);
    }

    @Override
    public int hashCode() {
        return pub.hashCode();
    }

    @Override
    public String toString() {
        return "Ed25519PrivateKey[public=" + pub + "]";
    }
}
