package dev.microcred.crypto;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.core.Sha256;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * A NIST P-256 private key (a scalar d in [1, n-1]) that signs {@code ES256} (RFC 7518 §3.4). Nonces are
 * deterministic (RFC 6979 §3.2, HMAC-SHA-256), so signing needs no randomness and the RFC 6979 appendix
 * A.2.5 vectors are reproducible. Immutable and thread-safe; {@link #toString()} reveals nothing secret.
 */
public final class P256PrivateKey implements Signer {
    /** The JWS algorithm name (RFC 7518 §3.1). */
    public static final String JWS_ALGORITHM = "ES256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ECPrivateKeyParameters parameters;
    private final P256PublicKey publicKey;

    private P256PrivateKey(BigInteger d) {
        this.parameters = new ECPrivateKeyParameters(d, P256Curve.DOMAIN);
        this.publicKey = P256PublicKey.checked(new FixedPointCombMultiplier().multiply(P256Curve.DOMAIN.getG(), d));
    }

    /** A fresh key from the platform's {@link SecureRandom}. */
    public static P256PrivateKey generate() {
        return generate(RANDOM);
    }

    /** A fresh key: d drawn uniformly from [1, n-1] by rejection sampling (FIPS 186-5 A.2.2). */
    public static P256PrivateKey generate(SecureRandom random) {
        while (true) {
            byte[] candidate = new byte[P256Curve.FIELD_BYTES];
            random.nextBytes(candidate);
            BigInteger d = new BigInteger(1, candidate);
            if (d.signum() > 0 && d.compareTo(P256Curve.ORDER) < 0) {
                return new P256PrivateKey(d);
            }
        }
    }

    /** The key with the 32-byte big-endian scalar {@code d} (JWK {@code d}); rejects 0 and values ≥ n. */
    public static P256PrivateKey fromScalar(byte[] d) {
        if (d.length != P256Curve.FIELD_BYTES) {
            throw new MicrocredException(Problem.INVALID_KEY, "a P-256 private key has 32 bytes, not " + d.length);
        }
        BigInteger value = new BigInteger(1, d);
        if (value.signum() == 0 || value.compareTo(P256Curve.ORDER) >= 0) {
            throw new MicrocredException(Problem.INVALID_KEY, "P-256 private scalar out of range [1, n-1]");
        }
        return new P256PrivateKey(value);
    }

    @Override
    public String jwsAlgorithm() {
        return JWS_ALGORITHM;
    }

    /** ECDSA P-256 SHA-256 of {@code message} as the 64-byte {@code r || s} (RFC 7518 §3.4). */
    @Override
    public byte[] sign(byte[] message) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, parameters);
        BigInteger[] rs = signer.generateSignature(Sha256.digest(message));
        byte[] out = new byte[P256PublicKey.SIGNATURE_LENGTH];
        System.arraycopy(P256Curve.fixed(rs[0]), 0, out, 0, 32);
        System.arraycopy(P256Curve.fixed(rs[1]), 0, out, 32, 32);
        return out;
    }

    @Override
    public P256PublicKey publicKey() {
        return publicKey;
    }

    /** A copy of the 32-byte secret scalar, for encrypting into a key file. Never log it. */
    public byte[] scalar() {
        return P256Curve.fixed(parameters.getD());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof P256PrivateKey other && parameters.getD().equals(other.parameters.getD());
    }

    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    @Override
    public String toString() {
        return "P256PrivateKey[public=" + publicKey + "]";
    }
}
