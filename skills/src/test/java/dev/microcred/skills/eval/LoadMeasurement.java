package dev.microcred.skills.eval;

import dev.microcred.skills.graph.SkillsGraph;
import dev.microcred.skills.search.SkillsIndex;
import java.util.Locale;

/**
 * Measures loading the bundled graph and building the search index: time and retained heap. Run:
 * {@code mvn -q -B -pl skills test-compile exec:java -Dexec.mainClass=dev.microcred.skills.eval.LoadMeasurement}
 */
public final class LoadMeasurement {
    private LoadMeasurement() {
    }

    public static void main(String[] args) {
        for (int round = 1; round <= 3; round++) {
            long before = usedAfterGc();
            long t0 = System.nanoTime();
            SkillsGraph graph = SkillsGraph.load();
            long t1 = System.nanoTime();
            long afterGraph = usedAfterGc();
            SkillsIndex index = SkillsIndex.of(graph);
            long t2 = System.nanoTime();
            long afterIndex = usedAfterGc();
            System.out.printf(Locale.ROOT,
                "round %d: graph load %.2f s, %.0f MB retained; index build %.2f s, +%.0f MB retained (%d occupations, %d skill nodes)%n",
                round, (t1 - t0) / 1e9, (afterGraph - before) / 1e6, (t2 - t1) / 1e9, (afterIndex - afterGraph) / 1e6,
                graph.occupations().size(), graph.skills().size());
            if (index.graph() != graph) throw new AssertionError();
        }
    }

    static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
