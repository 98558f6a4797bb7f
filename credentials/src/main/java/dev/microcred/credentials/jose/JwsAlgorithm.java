package dev.microcred.credentials.jose;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.crypto.KeyType;

/**
 * The JWS {@code alg} values microcred implements, each bound to the one key type that may verify it
 * (RFC 8725 §3.1: the algorithm is checked against the key, never chosen by the token alone).
 */
public enum JwsAlgorithm {
    /** Ed25519 (RFC 8037 §3.1). */
    EDDSA("EdDSA", KeyType.ED25519),
    /** ECDSA P-256 SHA-256, raw {@code r || s} (RFC 7518 §3.4). */
    ES256("ES256", KeyType.P256),
    /** RSASSA-PKCS1-v1_5 SHA-256 (RFC 7518 §3.3). */
    RS256("RS256", KeyType.RSA);

    /** The unsecured JWS algorithm (RFC 7518 §3.6); never accepted. */
    public static final String NONE = "none";

    private final String jwsName;
    private final KeyType keyType;

    JwsAlgorithm(String jwsName, KeyType keyType) {
        this.jwsName = jwsName;
        this.keyType = keyType;
    }

    /** The {@code alg} header value. */
    public String jwsName() {
        return jwsName;
    }

    /** The only key type that verifies this algorithm. */
    public KeyType keyType() {
        return keyType;
    }

    /**
     * The algorithm named {@code alg} (case-sensitive, RFC 7515 §4.1.1); anything else, {@code none} included,
     * is {@link Problem#UNSUPPORTED}.
     */
    public static JwsAlgorithm of(String alg) {
        for (JwsAlgorithm a : values()) {
            if (a.jwsName.equals(alg)) {
                return a;
            }
        }
        throw new MicrocredException(Problem.UNSUPPORTED, "unsupported JWS algorithm \"" + alg + "\"");
    }
}
