package dev.microcred.server.skills;

import dev.microcred.skills.gap.GapAnalyzer;
import dev.microcred.skills.graph.SkillsGraph;
import dev.microcred.skills.search.Crosswalk;
import dev.microcred.skills.search.SkillsIndex;
import java.util.Objects;

/**
 * The skills frameworks as the server uses them: the graph, its text index, the ESCO ↔ O*NET crosswalk and the gap
 * analyzer over both. Immutable and thread-safe (the crosswalk caches internally).
 */
public record Taxonomy(SkillsGraph graph, SkillsIndex index, Crosswalk crosswalk, GapAnalyzer gaps) {
    public Taxonomy {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(crosswalk, "crosswalk");
        Objects.requireNonNull(gaps, "gaps");
    }

    /** Builds everything over {@code graph} (the Lucene index takes seconds for the bundled graph). */
    public static Taxonomy of(SkillsGraph graph) {
        SkillsIndex index = SkillsIndex.of(graph);
        Crosswalk crosswalk = new Crosswalk(index);
        return new Taxonomy(graph, index, crosswalk, new GapAnalyzer(graph, crosswalk));
    }

    /** Over the bundled ESCO 1.1.1 and O*NET 29.2 graph. */
    public static Taxonomy bundled() {
        return of(SkillsGraph.bundled());
    }
}
