package dev.microcred.skills.portfolio;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.skills.pathway.Catalogue;
import dev.microcred.skills.pathway.CatalogueAchievement;
import dev.microcred.skills.profile.Alignment;
import dev.microcred.skills.profile.Credibility;
import dev.microcred.skills.profile.ProfileSkill;
import dev.microcred.skills.profile.SkillsProfile;
import dev.microcred.skills.profile.VerificationStatus;
import dev.microcred.skills.profile.VerifiedCredential;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Portfolio advice from verified credentials. Pure given its {@link Clock}; immutable and thread-safe.
 *
 * <p>Rules: breadth = distinct proven skills; a skill is deep at level ≥ 5 or with ≥ 2 valid proofs; "broad but
 * shallow" when at least 8 skills are proven and fewer than a quarter are deep, "deep but narrow" when fewer than 4 are
 * proven and at least half are deep. Fresh = latest proof under {@value #FRESH_DAYS} days old. Renewal path for an
 * expiring credential: the same achievement if the catalogue offers it, else the catalogue achievement teaching most of
 * its skills (least workload on ties), else "ask the issuer".
 */
public final class PortfolioAdvisor {
    /** Age under which a proof counts as fresh, in days (2 years). */
    public static final int FRESH_DAYS = 730;

    private final Clock clock;
    private final Catalogue catalogue;

    /** @param catalogue where renewal paths are looked up; may be empty, never null */
    public PortfolioAdvisor(Clock clock, Catalogue catalogue) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /**
     * @param withinDays expiry window, 0..3650
     * @throws MicrocredException {@link Problem#INVALID_REQUEST} for a window out of range
     */
    public PortfolioAdvice advise(List<VerifiedCredential> credentials, int withinDays) {
        if (withinDays < 0 || withinDays > 3650) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "expiry window must be 0..3650 days, was " + withinDays);
        }
        Instant now = clock.instant();
        SkillsProfile profile = SkillsProfile.of(credentials);
        List<ProfileSkill> proven = profile.proven();
        int breadth = proven.size();
        double levels = 0;
        int withLevel = 0;
        int deep = 0;
        int fresh = 0;
        for (ProfileSkill s : proven) {
            if (s.level() != null) {
                levels += s.level();
                withLevel++;
            }
            if ((s.level() != null && s.level() >= 5) || s.decisive().size() >= 2) deep++;
            if (Duration.between(s.lastIssued(), now).toDays() < FRESH_DAYS) fresh++;
        }
        double depth = withLevel == 0 ? 0 : levels / withLevel;
        double freshness = breadth == 0 ? 1 : (double) fresh / breadth;

        List<Expiring> expiring = new ArrayList<>();
        for (VerifiedCredential c : credentials) {
            if (c.status() != VerificationStatus.VALID || c.validUntil() == null) continue;
            long days = Duration.between(now, c.validUntil()).toDays();
            if (!c.validUntil().isBefore(now) && days <= withinDays) {
                expiring.add(new Expiring(c.credentialId(), c.achievementId(), c.validUntil(), days, renewal(c)));
            }
        }
        expiring.sort(Comparator.comparing(Expiring::validUntil).thenComparing(Expiring::credentialId));

        Map<String, Credibility> best = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (VerifiedCredential c : credentials) {
            if (c.status() != VerificationStatus.VALID) continue;
            best.merge(c.issuerId(), c.credibility(), (a, b) -> a.rank() >= b.rank() ? a : b);
            counts.merge(c.issuerId(), 1, Integer::sum);
        }
        List<Provider> providers = new ArrayList<>();
        best.forEach((issuer, cred) -> providers.add(new Provider(issuer, cred, counts.get(issuer))));
        providers.sort(Comparator.comparingInt((Provider p) -> -p.credibility().rank())
            .thenComparingInt(p -> -p.credentials()).thenComparing(Provider::issuerId));

        List<String> advice = new ArrayList<>();
        for (Expiring e : expiring) {
            advice.add(String.format(Locale.ROOT, "Credential %s expires in %d day%s: %s.", e.credentialId(),
                e.daysLeft(), e.daysLeft() == 1 ? "" : "s", e.renewal()));
        }
        long stale = profile.skills().size() - breadth;
        if (stale > 0) {
            advice.add(String.format(Locale.ROOT, "%d skill%s only proven by expired credentials: renew them to count "
                + "again.", stale, stale == 1 ? " is" : "s are"));
        }
        if (breadth == 0) {
            advice.add("No skill is proven yet: earn a first credential aligned to a skill framework.");
        } else if (breadth >= 8 && deep * 4 < breadth) {
            advice.add(String.format(Locale.ROOT, "Broad but shallow: %d skills proven, %d in depth. Deepen the skills "
                + "your goal needs most (level 5+ or a second proof).", breadth, deep));
        } else if (breadth < 4 && deep * 2 >= breadth) {
            advice.add(String.format(Locale.ROOT, "Deep but narrow: %d skill%s proven. Broaden toward adjacent skills.",
                breadth, breadth == 1 ? "" : "s"));
        }
        if (breadth > 0 && freshness < 0.5) {
            advice.add(String.format(Locale.ROOT, "Only %.0f%% of your proven skills were proven in the last two years: "
                + "refresh the older ones.", freshness * 100));
        }
        long uncredible = providers.stream().filter(p -> p.credibility().rank() == 0).count();
        if (!providers.isEmpty() && uncredible == providers.size()) {
            advice.add("None of your issuers is accredited or endorsed: prefer accredited providers for your next "
                + "credentials.");
        }
        return new PortfolioAdvice(breadth, depth, deep, freshness, expiring, providers, advice);
    }

    private String renewal(VerifiedCredential c) {
        if (catalogue.achievement(c.achievementId()).isPresent()) {
            return "renew by earning " + c.achievementId() + " again";
        }
        Set<String> skills = new HashSet<>();
        for (Alignment a : c.alignments()) skills.add(a.skillId());
        Optional<CatalogueAchievement> alternative = catalogue.achievements().stream()
            .filter(a -> a.skills().stream().anyMatch(t -> skills.contains(t.skillId())))
            .max(Comparator.comparingLong((CatalogueAchievement a) -> a.skills().stream()
                    .filter(t -> skills.contains(t.skillId())).count())
                .thenComparingInt(a -> a.credibility().rank())
                .thenComparing(Comparator.comparingDouble(CatalogueAchievement::workloadHours).reversed()));
        return alternative.map(a -> "renew through " + a.id() + " (" + a.name() + ")")
            .orElse("ask the issuer " + c.issuerId() + " how to renew");
    }
}
