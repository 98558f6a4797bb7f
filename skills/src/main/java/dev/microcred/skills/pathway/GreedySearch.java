package dev.microcred.skills.pathway;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy weighted set cover with precedence: repeatedly take the achievement whose prerequisite closure has the lowest
 * incremental cost per newly covered need (Chvátal's rule applied to closures; ties to the more credible issuer, then
 * catalogue order), then drop members that became redundant (latest first). Its cost is within H(d) ≈ ln d + 1 of the
 * optimum of the set cover without precedence, d = most needs one closure covers; with prerequisites there is no such
 * guarantee, which is why every plan carries a {@link LowerBound}.
 */
final class GreedySearch {
    private GreedySearch() {
    }

    /** A feasible selection; the members in the order picked. */
    static boolean[] solve(Instance in) {
        Selection s = new Selection(in);
        int[] stamp = new int[in.needs.size()];
        int round = 0;
        while (s.uncovered > 0) {
            int best = -1;
            double bestRatio = Double.POSITIVE_INFINITY;
            int bestRank = -1;
            for (int a = 0; a < in.size; a++) {
                if (s.selected[a] || in.covers[a].length == 0) continue;
                round++;
                int gain = 0;
                double inc = 0;
                for (int m : in.closure[a]) {
                    if (s.selected[m]) continue;
                    inc += in.cost[m];
                    for (int n : in.covers[m]) {
                        if (s.coverCount[n] == 0 && stamp[n] != round) {
                            stamp[n] = round;
                            gain++;
                        }
                    }
                }
                if (gain == 0) continue;
                double ratio = inc / gain;
                int rank = in.catalogue.get(in.global[a]).credibility().rank();
                if (ratio < bestRatio - 1e-12 || (ratio <= bestRatio + 1e-12 && rank > bestRank)) {
                    best = a;
                    bestRatio = ratio;
                    bestRank = rank;
                }
            }
            if (best < 0) throw new IllegalStateException("an open need has no coverer");
            s.addClosure(best);
        }
        prune(s);
        return s.selected.clone();
    }

    /** Drops members, latest first, that nothing depends on and whose needs stay covered without them. */
    static void prune(Selection s) {
        Instance in = s.in;
        boolean changed = true;
        while (changed) {
            changed = false;
            List<Integer> members = new ArrayList<>();
            for (int i = s.added - 1; i >= 0; i--) members.add(s.order[i]);
            for (int m : members) {
                if (!s.selected[m] || dependedOn(s, m)) continue;
                boolean needed = false;
                for (int n : in.covers[m]) needed |= s.coverCount[n] == 1;
                if (!needed) {
                    s.remove(m);
                    changed = true;
                }
            }
        }
    }

    private static boolean dependedOn(Selection s, int m) {
        Instance in = s.in;
        for (int b = 0; b < in.size; b++) {
            if (b == m || !s.selected[b]) continue;
            for (int x : in.closure[b]) if (x == m) return true;
        }
        return false;
    }
}
