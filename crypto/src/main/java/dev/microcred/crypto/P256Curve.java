package dev.microcred.crypto;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/** The NIST P-256 (secp256r1) domain parameters, from BouncyCastle's optimised custom curve. */
final class P256Curve {
    static final X9ECParameters X9 = CustomNamedCurves.getByName("secp256r1");
    static final ECDomainParameters DOMAIN = new ECDomainParameters(X9);
    static final BigInteger ORDER = DOMAIN.getN();
    /** Bytes in a field element or scalar. */
    static final int FIELD_BYTES = 32;

    private P256Curve() {
    }

    /** {@code value} as exactly 32 big-endian bytes (left-padded); value must be below 2^256. */
    static byte[] fixed(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[FIELD_BYTES];
        if (raw.length > FIELD_BYTES) {
            System.arraycopy(raw, raw.length - FIELD_BYTES, out, 0, FIELD_BYTES);
        } else {
            System.arraycopy(raw, 0, out, FIELD_BYTES - raw.length, raw.length);
        }
        return out;
    }
}
