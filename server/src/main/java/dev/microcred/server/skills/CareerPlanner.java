package dev.microcred.server.skills;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.skills.gap.Coverage;
import dev.microcred.skills.gap.Gap;
import dev.microcred.skills.gap.RequiredSkill;
import dev.microcred.skills.graph.Relevance;
import dev.microcred.skills.pathway.CostMeasure;
import dev.microcred.skills.pathway.PathwayPlanner;
import dev.microcred.skills.pathway.PathwayRequest;
import dev.microcred.skills.pathway.Plan;
import dev.microcred.skills.pathway.SkillNeed;
import dev.microcred.skills.profile.SkillsProfile;
import dev.microcred.skills.profile.VerificationStatus;
import dev.microcred.skills.profile.VerifiedCredential;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * From presented credentials to a skills profile, a gap toward an occupation and a learning pathway over what this
 * instance offers. The gap's needs are the required skills not proven at their level (missing, stale, or proven
 * below the level O*NET states), ESCO optional skills only when asked for; the learner holds the achievements of
 * their valid credentials. Thread-safe.
 */
public final class CareerPlanner {
    private final CredentialReader reader;
    private final Catalogues catalogues;
    private final TaxonomyLoader taxonomy;

    public CareerPlanner(CredentialReader reader, Catalogues catalogues, TaxonomyLoader taxonomy) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.catalogues = Objects.requireNonNull(catalogues, "catalogues");
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
    }

    /** What to minimise, from the API's {@code objective}: {@code workload} (default) or {@code cost}. */
    public static CostMeasure objective(String value) {
        if (value == null || value.isBlank() || value.equals("workload")) {
            return CostMeasure.WORKLOAD_HOURS;
        }
        if (value.equals("cost")) {
            return CostMeasure.COST;
        }
        throw new MicrocredException(Problem.INVALID_REQUEST, "objective must be \"workload\" or \"cost\"");
    }

    /** The profile only; at least one credential is required. */
    public Analysis profile(ObjectNode body) {
        Taxonomy t = taxonomy.require();
        return profile(reader.read(body, true, t.graph()));
    }

    /** The profile of credentials already verified (may be none). */
    public Analysis profile(List<PresentedCredential> presented) {
        SkillsProfile profile = SkillsProfile.of(verified(presented));
        return new Analysis(presented, profile, null, null, Map.of(), note(presented, profile));
    }

    /**
     * The gap toward {@code occupation} and, when {@code measure} is not null, the plan.
     *
     * @throws MicrocredException {@code INVALID_REQUEST} for a missing or unknown occupation
     */
    public Analysis analyse(ObjectNode body, String occupation, CostMeasure measure, boolean includeOptional) {
        Taxonomy t = taxonomy.require();
        if (occupation == null || occupation.isBlank()) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "occupation is required: an ESCO occupation URI or an O*NET-SOC code such as 15-1252.00");
        }
        t.graph().occupation(occupation).orElseThrow(() -> new MicrocredException(Problem.INVALID_REQUEST,
                "unknown occupation: " + Catalogues.quote(occupation) + " (an ESCO occupation URI or an O*NET-SOC code;"
                        + " find one with GET /api/skills/search?kind=occupation&q=...)"));
        return analyse(reader.read(body, false, t.graph()), occupation, measure, includeOptional);
    }

    /**
     * The gap toward {@code occupation} (a known occupation id) from credentials already verified, such as a
     * learner's wallet, and, when {@code measure} is not null, the plan.
     */
    public Analysis analyse(List<PresentedCredential> presented, String occupation, CostMeasure measure,
                            boolean includeOptional) {
        Taxonomy t = taxonomy.require();
        SkillsProfile profile = SkillsProfile.of(verified(presented));
        Gap gap = t.gaps().analyze(occupation, profile);
        if (measure == null) {
            return new Analysis(presented, profile, gap, null, Map.of(), note(presented, profile));
        }
        List<Offering> offered = catalogues.offered();
        Map<String, Offering> byId = new LinkedHashMap<>();
        offered.forEach(o -> byId.put(o.achievement().id(), o));
        Set<String> held = new HashSet<>();
        for (PresentedCredential p : presented) {
            if (p.verified().status() == VerificationStatus.VALID && !p.verified().achievementId().isEmpty()) {
                held.add(p.verified().achievementId());
            }
        }
        Plan plan = new PathwayPlanner(Catalogues.catalogue(offered))
                .plan(new PathwayRequest(needs(gap, includeOptional), held, measure));
        return new Analysis(presented, profile, gap, plan, byId, note(presented, profile));
    }

    /** The skills to acquire: required skills not proven at their level. */
    public static List<SkillNeed> needs(Gap gap, boolean includeOptional) {
        List<SkillNeed> out = new ArrayList<>();
        for (RequiredSkill s : gap.skills()) {
            if (s.coverage() == Coverage.PROVEN && s.levelMet()) {
                continue;
            }
            if (s.relevance() == Relevance.OPTIONAL && !includeOptional) {
                continue;
            }
            out.add(new SkillNeed(s.skillId(), s.requiredLevel()));
        }
        return out;
    }

    private static List<VerifiedCredential> verified(List<PresentedCredential> presented) {
        return presented.stream().map(PresentedCredential::verified).toList();
    }

    static String note(List<PresentedCredential> presented, SkillsProfile profile) {
        if (presented.isEmpty()) {
            return "No credentials were presented: every required skill counts as missing.";
        }
        if (profile.skills().isEmpty()) {
            return String.format(Locale.ROOT, "None of the %d credential%s presented proves a skill now: %s.",
                    presented.size(), presented.size() == 1 ? "" : "s", String.join("; ", profile.ignored().stream()
                            .map(i -> i.credentialId() + " " + i.reason()).toList()));
        }
        long proven = profile.proven().size();
        long stale = profile.skills().size() - proven;
        return String.format(Locale.ROOT, "%d skill%s proven by valid credentials, %d stale (expired credentials"
                + " only), %d of %d credential%s not counted.", proven, proven == 1 ? "" : "s", stale,
                profile.ignored().size(), presented.size(), presented.size() == 1 ? "" : "s");
    }
}
