package dev.microcred.skills.eval;

import dev.microcred.skills.graph.SkillsGraph;
import dev.microcred.skills.matching.CandidateIndex;
import dev.microcred.skills.matching.JobPosting;
import dev.microcred.skills.matching.JobRequirement;
import dev.microcred.skills.matching.RankedCandidate;
import dev.microcred.skills.pathway.Catalogue;
import dev.microcred.skills.pathway.CostMeasure;
import dev.microcred.skills.pathway.PathwayPlanner;
import dev.microcred.skills.pathway.PathwayRequest;
import dev.microcred.skills.pathway.Plan;
import dev.microcred.skills.pathway.SkillNeed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Bounded, self-stopping scale run: builds a candidate index of synthetic learners (default 1,000,000 learners ×
 * 10 credentials, each aligned to one ESCO skill of the learner's home occupation) and measures top-20 latency; then
 * plans pathways over a synthetic 10,000-achievement catalogue. Fixed seeds. Stops after its query counts or after
 * 4 minutes of querying, whichever comes first. Run (see docs/SKILLS-EVAL.md):
 *
 * <pre>
 * MAVEN_OPTS=-Xmx3g mvn -q -B -pl skills test-compile exec:java -Dexec.mainClass=dev.microcred.skills.eval.ScaleRun \
 *     -Dexec.args="1000000 10 10000"
 * </pre>
 */
public final class ScaleRun {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final long BUDGET_NANOS = 240_000_000_000L;

    private ScaleRun() {
    }

    public static void main(String[] args) {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int perLearner = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int catalogueSize = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        SkillsGraph graph = SkillsGraph.bundled();
        Synthetic data = new Synthetic(graph);
        System.out.printf(Locale.ROOT, "JVM max heap %d MB, %d processors%n",
            Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        matching(data, learners, perLearner);
        planning(data, catalogueSize);
    }

    private static void matching(Synthetic data, int learners, int perLearner) {
        Random r = new Random(1);
        long before = LoadMeasurement.usedAfterGc();
        long t0 = System.nanoTime();
        CandidateIndex.Builder b = CandidateIndex.builder(learners, learners * perLearner);
        int[][] skillOrdinals = new int[data.all.size()][];
        for (int o = 0; o < skillOrdinals.length; o++) {
            String[] pool = data.all.get(o);
            skillOrdinals[o] = new int[pool.length];
            for (int i = 0; i < pool.length; i++) skillOrdinals[o][i] = b.skill(pool[i]);
        }
        int today = (int) TODAY.toEpochDay();
        long credential = 0;
        for (int l = 0; l < learners; l++) {
            b.learner(l);
            int[] pool = skillOrdinals[r.nextInt(skillOrdinals.length)];
            for (int c = 0; c < perLearner; c++) {
                int x = r.nextInt(10);
                b.proof(pool[r.nextInt(pool.length)], r.nextInt(9) - 1, today - r.nextInt(8 * 365), x < 3,
                    x >= 3 && x < 6, credential++);
            }
        }
        CandidateIndex index = b.build();
        b = null;
        long t1 = System.nanoTime();
        long after = LoadMeasurement.usedAfterGc();
        System.out.printf(Locale.ROOT, "matching index: %,d learners, %,d credentials, %,d skills; built in %.1f s; "
                + "retained heap %.0f MB%n", index.learners(), index.postings(), index.skills(), (t1 - t0) / 1e9,
            (after - before) / 1e6);

        Random q = new Random(2);
        List<JobPosting> postings = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String[] ess = data.essential.get(q.nextInt(data.essential.size()));
            Set<String> chosen = new HashSet<>();
            List<JobRequirement> reqs = new ArrayList<>();
            for (int k = 0; k < 10 && chosen.size() < ess.length; k++) {
                String s = ess[q.nextInt(ess.length)];
                if (chosen.add(s)) reqs.add(new JobRequirement(s, 1 + q.nextInt(5), q.nextBoolean() ? null : 2 + q.nextInt(4)));
            }
            postings.add(new JobPosting("p" + i, reqs));
        }
        long checksum = 0;
        for (int i = 0; i < 100; i++) checksum += index.topK(postings.get(i), 20, TODAY).size(); // warm-up
        List<Long> nanos = new ArrayList<>();
        long started = System.nanoTime();
        long scanned = 0;
        for (int i = 100; i < postings.size() && System.nanoTime() - started < BUDGET_NANOS; i++) {
            long s = System.nanoTime();
            List<RankedCandidate> top = index.topK(postings.get(i), 20, TODAY);
            nanos.add(System.nanoTime() - s);
            checksum += top.size();
            scanned += postings.get(i).requirements().size();
        }
        long[] sorted = Synthetic.sorted(nanos);
        System.out.printf(Locale.ROOT, "top-20 over %d postings (%.1f skills each): p50 %.1f ms, p95 %.1f ms, "
                + "p99 %.1f ms, max %.1f ms (checksum %d)%n", sorted.length, (double) scanned / sorted.length,
            Synthetic.percentile(sorted, 0.5), Synthetic.percentile(sorted, 0.95), Synthetic.percentile(sorted, 0.99),
            sorted[sorted.length - 1] / 1e6, checksum);
    }

    private static void planning(Synthetic data, int size) {
        long t0 = System.nanoTime();
        Catalogue catalogue = Catalogue.of(data.catalogue(size, 3));
        PathwayPlanner planner = new PathwayPlanner(catalogue);
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "catalogue: %,d achievements validated and indexed in %.0f ms%n", size,
            (t1 - t0) / 1e6);
        Random r = new Random(4);
        List<PathwayRequest> requests = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String[] ess = data.essential.get(r.nextInt(data.essential.size()));
            List<SkillNeed> gap = new ArrayList<>();
            for (String s : ess) gap.add(new SkillNeed(s, r.nextInt(3) == 0 ? 1 + r.nextInt(4) : null));
            Set<String> held = new HashSet<>();
            for (int k = r.nextInt(4); k > 0; k--) held.add("a" + r.nextInt(size));
            requests.add(new PathwayRequest(gap, held, CostMeasure.WORKLOAD_HOURS));
        }
        for (int i = 0; i < 50; i++) planner.plan(requests.get(i)); // warm-up
        List<Long> nanos = new ArrayList<>();
        int exact = 0;
        double steps = 0;
        double gapSize = 0;
        List<Double> above = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 50; i < requests.size() && System.nanoTime() - started < BUDGET_NANOS; i++) {
            long s = System.nanoTime();
            Plan p = planner.plan(requests.get(i));
            nanos.add(System.nanoTime() - s);
            if (p.optimal()) exact++;
            else above.add(p.maxAboveOptimal());
            steps += p.todo().size();
            gapSize += requests.get(i).gap().size();
        }
        long[] sorted = Synthetic.sorted(nanos);
        above.sort(Double::compare);
        System.out.printf(Locale.ROOT, "pathway plans over %,d achievements: %d plans (gap %.1f skills, %.1f steps "
                + "on average), %d proven optimal; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; "
                + "reported bound for the others: median %.0f%%, max %.0f%% above optimal%n", size, sorted.length,
            gapSize / sorted.length, steps / sorted.length, exact, Synthetic.percentile(sorted, 0.5),
            Synthetic.percentile(sorted, 0.95), Synthetic.percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6,
            above.isEmpty() ? 0 : 100 * above.get(above.size() / 2), above.isEmpty() ? 0 : 100 * above.get(above.size() - 1));
    }
}
