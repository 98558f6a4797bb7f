package dev.microcred.skills.graph;

import java.util.Objects;

/**
 * An ESCO skill–skill relation: {@code relatedSkillId} is essential or optional for mastering the skill that owns
 * the link (usable as a prerequisite hint for learning pathways).
 *
 * @param relatedSkillId the related skill
 * @param relevance      {@link Relevance#ESSENTIAL} or {@link Relevance#OPTIONAL}
 */
public record SkillLink(String relatedSkillId, Relevance relevance) {
    public SkillLink {
        Objects.requireNonNull(relatedSkillId, "relatedSkillId");
        Objects.requireNonNull(relevance, "relevance");
    }
}
