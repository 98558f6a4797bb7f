package dev.microcred.skills.pathway;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A lower bound on the optimal plan cost, computed without an LP solver; the larger of:
 * <ol>
 *   <li>the costliest single need: max over open needs of the cheapest prerequisite closure covering it (every plan
 *       holds some coverer of each need with its whole closure);</li>
 *   <li>a dual-feasible bound of the covering LP relaxation without precedence (dropping precedence only enlarges the
 *       feasible set, and any closed plan is a cover of equal cost): needs in order of fewest coverers, each raises its
 *       dual variable y<sub>n</sub> to the least remaining slack among its coverers, c<sub>a</sub> − Σ<sub>n ∈ a</sub>
 *       y<sub>n</sub>; weak duality gives Σ y<sub>n</sub> ≤ OPT.</li>
 * </ol>
 */
final class LowerBound {
    private LowerBound() {
    }

    static double of(Instance in) {
        double single = 0;
        for (int n = 0; n < in.needs.size(); n++) {
            double cheapest = Double.POSITIVE_INFINITY;
            for (int a : in.coverers[n]) {
                double c = 0;
                for (int m : in.closure[a]) c += in.cost[m];
                cheapest = Math.min(cheapest, c);
            }
            single = Math.max(single, cheapest);
        }
        double[] slack = in.cost.clone();
        Integer[] order = IntStream.range(0, in.needs.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt((Integer n) -> in.coverers[n].length).thenComparingInt(n -> n));
        double dual = 0;
        for (int n : order) {
            double y = Double.POSITIVE_INFINITY;
            for (int a : in.coverers[n]) y = Math.min(y, slack[a]);
            if (y <= 0) continue;
            dual += y;
            for (int a : in.coverers[n]) slack[a] -= y;
        }
        return Math.max(single, dual);
    }
}
