package dev.microcred.skills.profile;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;

/** Checks for levels on the O*NET 0–7 scale. */
public final class Levels {
    /** Highest level of the O*NET level scale. */
    public static final int MAX = 7;

    private Levels() {
    }

    /**
     * {@code level} itself when null or in 0..7.
     *
     * @throws MicrocredException {@link Problem#MALFORMED_INPUT} otherwise
     */
    public static Integer check(Integer level, String what) {
        if (level != null && (level < 0 || level > MAX)) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, what + " level must be 0..7, was " + level);
        }
        return level;
    }

    /**
     * Whether {@code have} meets {@code need}: true when no level is needed; false when one is needed and
     * {@code have} is unknown.
     */
    public static boolean meets(Integer have, Integer need) {
        return need == null || (have != null && have >= need);
    }
}
