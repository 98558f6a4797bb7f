package dev.microcred.credentials.verify;

/**
 * The overall verdict on a credential. Listed from the most to the least severe: when several checks fail,
 * the report carries the first that applies.
 */
public enum Outcome {
    /** A proof does not match the document: it was altered after signing, or signed by another key. */
    TAMPERED("tampered"),
    /** Structurally wrong: bad context, schema violation, the issuer does not control the key, bad claims. */
    INVALID("invalid"),
    /** The issuer revoked it (status list bit set for purpose {@code revocation}, OB 2.0: HTTP 410). */
    REVOKED("revoked"),
    /** The issuer suspended it (status list bit set for purpose {@code suspension}). */
    SUSPENDED("suspended"),
    /** {@code validUntil} (VC 1.1: {@code expirationDate}) lies in the past. */
    EXPIRED("expired"),
    /** {@code validFrom} (VC 1.1: {@code issuanceDate}) lies in the future. */
    NOT_YET_VALID("not-yet-valid"),
    /** It uses a proof type, cryptosuite, algorithm or format microcred does not implement. */
    UNSUPPORTED("unsupported"),
    /** A step could not be completed (key or status list could not be fetched): no verdict either way. */
    CANNOT_CHECK("cannot-check"),
    /** Every check passed. */
    VALID("valid");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** The name used in JSON reports and the command line. */
    public String label() {
        return label;
    }

    /** The more severe of the two. */
    public Outcome worst(Outcome other) {
        return other.ordinal() < ordinal() ? other : this;
    }
}
