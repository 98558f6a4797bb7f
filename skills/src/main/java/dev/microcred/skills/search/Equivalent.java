package dev.microcred.skills.search;

import java.util.Objects;

/**
 * A skill of the other framework that probably means the same.
 *
 * @param skillId     the equivalent skill's id
 * @param label       its preferred label
 * @param similarity  Dice coefficient of the two labels' analysed terms, in (0, 1]
 * @param approximate true for correspondences computed from labels (always, with the bundled data: neither ESCO 1.1.1
 *                    nor O*NET 29.2 publishes a crosswalk)
 */
public record Equivalent(String skillId, String label, double similarity, boolean approximate) {
    public Equivalent {
        Objects.requireNonNull(skillId, "skillId");
        Objects.requireNonNull(label, "label");
        if (!(similarity > 0 && similarity <= 1)) throw new IllegalArgumentException("similarity " + similarity);
    }
}
