package dev.microcred.skills.pathway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Plans a learning pathway over a {@link Catalogue}: the set of achievements of least total workload (or cost) that
 * covers every coverable gap skill, closed under prerequisites (taking an achievement drags in its prerequisites not
 * held), ordered topologically, each step with its reason and alternatives.
 *
 * <p>Method: with at most {@value #EXACT_LIMIT} candidate achievements (those teaching an open gap skill), an exact
 * branch and bound ({@code ExactSearch}) seeded with the greedy plan; above that, the greedy cost-effectiveness
 * heuristic ({@code GreedySearch}) whose result is reported with a lower bound ({@code LowerBound}) so the plan says
 * "at most X% above optimal". Immutable and thread-safe.
 */
public final class PathwayPlanner {
    /** Largest number of candidate achievements solved exactly by {@link #plan}. */
    public static final int EXACT_LIMIT = 25;
    private static final int ALTERNATIVES = 3;

    private final Catalogue catalogue;

    public PathwayPlanner(Catalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /** The plan: exact for small instances, greedy with a bound otherwise. */
    public Plan plan(PathwayRequest request) {
        Instance in = Instance.of(catalogue, request);
        return in.candidates <= EXACT_LIMIT ? exact(in) : greedy(in);
    }

    /** The greedy plan with its bound, whatever the size (evaluation, comparison). */
    public Plan planGreedy(PathwayRequest request) {
        return greedy(Instance.of(catalogue, request));
    }

    /**
     * The exact plan whatever the size; stops after {@code ExactSearch.NODE_BUDGET} nodes and then reports the best plan
     * found with {@code optimal = false}.
     */
    public Plan planExact(PathwayRequest request) {
        return exact(Instance.of(catalogue, request));
    }

    private Plan greedy(Instance in) {
        boolean[] sel = GreedySearch.solve(in);
        double cost = in.cost(sel);
        double lb = Math.min(LowerBound.of(in), cost);
        return assemble(in, sel, cost, lb, cost <= lb + 1e-9, "greedy with lower bound");
    }

    private Plan exact(Instance in) {
        boolean[] greedy = GreedySearch.solve(in);
        ExactSearch.Result r = ExactSearch.solve(in, greedy);
        double lb = r.optimal() ? r.cost() : Math.min(LowerBound.of(in), r.cost());
        return assemble(in, r.selected(), r.cost(), lb, r.optimal() || r.cost() <= lb + 1e-9,
            r.optimal() ? "exact branch and bound" : "branch and bound (node budget reached)");
    }

    private Plan assemble(Instance in, boolean[] sel, double cost, double lb, boolean optimal, String method) {
        // plan nodes: selected members and the held achievements they directly require
        Set<Integer> nodes = new LinkedHashSet<>();
        Map<Integer, Integer> localOf = new HashMap<>();
        for (int i = 0; i < in.size; i++) {
            if (sel[i]) {
                nodes.add(in.global[i]);
                localOf.put(in.global[i], i);
            }
        }
        for (int i = 0; i < in.size; i++) {
            if (!sel[i]) continue;
            for (int p : catalogue.prerequisites(in.global[i])) if (in.held[p]) nodes.add(p);
        }
        Map<Integer, List<Integer>> dependents = new HashMap<>();
        Map<Integer, Integer> indegree = new HashMap<>();
        for (int v : nodes) {
            indegree.putIfAbsent(v, 0);
            for (int p : catalogue.prerequisites(v)) {
                if (!nodes.contains(p)) continue;
                dependents.computeIfAbsent(p, k -> new ArrayList<>()).add(v);
                indegree.merge(v, 1, Integer::sum);
            }
        }
        Comparator<Integer> priority = Comparator.comparing((Integer v) -> !in.held[v])
            .thenComparing(v -> -coversOf(in, localOf.get(v)).size()).thenComparingInt(v -> v);
        PriorityQueue<Integer> ready = new PriorityQueue<>(priority);
        indegree.forEach((v, d) -> {
            if (d == 0) ready.add(v);
        });
        List<Integer> ordered = new ArrayList<>();
        while (!ready.isEmpty()) {
            int v = ready.poll();
            ordered.add(v);
            for (int d : dependents.getOrDefault(v, List.of())) {
                if (indegree.merge(d, -1, Integer::sum) == 0) ready.add(d);
            }
        }
        List<PlanStep> steps = new ArrayList<>();
        double heldCost = 0;
        for (int v : ordered) {
            CatalogueAchievement a = catalogue.get(v);
            Integer local = localOf.get(v);
            List<String> covers = coversOf(in, local);
            List<String> prerequisiteOf = dependents.getOrDefault(v, List.of()).stream()
                .map(d -> catalogue.get(d).id()).toList();
            double c = in.held[v] ? 0 : in.cost[local];
            if (in.held[v]) {
                double h = in.measure.of(a);
                heldCost += Double.isNaN(h) ? 0 : h;
            }
            steps.add(new PlanStep(steps.size() + 1, a.id(), a.name(), a.issuerId(), c, in.held[v], covers,
                prerequisiteOf, reason(in.held[v], covers, prerequisiteOf),
                local == null || covers.isEmpty() ? List.of() : alternatives(in, sel, local)));
        }
        Set<String> asked = new LinkedHashSet<>();
        // distinct gap skills asked = open + held-covered + uncoverable
        for (SkillNeed n : in.needs) asked.add(n.skillId());
        asked.addAll(in.coveredByHeld.keySet());
        asked.addAll(in.uncoverable);
        Progress progress = new Progress(asked.size(), in.coveredByHeld.size(), in.uncoverable.size(), heldCost, cost);
        double above = optimal ? 0 : lb > 0 ? cost / lb - 1 : Double.POSITIVE_INFINITY;
        return new Plan(steps, in.uncoverable, in.measure, cost, optimal ? cost : lb, optimal, above, method, progress,
            explain(in, steps, cost, lb, optimal, above, asked.size()));
    }

    private static List<String> coversOf(Instance in, Integer local) {
        if (local == null) return List.of();
        List<String> out = new ArrayList<>();
        for (int n : in.covers[local]) out.add(in.needs.get(n).skillId());
        return out;
    }

    private List<Alternative> alternatives(Instance in, boolean[] sel, int step) {
        Set<Integer> mine = new HashSet<>();
        for (int n : in.covers[step]) mine.add(n);
        record Option(int a, List<String> covers, double cost, int rank) {
        }
        List<Option> options = new ArrayList<>();
        for (int a = 0; a < in.size; a++) {
            if (sel[a] || a == step) continue;
            List<String> covers = new ArrayList<>();
            for (int n : in.covers[a]) if (mine.contains(n)) covers.add(in.needs.get(n).skillId());
            if (covers.isEmpty()) continue;
            double c = 0;
            for (int m : in.closure[a]) if (!sel[m]) c += in.cost[m];
            options.add(new Option(a, covers, c, catalogue.get(in.global[a]).credibility().rank()));
        }
        options.sort(Comparator.comparingInt((Option o) -> -o.covers().size()).thenComparingDouble(Option::cost)
            .thenComparingInt(o -> -o.rank()).thenComparingInt(Option::a));
        List<Alternative> out = new ArrayList<>();
        for (Option o : options.subList(0, Math.min(ALTERNATIVES, options.size()))) {
            CatalogueAchievement a = catalogue.get(in.global[o.a()]);
            out.add(new Alternative(a.id(), a.name(), o.cost(), o.covers()));
        }
        return out;
    }

    private static String reason(boolean held, List<String> covers, List<String> prerequisiteOf) {
        String pre = prerequisiteOf.isEmpty() ? "" : "prerequisite of " + String.join(", ", prerequisiteOf);
        if (held) return "already earned" + (pre.isEmpty() ? "" : "; " + pre);
        if (covers.isEmpty()) return pre;
        String s = "covers " + covers.size() + " gap skill" + (covers.size() == 1 ? "" : "s") + ": "
            + String.join(", ", covers);
        return pre.isEmpty() ? s : s + "; also " + pre;
    }

    /** At most {@code max} items, then how many more (the full list is {@code Plan.uncoverable()}). */
    private static String listed(java.util.Collection<String> items, int max) {
        List<String> all = List.copyOf(items);
        if (all.size() <= max) {
            return String.join(", ", all);
        }
        return String.join(", ", all.subList(0, max)) + " and " + (all.size() - max) + " more";
    }

    private static String explain(Instance in, List<PlanStep> steps, double cost, double lb, boolean optimal,
                                  double above, int asked) {
        String unit = in.measure == CostMeasure.WORKLOAD_HOURS ? "hours" : "in cost";
        String uncoverable = in.uncoverable.isEmpty() ? "" : String.format(Locale.ROOT,
            " %d gap skill%s taught by nothing in the catalogue: %s.", in.uncoverable.size(),
            in.uncoverable.size() == 1 ? " is" : "s are", listed(in.uncoverable, 5));
        if (asked == 0) return "Goal already met: there are no skills to acquire.";
        if (in.needs.isEmpty()) {
            if (in.uncoverable.isEmpty()) {
                return "Goal already met: the achievements you hold cover every skill of the gap.";
            }
            return "Nothing in the catalogue can close the rest of the gap." + uncoverable;
        }
        long todo = steps.stream().filter(s -> !s.held()).count();
        String head = String.format(Locale.ROOT, "%d achievement%s, %s %s in total, cover the %d open gap skill%s.",
            todo, todo == 1 ? "" : "s", number(cost), unit, in.needs.size(), in.needs.size() == 1 ? "" : "s");
        String quality = optimal
            ? String.format(Locale.ROOT, " This is the least total possible (exact search over %d candidate achievements).",
                in.candidates)
            : Double.isInfinite(above)
                ? " Computed greedily; no useful lower bound is available."
                : String.format(Locale.ROOT, " Computed greedily over %d candidate achievements: at most %.0f%% above "
                    + "the least possible (lower bound %s).", in.candidates, Math.ceil(above * 100), number(lb));
        return head + quality + uncoverable;
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
