package dev.microcred.skills.search;

import dev.microcred.skills.graph.Framework;
import java.util.Objects;

/**
 * One search result.
 *
 * @param id        the occupation's or skill's id in the graph
 * @param framework its framework
 * @param kind      occupation or skill
 * @param label     its preferred label
 * @param matched   the label or alternative label that matched best (equals {@code label} when that matched)
 * @param score     relevance, larger is better; comparable within one query only
 */
public record SearchHit(String id, Framework framework, SearchKind kind, String label, String matched, double score) {
    public SearchHit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(matched, "matched");
    }
}
