package dev.microcred.skills.graph;

import java.util.List;
import java.util.Objects;

/**
 * A node of a skills pillar: an ESCO skill, knowledge item, skill group or ISCED-F field; an O*NET skill or knowledge
 * element or content-model group; an O*NET technology example.
 *
 * @param id          namespaced id (see {@link SkillIds})
 * @param framework   where the node comes from
 * @param type        skill, knowledge, technology or group
 * @param label       preferred English label
 * @param altLabels   alternative labels (ESCO 1.1.1 as shipped holds none for skills; may be empty, never null)
 * @param description description, empty when the source has none
 * @param broader     ids of the parents in the framework's hierarchy (ESCO broader relations, O*NET content model,
 *                    for technology: none)
 * @param detail      framework-specific detail: ESCO reuse level, O*NET technology commodity title; may be empty
 */
public record Skill(String id, Framework framework, SkillType type, String label, List<String> altLabels,
                    String description, List<String> broader, String detail) {
    public Skill {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(label, "label");
        altLabels = List.copyOf(altLabels);
        Objects.requireNonNull(description, "description");
        broader = List.copyOf(broader);
        Objects.requireNonNull(detail, "detail");
    }
}
