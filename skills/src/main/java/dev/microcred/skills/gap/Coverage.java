package dev.microcred.skills.gap;

/** How a learner stands on one required skill. */
public enum Coverage {
    /** A valid credential proves it (possibly below the required level, see {@link RequiredSkill#levelMet()}). */
    PROVEN,
    /** Only expired credentials prove it. */
    STALE,
    /** Nothing proves it. */
    MISSING
}
