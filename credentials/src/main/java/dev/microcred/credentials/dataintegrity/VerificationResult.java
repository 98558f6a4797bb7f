package dev.microcred.credentials.dataintegrity;

import java.util.List;

/**
 * The outcome of {@link DataIntegrity#verify}: one {@link ProofResult} per proof, in document order. The document
 * is verified when it has at least one proof and every proof verified. Immutable.
 */
public record VerificationResult(List<ProofResult> proofs) {
    public VerificationResult {
        proofs = List.copyOf(proofs);
    }

    public boolean verified() {
        return !proofs.isEmpty() && proofs.stream().allMatch(ProofResult::verified);
    }
}
