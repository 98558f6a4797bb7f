package dev.microcred.skills.pathway;

/**
 * Exact branch and bound for weighted set cover with precedence. At each node: take the open need with the fewest
 * allowed coverers, branch on each coverer (cheapest incremental closure first), adding its whole prerequisite
 * closure; in branch i the coverers of branches 1..i-1 are forbidden (their solutions were explored already), which
 * keeps the search a partition. Bound: current cost + max over open needs of the cheapest incremental closure covering
 * it; prune when that reaches the incumbent (initially the greedy plan). Complete: every optimal selection contains some
 * coverer of the branching need and that coverer's closure. A node budget stops runaway searches; the result then says
 * it is not proven optimal.
 */
final class ExactSearch {
    static final long NODE_BUDGET = 2_000_000;

    private final Instance in;
    private final Selection s;
    private final int[] forbidden;
    private boolean[] best;
    private double bestCost;
    private long nodes;
    private boolean exhausted;

    private ExactSearch(Instance in, boolean[] incumbent) {
        this.in = in;
        this.s = new Selection(in);
        this.forbidden = new int[in.size];
        this.best = incumbent.clone();
        this.bestCost = in.cost(incumbent);
    }

    /** The result of an exact search. */
    record Result(boolean[] selected, double cost, boolean optimal, long nodes) {
    }

    static Result solve(Instance in, boolean[] incumbent) {
        ExactSearch e = new ExactSearch(in, incumbent);
        e.dfs();
        return new Result(e.best, e.bestCost, !e.exhausted, e.nodes);
    }

    private void dfs() {
        if (++nodes > NODE_BUDGET) {
            exhausted = true;
            return;
        }
        if (s.uncovered == 0) {
            if (s.cost < bestCost - 1e-9) {
                bestCost = s.cost;
                best = s.selected.clone();
            }
            return;
        }
        int branchNeed = -1;
        int fewest = Integer.MAX_VALUE;
        double bound = 0;
        for (int n = 0; n < in.needs.size(); n++) {
            if (s.coverCount[n] > 0) continue;
            int allowed = 0;
            double cheapest = Double.POSITIVE_INFINITY;
            for (int a : in.coverers[n]) {
                double c = s.incrementalCost(a, forbidden);
                if (c < Double.POSITIVE_INFINITY) {
                    allowed++;
                    cheapest = Math.min(cheapest, c);
                }
            }
            if (allowed == 0) return; // infeasible under the forbidden set
            bound = Math.max(bound, cheapest);
            if (allowed < fewest) {
                fewest = allowed;
                branchNeed = n;
            }
        }
        if (s.cost + bound >= bestCost - 1e-9) return;
        int[] options = in.coverers[branchNeed].clone();
        double[] inc = new double[options.length];
        for (int i = 0; i < options.length; i++) inc[i] = s.incrementalCost(options[i], forbidden);
        sortByCost(options, inc);
        int[] forbade = new int[options.length];
        int f = 0;
        for (int i = 0; i < options.length && !exhausted; i++) {
            double c = s.incrementalCost(options[i], forbidden);
            if (c == Double.POSITIVE_INFINITY) continue;
            if (s.cost + c < bestCost - 1e-9) {
                int k = s.addClosure(options[i]);
                dfs();
                s.undo(k);
            }
            forbidden[options[i]]++;
            forbade[f++] = options[i];
        }
        for (int i = 0; i < f; i++) forbidden[forbade[i]]--;
    }

    private static void sortByCost(int[] a, double[] c) {
        for (int i = 1; i < a.length; i++) {
            int x = a[i];
            double y = c[i];
            int j = i - 1;
            while (j >= 0 && c[j] > y) {
                a[j + 1] = a[j];
                c[j + 1] = c[j];
                j--;
            }
            a[j + 1] = x;
            c[j + 1] = y;
        }
    }
}
