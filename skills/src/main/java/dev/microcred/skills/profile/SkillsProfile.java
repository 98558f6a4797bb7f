package dev.microcred.skills.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a learner's verified credentials prove: each skill (by canonical id) with its proof state, level and evidence,
 * plus the credentials that prove nothing and why. Rules: a {@link VerificationStatus#VALID} credential proves its
 * aligned skills; an {@link VerificationStatus#EXPIRED} one makes them {@link ProofState#STALE} unless a valid one also
 * proves them; revoked, suspended, not-yet-valid, invalid and unverifiable credentials never count. The level for an
 * alignment is the alignment's own, else the credential's result level.
 *
 * @param skills  proven and stale skills, proven first, then by skill id
 * @param ignored credentials that do not count, in input order
 */
public record SkillsProfile(List<ProfileSkill> skills, List<IgnoredCredential> ignored) {
    /** The profile of someone with no credentials. */
    public static final SkillsProfile EMPTY = new SkillsProfile(List.of(), List.of());

    public SkillsProfile {
        skills = List.copyOf(skills);
        ignored = List.copyOf(ignored);
    }

    /** Builds the profile; pure and deterministic. */
    public static SkillsProfile of(List<VerifiedCredential> credentials) {
        Objects.requireNonNull(credentials, "credentials");
        Map<String, Map<String, Evidence>> bySkill = new TreeMap<>();
        List<IgnoredCredential> ignored = new ArrayList<>();
        for (VerifiedCredential c : credentials) {
            if (!c.counts()) {
                ignored.add(new IgnoredCredential(c.credentialId(), c.status(), reason(c.status())));
                continue;
            }
            if (c.alignments().isEmpty()) {
                ignored.add(new IgnoredCredential(c.credentialId(), c.status(),
                    "the achievement is aligned to no skill"));
                continue;
            }
            for (Alignment a : c.alignments()) {
                Integer level = a.level() != null ? a.level() : c.level();
                Evidence e = new Evidence(c.credentialId(), c.achievementId(), c.status(), c.issuerId(),
                    c.credibility(), level, c.issuedAt(), c.validUntil());
                // one evidence per (skill, credential): a credential aligned twice to a skill keeps the higher level
                bySkill.computeIfAbsent(a.skillId(), k -> new LinkedHashMap<>())
                    .merge(c.credentialId(), e, (x, y) -> higher(y.level(), x.level()) ? y : x);
            }
        }
        List<ProfileSkill> skills = new ArrayList<>();
        bySkill.forEach((skillId, byCredential) -> {
            List<Evidence> ev = new ArrayList<>(byCredential.values());
            ev.sort(Comparator.comparing((Evidence e) -> e.status() != VerificationStatus.VALID)
                .thenComparing(Evidence::issuedAt, Comparator.reverseOrder())
                .thenComparing(Evidence::credentialId));
            ProofState state = ev.get(0).status() == VerificationStatus.VALID ? ProofState.PROVEN : ProofState.STALE;
            VerificationStatus decisive = ev.get(0).status();
            Integer level = null;
            for (Evidence e : ev) {
                if (e.status() == decisive && higher(e.level(), level)) level = e.level();
            }
            skills.add(new ProfileSkill(skillId, state, level, ev.get(0).issuedAt(), ev));
        });
        skills.sort(Comparator.comparing(ProfileSkill::state).thenComparing(ProfileSkill::skillId));
        return new SkillsProfile(skills, ignored);
    }

    private static boolean higher(Integer a, Integer b) {
        return a != null && (b == null || a > b);
    }

    private static String reason(VerificationStatus s) {
        return switch (s) {
            case REVOKED -> "revoked by its issuer";
            case SUSPENDED -> "suspended by its issuer";
            case NOT_YET_VALID -> "not valid yet";
            case INVALID -> "failed verification";
            case UNVERIFIABLE -> "could not be verified";
            case VALID, EXPIRED -> throw new IllegalStateException("counts: " + s);
        };
    }

    /** The entry for a skill (any reference form {@link dev.microcred.skills.graph.SkillIds#canonical} accepts). */
    public Optional<ProfileSkill> skill(String skillRef) {
        String id = dev.microcred.skills.graph.SkillIds.canonical(skillRef);
        return skills.stream().filter(s -> s.skillId().equals(id)).findFirst();
    }

    /** Proven skills only. */
    public List<ProfileSkill> proven() {
        return skills.stream().filter(s -> s.state() == ProofState.PROVEN).toList();
    }
}
