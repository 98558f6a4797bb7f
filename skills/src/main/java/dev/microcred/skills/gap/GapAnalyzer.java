package dev.microcred.skills.gap;

import dev.microcred.skills.graph.Occupation;
import dev.microcred.skills.graph.Relevance;
import dev.microcred.skills.graph.Requirement;
import dev.microcred.skills.graph.SkillsGraph;
import dev.microcred.skills.profile.Evidence;
import dev.microcred.skills.profile.ProfileSkill;
import dev.microcred.skills.profile.ProofState;
import dev.microcred.skills.profile.SkillsProfile;
import dev.microcred.skills.search.Crosswalk;
import dev.microcred.skills.search.Equivalent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Computes a learner's {@link Gap} toward an ESCO or O*NET occupation. Immutable and thread-safe.
 *
 * <p>Which links count as required, and their weight:
 * <ul>
 *   <li>ESCO: essential skills weigh 1.0, optional ones 0.5; ESCO states no level.</li>
 *   <li>O*NET skills and knowledge: those rated importance ≥ {@value #MIN_IMPORTANCE} (O*NET OnLine's own cut-off for
 *       listing) and not rated "not relevant"; weight = importance / 5; required level = the LV rating rounded.</li>
 *   <li>O*NET technology skills: those in demand (weight 0.6) or hot (0.4); others are not required.</li>
 * </ul>
 * Credit for a requirement: 1 when proven at the required level (or when no level is required or stated); the ratio
 * proven level / required level when below it; halved when the evidence is stale; ×{@value #APPROXIMATE_FACTOR} when
 * the match goes through an approximate ESCO ↔ O*NET correspondence of the {@link Crosswalk}. Closeness = Σ weight ×
 * credit / Σ weight.
 */
public final class GapAnalyzer {
    static final double MIN_IMPORTANCE = 3.0;
    static final double APPROXIMATE_FACTOR = 0.8;
    static final double STALE_FACTOR = 0.5;

    private final SkillsGraph graph;
    private final Crosswalk crosswalk;

    /**
     * @param crosswalk correspondences to the other framework; null to match only skills of the target's framework
     */
    public GapAnalyzer(SkillsGraph graph, Crosswalk crosswalk) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.crosswalk = crosswalk;
    }

    /** The weight of a requirement, or 0 when it does not count as required. */
    public static double weight(Requirement r) {
        return switch (r.relevance()) {
            case ESSENTIAL -> 1.0;
            case OPTIONAL -> 0.5;
            case RATED -> r.importance() >= MIN_IMPORTANCE && !r.flags().notRelevant() ? r.importance() / 5 : 0;
            case TECHNOLOGY -> r.flags().inDemand() ? 0.6 : r.flags().hot() ? 0.4 : 0;
        };
    }

    /** The required level of a requirement (O*NET LV rounded), null when none. */
    public static Integer requiredLevel(Requirement r) {
        return r.relevance() == Relevance.RATED ? (int) Math.round(r.level()) : null;
    }

    /**
     * The gap toward {@code occupationRef}.
     *
     * @throws dev.microcred.core.MicrocredException INVALID_REQUEST "unknown occupation: ..." for an unknown id
     */
    public Gap analyze(String occupationRef, SkillsProfile profile) {
        Objects.requireNonNull(profile, "profile");
        Occupation occupation = graph.requireOccupation(occupationRef);
        List<RequiredSkill> skills = new ArrayList<>();
        for (Requirement r : graph.requirements(occupation.id())) {
            double w = weight(r);
            if (w > 0) skills.add(assess(r, w, profile));
        }
        skills.sort(Comparator.comparingDouble(RequiredSkill::weight).reversed()
            .thenComparing(RequiredSkill::coverage).thenComparing(RequiredSkill::label));
        double total = 0;
        double earned = 0;
        for (RequiredSkill s : skills) {
            total += s.weight();
            earned += s.weight() * s.credit();
        }
        double closeness = total == 0 ? 0 : Math.min(1, earned / total);
        return new Gap(occupation, skills, closeness, explain(occupation, skills, closeness));
    }

    private RequiredSkill assess(Requirement r, double weight, SkillsProfile profile) {
        String label = graph.requireSkill(r.skillId()).label();
        Integer need = requiredLevel(r);
        RequiredSkill best = missing(r, label, need, weight);
        var direct = profile.skill(r.skillId());
        if (direct.isPresent()) best = better(best, matched(r, label, need, weight, direct.get(), false));
        if (crosswalk != null && (direct.isEmpty() || best.credit() < 1)) {
            for (Equivalent e : crosswalk.equivalents(r.skillId())) {
                var other = profile.skill(e.skillId());
                if (other.isPresent()) best = better(best, matched(r, label, need, weight, other.get(), true));
            }
        }
        return best;
    }

    private static RequiredSkill missing(Requirement r, String label, Integer need, double weight) {
        return new RequiredSkill(r.skillId(), label, r.relevance(), r.importance(), need, weight, Coverage.MISSING,
            null, false, 0, null, false, List.of());
    }

    private static RequiredSkill matched(Requirement r, String label, Integer need, double weight, ProfileSkill have,
                                         boolean approximate) {
        Integer level = have.level();
        boolean met = need == null || level == null || level >= need;
        double credit = met ? 1 : need == 0 ? 1 : (double) level / need;
        if (have.state() == ProofState.STALE) credit *= STALE_FACTOR;
        if (approximate) credit *= APPROXIMATE_FACTOR;
        Coverage coverage = have.state() == ProofState.PROVEN ? Coverage.PROVEN : Coverage.STALE;
        return new RequiredSkill(r.skillId(), label, r.relevance(), r.importance(), need, weight, coverage, level, met,
            credit, have.skillId(), approximate, have.decisive().stream().map(Evidence::credentialId).toList());
    }

    private static RequiredSkill better(RequiredSkill a, RequiredSkill b) {
        return b.credit() > a.credit() ? b : a;
    }

    private static String explain(Occupation o, List<RequiredSkill> skills, double closeness) {
        if (skills.isEmpty()) {
            return String.format(Locale.ROOT, "%s (%s) lists no required skills in %s, so no gap can be computed.",
                o.label(), o.code(), o.framework());
        }
        long proven = skills.stream().filter(s -> s.coverage() == Coverage.PROVEN).count();
        long below = skills.stream().filter(s -> s.coverage() == Coverage.PROVEN && !s.levelMet()).count();
        long stale = skills.stream().filter(s -> s.coverage() == Coverage.STALE).count();
        long missing = skills.stream().filter(s -> s.coverage() == Coverage.MISSING).count();
        long approx = skills.stream().filter(RequiredSkill::approximate).count();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
            "%.0f%% of the way to %s: %d of %d required skills proven", closeness * 100, o.label(), proven,
            skills.size()));
        if (below > 0) b.append(String.format(Locale.ROOT, " (%d below the required level)", below));
        b.append(String.format(Locale.ROOT, ", %d stale (expired credentials only), %d missing.", stale, missing));
        long essential = skills.stream().filter(s -> s.relevance() == Relevance.ESSENTIAL).count();
        if (essential > 0) {
            long essentialProven = skills.stream()
                .filter(s -> s.relevance() == Relevance.ESSENTIAL && s.coverage() == Coverage.PROVEN).count();
            b.append(String.format(Locale.ROOT, " Essential skills: %d of %d proven.", essentialProven, essential));
        }
        if (approx > 0) {
            b.append(String.format(Locale.ROOT,
                " %d match(es) rely on approximate correspondences between ESCO and O*NET labels.", approx));
        }
        if (missing == 0 && stale == 0 && below == 0) b.append(" Goal met.");
        return b.toString();
    }
}
