package dev.microcred.skills.pathway;

/**
 * A mutable, closed selection of universe members with per-need cover counts, shared by the searches. Not thread-safe.
 */
final class Selection {
    final Instance in;
    final boolean[] selected;
    final int[] coverCount;
    int uncovered;
    double cost;
    /** members in the order they were added */
    final int[] order;
    int added;

    Selection(Instance in) {
        this.in = in;
        this.selected = new boolean[in.size];
        this.coverCount = new int[in.needs.size()];
        this.uncovered = in.needs.size();
        this.order = new int[in.size];
    }

    /** Cost of adding {@code a} with its closure; +∞ when a member is forbidden. */
    double incrementalCost(int a, int[] forbidden) {
        double c = 0;
        for (int m : in.closure[a]) {
            if (!selected[m]) {
                if (forbidden != null && forbidden[m] > 0) return Double.POSITIVE_INFINITY;
                c += in.cost[m];
            }
        }
        return c;
    }

    /** Adds {@code a}'s closure; returns how many members were new (they are the last ones in {@link #order}). */
    int addClosure(int a) {
        int before = added;
        for (int m : in.closure[a]) {
            if (!selected[m]) add(m);
        }
        return added - before;
    }

    void add(int m) {
        selected[m] = true;
        order[added++] = m;
        cost += in.cost[m];
        for (int n : in.covers[m]) {
            if (coverCount[n]++ == 0) uncovered--;
        }
    }

    /** Removes the last {@code k} added members. */
    void undo(int k) {
        for (int i = 0; i < k; i++) {
            remove(order[--added]);
        }
    }

    void remove(int m) {
        selected[m] = false;
        cost -= in.cost[m];
        for (int n : in.covers[m]) {
            if (--coverCount[n] == 0) uncovered++;
        }
    }
}
