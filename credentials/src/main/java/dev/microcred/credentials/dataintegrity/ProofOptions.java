package dev.microcred.credentials.dataintegrity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The options of a new {@code DataIntegrityProof} (vc-data-integrity §2.1): the cryptosuite, the verification
 * method id, the proof purpose (default {@code assertionMethod}), and the optional {@code created} (truncated to
 * seconds), {@code expires}, proof {@code id}, {@code challenge}, {@code domain} and {@code previousProof} ids
 * (a proof chain; empty for none). Immutable; nullable components are optional.
 */
public record ProofOptions(Cryptosuite cryptosuite, String verificationMethod, String proofPurpose, Instant created,
                           Instant expires, String id, String challenge, String domain, List<String> previousProof) {
    public static final String ASSERTION_METHOD = "assertionMethod";

    public ProofOptions {
        Objects.requireNonNull(cryptosuite, "cryptosuite");
        Objects.requireNonNull(verificationMethod, "verificationMethod");
        Objects.requireNonNull(proofPurpose, "proofPurpose");
        created = created == null ? null : created.truncatedTo(ChronoUnit.SECONDS);
        expires = expires == null ? null : expires.truncatedTo(ChronoUnit.SECONDS);
        previousProof = previousProof == null ? List.of() : List.copyOf(previousProof);
    }

    /** {@code assertionMethod} proof options with no creation time and no optional members. */
    public static ProofOptions of(Cryptosuite cryptosuite, String verificationMethod) {
        return new ProofOptions(cryptosuite, verificationMethod, ASSERTION_METHOD, null, null, null, null, null,
                List.of());
    }

    public ProofOptions withCreated(Instant created) {
        return new ProofOptions(cryptosuite, verificationMethod, proofPurpose, created, expires, id, challenge, domain,
                previousProof);
    }

    public ProofOptions withExpires(Instant expires) {
        return new ProofOptions(cryptosuite, verificationMethod, proofPurpose, created, expires, id, challenge, domain,
                previousProof);
    }

    public ProofOptions withProofPurpose(String proofPurpose) {
        return new ProofOptions(cryptosuite, verificationMethod, proofPurpose, created, expires, id, challenge, domain,
                previousProof);
    }

    public ProofOptions withId(String id) {
        return new ProofOptions(cryptosuite, verificationMethod, proofPurpose, created, expires, id, challenge, domain,
                previousProof);
    }

    public ProofOptions withChallenge(String challenge) {
        return new ProofOptions(cryptosuite, verificationMethod, proofPurpose, created, expires, id, challenge, domain,
                previousProof);
    }

    public ProofOptions withDomain(String domain) {
        return new ProofOptions(cryptosuite, verificationMethod, proofPurpose, created, expires, id, challenge, domain,
                previousProof);
    }

    public ProofOptions withPreviousProof(String... ids) {
        return new ProofOptions(cryptosuite, verificationMethod, proofPurpose, created, expires, id, challenge, domain,
                List.of(ids));
    }
}
