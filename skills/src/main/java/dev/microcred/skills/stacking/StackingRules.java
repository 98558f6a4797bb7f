package dev.microcred.skills.stacking;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A validated set of stackable pathways: unique pathway ids, no cycle among milestones (a milestone may be a component
 * of another pathway, never — transitively — of its own). Immutable and thread-safe.
 */
public final class StackingRules {
    private final List<StackablePathway> pathways;

    private StackingRules(List<StackablePathway> pathways) {
        this.pathways = pathways;
    }

    /**
     * @throws MicrocredException {@link Problem#INVALID_REQUEST} on a duplicate pathway id or a cycle, named as
     *                            "milestone cycle: D -> E -> D" (D stacks from E)
     */
    public static StackingRules of(List<StackablePathway> pathways) {
        List<StackablePathway> list = List.copyOf(pathways);
        Set<String> ids = new HashSet<>();
        Map<String, Set<String>> needs = new HashMap<>();
        for (StackablePathway p : list) {
            if (!ids.add(p.id())) throw new MicrocredException(Problem.INVALID_REQUEST, "duplicate pathway: " + p.id());
            needs.computeIfAbsent(p.milestone(), k -> new java.util.LinkedHashSet<>()).addAll(p.components());
        }
        Map<String, Integer> state = new HashMap<>();
        for (String m : needs.keySet()) {
            List<String> path = new ArrayList<>();
            visit(m, needs, state, path);
        }
        return new StackingRules(list);
    }

    private static void visit(String v, Map<String, Set<String>> needs, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(v);
        if (s != null && s == 2) return;
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(v), path.size()));
            cycle.add(v);
            throw new MicrocredException(Problem.INVALID_REQUEST, "milestone cycle: " + String.join(" -> ", cycle));
        }
        state.put(v, 1);
        path.add(v);
        for (String w : needs.getOrDefault(v, Set.of())) visit(w, needs, state, path);
        path.remove(path.size() - 1);
        state.put(v, 2);
    }

    /** The pathways, in the given order. */
    public List<StackablePathway> pathways() {
        return pathways;
    }

    /**
     * Each pathway's status for a learner holding {@code verifiedAchievements}; milestones earned count as components
     * of other pathways (evaluated to a fixpoint).
     */
    public List<MilestoneStatus> evaluate(Set<String> verifiedAchievements) {
        Objects.requireNonNull(verifiedAchievements, "verifiedAchievements");
        Set<String> held = new HashSet<>(verifiedAchievements);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (StackablePathway p : pathways) {
                if (!held.contains(p.milestone()) && count(p, held) >= p.minimum()) {
                    held.add(p.milestone());
                    changed = true;
                }
            }
        }
        List<MilestoneStatus> out = new ArrayList<>();
        for (StackablePathway p : pathways) {
            List<String> have = p.components().stream().filter(held::contains).toList();
            List<String> missing = p.components().stream().filter(c -> !held.contains(c)).toList();
            out.add(new MilestoneStatus(p.id(), p.milestone(), have.size() >= p.minimum(),
                verifiedAchievements.contains(p.milestone()), have, missing));
        }
        return Collections.unmodifiableList(out);
    }

    /** Milestones earned by the rules that the learner does not hold yet (to issue or display). */
    public List<String> newlyEarned(Set<String> verifiedAchievements) {
        return evaluate(verifiedAchievements).stream().filter(s -> s.earned() && !s.alreadyHeld())
            .map(MilestoneStatus::milestone).distinct().toList();
    }

    private static int count(StackablePathway p, Set<String> held) {
        int n = 0;
        for (String c : p.components()) if (held.contains(c)) n++;
        return n;
    }
}
