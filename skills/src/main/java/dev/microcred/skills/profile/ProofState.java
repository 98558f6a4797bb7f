package dev.microcred.skills.profile;

/** How well a skill is proven. */
public enum ProofState {
    /** At least one valid credential proves it. */
    PROVEN,
    /** Only expired credentials prove it. */
    STALE
}
