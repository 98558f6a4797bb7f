package dev.microcred.credentials.blockcerts;

import dev.microcred.core.Bytes;
import java.util.Objects;

/**
 * What checking a Blockcerts certificate's receipt concluded: the local hash against {@code targetHash}, and the
 * Merkle path against {@code merkleRoot}. Whether the root is on a blockchain is a separate question: see
 * {@link MerkleReceipt#anchors()}.
 *
 * @param version            the Blockcerts version the proof form implies
 * @param proofType          the proof type as written ({@code MerkleProof2019}, {@code DataIntegrityProof/merkle-proof-2019},
 *                           {@code MerkleProof2017})
 * @param receipt            the decoded receipt, or null when it could not be read (then the outcome is rejected)
 * @param localHash          SHA-256 of the canonical N-Quads of the certificate without its proof, or null when the
 *                           receipt could not be read
 * @param verificationMethod the proof's {@code verificationMethod} (v3), or null
 * @param outcome            verified or rejected
 * @param reason             why, in one line, for people
 */
public record BlockcertsVerification(Version version, String proofType, MerkleReceipt receipt, Bytes localHash,
                                     String verificationMethod, Outcome outcome, String reason) {
    /** The Blockcerts generation, from the form of its proof. */
    public enum Version {
        /** Open Badges 2.0 based, {@code signature} block of type {@code MerkleProof2017}. */
        V2("Blockcerts v2"),
        /** Verifiable Credential based, {@code proof} of type {@code MerkleProof2019}. */
        V3("Blockcerts v3");

        private final String label;

        Version(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What checking the receipt concluded. */
    public enum Outcome {
        /** The local hash is the receipt's targetHash and the path leads to its merkleRoot. */
        VERIFIED,
        /** The receipt does not hold for this document (altered after issuing, or a broken receipt). */
        REJECTED
    }

    public BlockcertsVerification {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(proofType, "proofType");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        if (outcome == Outcome.VERIFIED && (receipt == null || localHash == null)) {
            throw new IllegalArgumentException("a verified receipt has a receipt and a local hash");
        }
    }

    public boolean verified() {
        return outcome == Outcome.VERIFIED;
    }
}
