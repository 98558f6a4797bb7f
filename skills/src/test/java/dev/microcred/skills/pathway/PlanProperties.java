package dev.microcred.skills.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.microcred.skills.profile.Credibility;
import dev.microcred.skills.profile.Levels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Laws of the planner on random small instances, checked against brute force. */
class PlanProperties {
    record Case(Catalogue catalogue, PathwayRequest request) {
    }

    /** Up to 11 achievements over 7 skills, prerequisites to earlier achievements only, random levels and held set. */
    static Case randomCase(long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(11);
        List<CatalogueAchievement> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<TaughtSkill> skills = new ArrayList<>();
            int k = r.nextInt(4);
            for (int j = 0; j < k; j++) {
                skills.add(new TaughtSkill("s" + r.nextInt(7), r.nextInt(3) == 0 ? null : 1 + r.nextInt(5)));
            }
            List<String> pre = new ArrayList<>();
            for (int j = 0; j < i; j++) if (r.nextInt(5) == 0) pre.add("a" + j);
            double hours = 1 + r.nextInt(20);
            double cost = r.nextInt(8) == 0 ? Double.NaN : r.nextInt(300);
            list.add(new CatalogueAchievement("a" + i, "A" + i, "i", skills, hours, cost, pre,
                new Credibility(r.nextBoolean(), r.nextBoolean())));
        }
        List<SkillNeed> gap = new ArrayList<>();
        for (int s = 0; s < 7; s++) {
            if (r.nextInt(3) > 0) gap.add(new SkillNeed("s" + s, r.nextInt(3) == 0 ? 1 + r.nextInt(5) : null));
        }
        Set<String> held = new HashSet<>();
        for (int i = 0; i < n; i++) if (r.nextInt(6) == 0) held.add("a" + i);
        return new Case(Catalogue.of(list),
            new PathwayRequest(gap, held, r.nextBoolean() ? CostMeasure.WORKLOAD_HOURS : CostMeasure.COST));
    }

    /** The optimum by enumerating every subset of non-held achievements; NaN when no subset is feasible. */
    static double bruteForce(Case c) {
        List<CatalogueAchievement> all = c.catalogue().achievements();
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) if (!c.request().held().contains(all.get(i).id())) free.add(i);
        List<SkillNeed> open = new ArrayList<>();
        for (SkillNeed need : c.request().gap()) {
            boolean byHeld = all.stream().anyMatch(a -> c.request().held().contains(a.id()) && teaches(a, need));
            boolean coverable = free.stream().anyMatch(i -> teaches(all.get(i), need)
                && closureStated(c, all.get(i)));
            if (!byHeld && coverable) open.add(need);
        }
        double best = Double.NaN;
        for (int mask = 0; mask < 1 << free.size(); mask++) {
            Set<String> chosen = new HashSet<>();
            double cost = 0;
            for (int b = 0; b < free.size(); b++) {
                if ((mask >> b & 1) == 1) {
                    CatalogueAchievement a = all.get(free.get(b));
                    chosen.add(a.id());
                    cost += c.request().measure().of(a);
                }
            }
            if (Double.isNaN(cost)) continue;
            boolean closed = chosen.stream().allMatch(id -> c.catalogue().achievement(id).orElseThrow().prerequisites()
                .stream().allMatch(p -> chosen.contains(p) || c.request().held().contains(p)));
            boolean covers = open.stream().allMatch(need -> chosen.stream()
                .anyMatch(id -> teaches(c.catalogue().achievement(id).orElseThrow(), need)));
            if (closed && covers && (Double.isNaN(best) || cost < best)) best = cost;
        }
        return best;
    }

    private static boolean closureStated(Case c, CatalogueAchievement a) {
        if (Double.isNaN(c.request().measure().of(a))) return false;
        for (String p : a.prerequisites()) {
            if (c.request().held().contains(p)) continue;
            if (!closureStated(c, c.catalogue().achievement(p).orElseThrow())) return false;
        }
        return true;
    }

    private static boolean teaches(CatalogueAchievement a, SkillNeed need) {
        return a.skills().stream().anyMatch(t -> t.skillId().equals(need.skillId())
            && Levels.meets(t.level(), need.minLevel()));
    }

    /** Steps in prerequisite order, every coverable need covered, the plan's cost the sum of its steps. */
    static void assertValid(Catalogue catalogue, PathwayRequest request, Plan plan) {
        Set<String> before = new HashSet<>(request.held());
        Map<String, PlanStep> byId = new HashMap<>();
        double sum = 0;
        for (PlanStep s : plan.steps()) {
            CatalogueAchievement a = catalogue.achievement(s.achievementId()).orElseThrow();
            if (!s.held()) {
                assertThat(before).as("prerequisites of %s come first", a.id()).containsAll(a.prerequisites());
                sum += s.cost();
            }
            before.add(a.id());
            byId.put(a.id(), s);
        }
        assertThat(plan.totalCost()).isCloseTo(sum, within(1e-6));
        for (SkillNeed need : request.gap()) {
            if (plan.uncoverable().contains(need.skillId())) continue;
            boolean covered = before.stream().anyMatch(id -> catalogue.achievement(id).map(a -> teaches(a, need))
                .orElse(false));
            assertThat(covered).as("need %s covered", need).isTrue();
        }
    }

    @Property(tries = 300)
    void exactSearchFindsTheBruteForceOptimum(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Case c = randomCase(seed);
        Plan exact = new PathwayPlanner(c.catalogue()).planExact(c.request());
        double optimum = bruteForce(c);
        assertThat(exact.optimal()).isTrue();
        assertThat(exact.totalCost()).isCloseTo(Double.isNaN(optimum) ? 0 : optimum, within(1e-6));
        assertValid(c.catalogue(), c.request(), exact);
    }

    @Property(tries = 300)
    void greedyIsNeverBetterThanOptimalAndStaysWithinItsBound(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Case c = randomCase(seed);
        Plan greedy = new PathwayPlanner(c.catalogue()).planGreedy(c.request());
        double optimum = bruteForce(c);
        double opt = Double.isNaN(optimum) ? 0 : optimum;
        assertThat(greedy.totalCost()).isGreaterThanOrEqualTo(opt - 1e-6);
        assertThat(greedy.lowerBound()).isLessThanOrEqualTo(opt + 1e-6);
        if (!Double.isInfinite(greedy.maxAboveOptimal())) {
            assertThat(greedy.totalCost()).isLessThanOrEqualTo(opt * (1 + greedy.maxAboveOptimal()) + 1e-6);
        }
        assertValid(c.catalogue(), c.request(), greedy);
    }
}
