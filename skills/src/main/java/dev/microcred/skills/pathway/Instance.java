package dev.microcred.skills.pathway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One planning problem, reduced to arrays: the needs still open after held achievements, the achievements that can
 * help ("universe": every achievement covering an open need, plus its prerequisites not already held), their costs,
 * prerequisite closures and the needs they cover. Local indices throughout. Not thread-safe; one per plan.
 */
final class Instance {
    final Catalogue catalogue;
    final CostMeasure measure;
    /** open needs */
    final List<SkillNeed> needs = new ArrayList<>();
    /** needs already covered by a held achievement → its id */
    final Map<String, String> coveredByHeld = new LinkedHashMap<>();
    /** needs nothing in the catalogue covers (at the level, with a stated cost) */
    final List<String> uncoverable = new ArrayList<>();
    /** held achievements (catalogue indices) */
    final boolean[] held;

    int size;
    int[] global;
    double[] cost;
    int[][] closure;
    int[][] covers;
    int[][] coverers;
    /** number of universe members covering at least one need */
    int candidates;

    private Instance(Catalogue catalogue, CostMeasure measure) {
        this.catalogue = catalogue;
        this.measure = measure;
        this.held = new boolean[catalogue.size()];
    }

    static Instance of(Catalogue catalogue, PathwayRequest request) {
        Instance in = new Instance(catalogue, request.measure());
        for (String h : request.held()) {
            int i = catalogue.indexOf(h);
            if (i >= 0) in.held[i] = true;
        }
        in.build(request);
        return in;
    }

    private void build(PathwayRequest request) {
        Map<String, SkillNeed> merged = new LinkedHashMap<>();
        for (SkillNeed n : request.gap()) {
            merged.merge(n.skillId(), n, (a, b) -> a.minLevel() == null ? b
                : b.minLevel() == null ? a : a.minLevel() >= b.minLevel() ? a : b);
        }
        Map<Integer, Integer> local = new HashMap<>();
        List<Integer> order = new ArrayList<>();
        List<int[]> closures = new ArrayList<>();
        List<List<Integer>> coverersOf = new ArrayList<>();
        for (SkillNeed need : merged.values()) {
            String heldBy = null;
            List<Integer> usable = new ArrayList<>();
            for (int a : catalogue.teaching(need.skillId())) {
                if (!catalogue.get(a).teaches(need)) continue;
                if (held[a]) {
                    heldBy = catalogue.get(a).id();
                    break;
                }
                int[] cl = globalClosure(a);
                if (cl != null) usable.add(a);
            }
            if (heldBy != null) {
                coveredByHeld.put(need.skillId(), heldBy);
            } else if (usable.isEmpty()) {
                uncoverable.add(need.skillId());
            } else {
                needs.add(need);
                List<Integer> c = new ArrayList<>();
                for (int a : usable) {
                    c.add(localOf(a, local, order, closures));
                }
                coverersOf.add(c);
            }
        }
        // every candidate is in the universe; add the rest of each closure
        for (int i = 0; i < order.size(); i++) {
            for (int g : closures.get(i)) localOf(g, local, order, closures);
        }
        size = order.size();
        global = order.stream().mapToInt(Integer::intValue).toArray();
        cost = new double[size];
        closure = new int[size][];
        for (int i = 0; i < size; i++) {
            cost[i] = measure.of(catalogue.get(global[i]));
            closure[i] = Arrays.stream(closures.get(i)).map(local::get).toArray();
        }
        coverers = new int[needs.size()][];
        List<List<Integer>> coversOf = new ArrayList<>();
        for (int i = 0; i < size; i++) coversOf.add(new ArrayList<>());
        for (int n = 0; n < needs.size(); n++) {
            coverers[n] = coverersOf.get(n).stream().mapToInt(Integer::intValue).distinct().toArray();
            for (int a : coverers[n]) coversOf.get(a).add(n);
        }
        covers = new int[size][];
        for (int i = 0; i < size; i++) {
            covers[i] = coversOf.get(i).stream().mapToInt(Integer::intValue).toArray();
            if (covers[i].length > 0) candidates++;
        }
    }

    private int localOf(int g, Map<Integer, Integer> local, List<Integer> order, List<int[]> closures) {
        Integer l = local.get(g);
        if (l != null) return l;
        l = order.size();
        local.put(g, l);
        order.add(g);
        closures.add(globalClosure(g));
        return l;
    }

    private final Map<Integer, int[]> closureCache = new HashMap<>();

    /**
     * {@code a} and its transitive prerequisites, stopping at held ones (a held achievement needs nothing more); null
     * when one of them has no stated cost for the measure.
     */
    private int[] globalClosure(int a) {
        if (closureCache.containsKey(a)) return closureCache.get(a);
        List<Integer> out = new ArrayList<>();
        Map<Integer, Boolean> visited = new HashMap<>();
        List<Integer> stack = new ArrayList<>(List.of(a));
        visited.put(a, true);
        boolean ok = true;
        while (!stack.isEmpty()) {
            int v = stack.remove(stack.size() - 1);
            if (Double.isNaN(measure.of(catalogue.get(v)))) ok = false;
            out.add(v);
            for (int p : catalogue.prerequisites(v)) {
                if (!held[p] && visited.put(p, true) == null) stack.add(p);
            }
        }
        int[] result = ok ? out.stream().mapToInt(Integer::intValue).toArray() : null;
        closureCache.put(a, result);
        return result;
    }

    /** Cost of a closed selection. */
    double cost(boolean[] selected) {
        double c = 0;
        for (int i = 0; i < size; i++) if (selected[i]) c += cost[i];
        return c;
    }

    /** Whether a selection covers every open need and contains the closure of each member. */
    boolean feasible(boolean[] selected) {
        for (int n = 0; n < coverers.length; n++) {
            boolean ok = false;
            for (int a : coverers[n]) ok |= selected[a];
            if (!ok) return false;
        }
        for (int i = 0; i < size; i++) {
            if (selected[i]) for (int m : closure[i]) if (!selected[m]) return false;
        }
        return true;
    }
}
