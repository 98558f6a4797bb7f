package dev.microcred.credentials.dataintegrity;

import java.util.Objects;

/**
 * The outcome of checking one proof of a document.
 *
 * @param index              the proof's position in the document's {@code proof} member (0 for a single proof)
 * @param type               the proof {@code type}
 * @param cryptosuite        the {@code cryptosuite}, or null (legacy proof types have none)
 * @param verificationMethod the verification method id the proof names, or null if it names none
 * @param controller         the controller of the resolved verification method, or null if not resolved; the
 *                           caller checks that it is the issuer
 * @param proofPurpose       the {@code proofPurpose}, or null
 * @param created            the {@code created} value as written, or null
 * @param outcome            verified, rejected or unsupported
 * @param reason             why, in one line, for people
 */
public record ProofResult(int index, String type, String cryptosuite, String verificationMethod, String controller,
                          String proofPurpose, String created, Outcome outcome, String reason) {
    public ProofResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether this proof verified. */
    public boolean verified() {
        return outcome == Outcome.VERIFIED;
    }

    /** What checking a proof concluded. */
    public enum Outcome {
        /** The signature is valid over the document and the proof options. */
        VERIFIED,
        /** The proof was checked and does not hold (bad signature, tampered document, broken chain). */
        REJECTED,
        /** The proof type or cryptosuite is not one microcred verifies; nothing was checked. */
        UNSUPPORTED
    }
}
