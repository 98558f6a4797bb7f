package dev.microcred.skills.profile;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One skill of a profile.
 *
 * @param skillId    canonical skill id
 * @param state      proven (a valid credential) or stale (expired ones only)
 * @param level      the highest level stated by the evidence that gives the state (valid credentials for PROVEN,
 *                   expired ones for STALE); null when none states a level
 * @param lastIssued the most recent issuance among that evidence
 * @param evidence   every counting credential: valid first, then expired, most recent first
 */
public record ProfileSkill(String skillId, ProofState state, Integer level, Instant lastIssued, List<Evidence> evidence) {
    public ProfileSkill {
        Objects.requireNonNull(skillId, "skillId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastIssued, "lastIssued");
        evidence = List.copyOf(evidence);
        if (evidence.isEmpty()) throw new IllegalArgumentException("a profile skill needs evidence");
    }

    /** The credentials that give the state (valid ones for PROVEN, expired for STALE). */
    public List<Evidence> decisive() {
        VerificationStatus s = state == ProofState.PROVEN ? VerificationStatus.VALID : VerificationStatus.EXPIRED;
        return evidence.stream().filter(e -> e.status() == s).toList();
    }

    /** The best credibility among the decisive evidence. */
    public Credibility bestCredibility() {
        return decisive().stream().map(Evidence::credibility)
            .max(java.util.Comparator.comparingInt(Credibility::rank)).orElse(Credibility.NONE);
    }
}
