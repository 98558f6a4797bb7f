package dev.microcred.skills.graph;

import java.util.List;
import java.util.Objects;

/**
 * An occupation of ESCO or O*NET.
 *
 * @param id          namespaced id (see {@link SkillIds})
 * @param framework   where it comes from
 * @param code        ESCO code (ISCO-08 unit group + suffix, e.g. {@code 2512.4}) or O*NET-SOC code ({@code 15-1252.00})
 * @param iscoGroup   ISCO-08 4-digit unit group for ESCO occupations; empty for O*NET
 * @param label       preferred label (ESCO) or title (O*NET)
 * @param altLabels   ESCO alternative labels or O*NET alternate titles; never null
 * @param description description, possibly empty
 * @param jobZone     O*NET job zone 1–5; 0 when not rated or for ESCO
 */
public record Occupation(String id, Framework framework, String code, String iscoGroup, String label,
                         List<String> altLabels, String description, int jobZone) {
    public Occupation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(iscoGroup, "iscoGroup");
        Objects.requireNonNull(label, "label");
        altLabels = List.copyOf(altLabels);
        Objects.requireNonNull(description, "description");
        if (jobZone < 0 || jobZone > 5) throw new IllegalArgumentException("job zone out of range: " + jobZone);
    }
}
