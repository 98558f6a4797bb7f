package dev.microcred.skills.pathway;

/** What a plan minimises. */
public enum CostMeasure {
    /** Notional workload in hours. */
    WORKLOAD_HOURS,
    /** Price. */
    COST;

    /** The achievement's value for this measure; NaN when unstated. */
    public double of(CatalogueAchievement a) {
        return this == WORKLOAD_HOURS ? a.workloadHours() : a.cost();
    }
}
