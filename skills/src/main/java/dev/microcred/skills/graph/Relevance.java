package dev.microcred.skills.graph;

/** How an occupation relates to a skill in its framework. */
public enum Relevance {
    /** ESCO: the skill is essential for the occupation. */
    ESSENTIAL,
    /** ESCO: the skill is optional for the occupation. */
    OPTIONAL,
    /** O*NET: an importance (1–5) and level (0–7) rating. */
    RATED,
    /** O*NET: a technology skill used in the occupation (hot and/or in demand flags). */
    TECHNOLOGY
}
