package dev.microcred.skills.eval;

import dev.microcred.skills.gap.Coverage;
import dev.microcred.skills.gap.Gap;
import dev.microcred.skills.gap.GapAnalyzer;
import dev.microcred.skills.gap.RequiredSkill;
import dev.microcred.skills.graph.Framework;
import dev.microcred.skills.graph.Occupation;
import dev.microcred.skills.graph.RelatedOccupation;
import dev.microcred.skills.graph.Requirement;
import dev.microcred.skills.graph.Skill;
import dev.microcred.skills.graph.SkillType;
import dev.microcred.skills.graph.SkillsGraph;
import dev.microcred.skills.matching.CandidateIndex;
import dev.microcred.skills.matching.JobPosting;
import dev.microcred.skills.matching.JobRequirement;
import dev.microcred.skills.matching.RankedCandidate;
import dev.microcred.skills.pathway.Catalogue;
import dev.microcred.skills.pathway.CatalogueAchievement;
import dev.microcred.skills.pathway.CostMeasure;
import dev.microcred.skills.pathway.PathwayPlanner;
import dev.microcred.skills.pathway.PathwayRequest;
import dev.microcred.skills.pathway.Plan;
import dev.microcred.skills.pathway.PlanStep;
import dev.microcred.skills.pathway.SkillNeed;
import dev.microcred.skills.pathway.TaughtSkill;
import dev.microcred.skills.profile.Alignment;
import dev.microcred.skills.profile.SkillsProfile;
import dev.microcred.skills.profile.VerificationStatus;
import dev.microcred.skills.profile.VerifiedCredential;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Offline evaluation with fixed seeds (see docs/SKILLS-EVAL.md):
 * <ol>
 *   <li>Pathways: synthetic learners proving the O*NET skills and knowledge of occupation A at A's levels plan toward
 *       a related occupation B (O*NET Primary-Short, rank ≤ 2) over a catalogue derived from the O*NET elements
 *       (2 providers × levels 2/4/6 per element, some bundling a second element, level-4/6 courses usually requiring
 *       a lower one; one or two courses per hot or in-demand technology). Reports gap coverage and greedy workload / exact optimum where the exact search completes.</li>
 *   <li>Matching: 50,000 background learners with random ESCO skills plus 20 planted learners per posting with known
 *       coverage of its requirements; NDCG@10 of {@link CandidateIndex#topK} against the planted graded relevance
 *       (importance-weighted share of requirements proven at the minimum level, 0–3), versus a baseline counting
 *       matched skills.</li>
 * </ol>
 * Run: {@code mvn -q -B -pl skills test-compile exec:java -Dexec.mainClass=dev.microcred.skills.eval.Evaluation}
 */
public final class Evaluation {
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    private Evaluation() {
    }

    public static void main(String[] args) {
        SkillsGraph graph = SkillsGraph.bundled();
        pathways(graph);
        matching(graph);
    }

    static List<CatalogueAchievement> onetCatalogue(SkillsGraph graph, long seed) {
        Random r = new Random(seed);
        List<String> elements = graph.skills().stream().filter(s -> s.framework() == Framework.ONET
            && (s.type() == SkillType.SKILL || s.type() == SkillType.KNOWLEDGE)).map(Skill::id).toList();
        List<CatalogueAchievement> out = new ArrayList<>();
        for (String e : elements) {
            String slug = e.substring(e.lastIndexOf('/') + 1);
            for (int tier = 2; tier <= 6; tier += 2) {
                for (int p = 0; p < 2; p++) {
                    List<TaughtSkill> skills = new ArrayList<>(List.of(new TaughtSkill(e, tier)));
                    if (r.nextInt(10) < 4) skills.add(new TaughtSkill(elements.get(r.nextInt(elements.size())), tier - 1));
                    List<String> pre = tier > 2 && r.nextInt(10) < 7
                        ? List.of(slug + "-L" + (tier - 2) + "-p" + r.nextInt(2)) : List.of();
                    double hours = Math.round((6 + 4 * tier) * (0.6 + r.nextDouble()));
                    out.add(new CatalogueAchievement(slug + "-L" + tier + "-p" + p, slug + " level " + tier,
                        "provider" + p, skills, hours, hours * 30, pre, Synthetic.credibility(r)));
                }
            }
        }
        // one course per hot or in-demand technology (no levels), 2 providers for every third one
        Set<String> technologies = new java.util.TreeSet<>();
        for (Occupation o : graph.occupations()) {
            if (o.framework() != Framework.ONET) continue;
            for (Requirement q : graph.requirements(o.id())) {
                if (q.relevance() == dev.microcred.skills.graph.Relevance.TECHNOLOGY && GapAnalyzer.weight(q) > 0) {
                    technologies.add(q.skillId());
                }
            }
        }
        for (String t : technologies) {
            String slug = t.substring(t.lastIndexOf('/') + 1);
            for (int p = 0; p < (r.nextInt(3) == 0 ? 2 : 1); p++) {
                double hours = 8 + r.nextInt(33);
                out.add(new CatalogueAchievement(slug + "-p" + p, slug, "provider" + p,
                    List.of(new TaughtSkill(t, null)), hours, hours * 30, List.of(), Synthetic.credibility(r)));
            }
        }
        return out;
    }

    private static void pathways(SkillsGraph graph) {
        Catalogue catalogue = Catalogue.of(onetCatalogue(graph, 42));
        PathwayPlanner planner = new PathwayPlanner(catalogue);
        GapAnalyzer analyzer = new GapAnalyzer(graph, null);
        List<String[]> pairs = new ArrayList<>();
        for (Occupation a : graph.occupations()) {
            if (a.framework() != Framework.ONET || !rated(graph, a.id())) continue;
            for (RelatedOccupation b : graph.related(a.id())) {
                if (b.tier().equals("Primary-Short") && b.rank() <= 2 && rated(graph, b.occupationId())) {
                    pairs.add(new String[] {a.id(), b.occupationId()});
                }
            }
        }
        Collections.shuffle(pairs, new Random(42));
        pairs = pairs.subList(0, Math.min(400, pairs.size()));
        int needsTotal = 0;
        int covered = 0;
        int uncoverable = 0;
        int plans = 0;
        int alreadyMet = 0;
        int exactSolved = 0;
        int candidatesSmall = 0;
        List<Double> ratios = new ArrayList<>();
        List<Double> bounds = new ArrayList<>();
        for (String[] pair : pairs) {
            SkillsProfile profile = SkillsProfile.of(learnerOf(graph, pair[0]));
            Gap gap = analyzer.analyze(pair[1], profile);
            List<SkillNeed> needs = new ArrayList<>();
            for (RequiredSkill s : gap.skills()) {
                if (s.coverage() != Coverage.PROVEN || !s.levelMet()) needs.add(new SkillNeed(s.skillId(), s.requiredLevel()));
            }
            PathwayRequest request = new PathwayRequest(needs, Set.of(), CostMeasure.WORKLOAD_HOURS);
            Plan plan = planner.plan(request);
            plans++;
            if (needs.isEmpty()) alreadyMet++;
            needsTotal += needs.size();
            uncoverable += plan.uncoverable().size();
            Set<String> taught = new HashSet<>();
            for (PlanStep st : plan.steps()) taught.addAll(st.covers());
            covered += taught.size();
            if (plan.method().startsWith("exact")) candidatesSmall++;
            Plan greedy = planner.planGreedy(request);
            Plan exact = planner.planExact(request);
            if (exact.optimal()) {
                exactSolved++;
                if (exact.totalCost() > 0) {
                    ratios.add(greedy.totalCost() / exact.totalCost());
                    bounds.add(greedy.maxAboveOptimal());
                }
                if (greedy.totalCost() < exact.totalCost() - 1e-9) throw new AssertionError("greedy beat exact");
            }
        }
        Collections.sort(ratios);
        Collections.sort(bounds);
        System.out.printf(Locale.ROOT, "pathways: %d O*NET related-occupation pairs, catalogue %d achievements; "
                + "gap %.1f skills on average (%d goals already met); plans cover %.1f%% of gap skills, %.1f%% "
                + "uncoverable (level-7 needs: the catalogue stops at level 6); %d plans by exact search directly (<= %d candidates)%n",
            plans, catalogue.size(), (double) needsTotal / plans, alreadyMet, 100.0 * covered / Math.max(1, needsTotal),
            100.0 * uncoverable / Math.max(1, needsTotal), candidatesSmall, PathwayPlanner.EXACT_LIMIT);
        long equal = ratios.stream().filter(x -> x <= 1 + 1e-9).count();
        System.out.printf(Locale.ROOT, "greedy / exact optimum workload on %d instances solved exactly: mean %.3f, "
                + "median %.3f, p90 %.3f, max %.3f; greedy optimal in %.0f%%; greedy's own reported bound: median "
                + "%.0f%%, p90 %.0f%% above optimal%n", ratios.size(), ratios.stream().mapToDouble(x -> x).average()
                .orElse(1), pct(ratios, 0.5), pct(ratios, 0.9), pct(ratios, 1.0), 100.0 * equal / Math.max(1, ratios.size()),
            100 * pct(bounds, 0.5), 100 * pct(bounds, 0.9));
        System.out.printf(Locale.ROOT, "(exact search completed within its node budget on %d of %d instances)%n",
            exactSolved, plans);
    }

    private static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) return Double.NaN;
        return sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(p * sorted.size()) - 1)));
    }

    private static boolean rated(SkillsGraph graph, String occupation) {
        return graph.requirements(occupation).stream().anyMatch(r -> GapAnalyzer.weight(r) > 0
            && r.relevance() == dev.microcred.skills.graph.Relevance.RATED);
    }

    /** Credentials proving occupation A's required O*NET elements at A's levels, and its hot/in-demand technologies. */
    private static List<VerifiedCredential> learnerOf(SkillsGraph graph, String occupation) {
        List<VerifiedCredential> out = new ArrayList<>();
        int i = 0;
        for (Requirement r : graph.requirements(occupation)) {
            if (GapAnalyzer.weight(r) == 0) continue;
            out.add(new VerifiedCredential("c" + i++, VerificationStatus.VALID, NOW.minusSeconds(86_400L * 100), null,
                "issuer", dev.microcred.skills.profile.Credibility.NONE, "a", "A",
                List.of(new Alignment(r.skillId(), "O*NET", GapAnalyzer.requiredLevel(r))), null));
        }
        return out;
    }

    private record P(int skill, int level) {
    }

    private static void matching(SkillsGraph graph) {
        Synthetic data = new Synthetic(graph);
        Random r = new Random(7);
        int background = 50_000;
        int queries = 100;
        int planted = 20;
        Map<String, Integer> skillId = new HashMap<>();
        List<List<P>> proofs = new ArrayList<>();
        CandidateIndex.Builder b = CandidateIndex.builder();
        for (int l = 0; l < background; l++) {
            String[] pool = data.all.get(r.nextInt(data.all.size()));
            List<P> mine = new ArrayList<>();
            for (int c = 0; c < 8; c++) mine.add(new P(id(skillId, pool[r.nextInt(pool.length)]), 1 + r.nextInt(7)));
            proofs.add(mine);
        }
        List<JobPosting> postings = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            String[] ess = data.essential.get(r.nextInt(data.essential.size()));
            List<String> list = new ArrayList<>(List.of(ess));
            Collections.shuffle(list, r);
            List<JobRequirement> reqs = new ArrayList<>();
            for (String s : list.subList(0, Math.min(6, list.size()))) {
                reqs.add(new JobRequirement(s, 1 + r.nextInt(5), 3 + r.nextInt(3)));
            }
            postings.add(new JobPosting("q" + q, reqs));
            for (int k = 0; k < planted; k++) {
                List<P> mine = new ArrayList<>();
                int m = (int) Math.round(reqs.size() * (1 - k / (double) planted)); // share of requirements held
                for (int j = 0; j < reqs.size(); j++) {
                    JobRequirement jr = reqs.get(j);
                    if (j < m) {
                        boolean nearMiss = r.nextInt(4) == 0;
                        int lv = nearMiss ? Math.max(0, jr.minLevel() - 1 - r.nextInt(2)) : jr.minLevel() + r.nextInt(8 - jr.minLevel());
                        mine.add(new P(id(skillId, jr.skillId()), lv));
                    }
                }
                for (int c = 0; c < 3; c++) {
                    String[] pool = data.all.get(r.nextInt(data.all.size()));
                    mine.add(new P(id(skillId, pool[r.nextInt(pool.length)]), 1 + r.nextInt(7)));
                }
                proofs.add(mine);
            }
        }
        // shuffle learner order so planted learners are not adjacent (ties break by order)
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < proofs.size(); i++) order.add(i);
        Collections.shuffle(order, r);
        String[] names = new String[skillId.size()];
        skillId.forEach((k, v) -> names[v] = k);
        for (int l : order) {
            b.learner(l);
            for (P p : proofs.get(l)) {
                int x = r.nextInt(10);
                b.proof(b.skill(names[p.skill()]), p.level(), (int) TODAY.toEpochDay() - r.nextInt(6 * 365), x < 3,
                    x >= 3 && x < 6, l);
            }
        }
        CandidateIndex index = b.build();
        double ndcg = 0;
        double baseline = 0;
        for (JobPosting posting : postings) {
            double[] rel = new double[proofs.size()];
            double[] count = new double[proofs.size()];
            double total = posting.requirements().stream().mapToDouble(JobRequirement::importance).sum();
            for (int l = 0; l < proofs.size(); l++) {
                double gain = 0;
                for (JobRequirement jr : posting.requirements()) {
                    Integer s = skillId.get(jr.skillId());
                    boolean met = false;
                    boolean any = false;
                    for (P p : proofs.get(l)) {
                        if (s != null && p.skill() == s) {
                            any = true;
                            met |= p.level() >= jr.minLevel();
                        }
                    }
                    if (met) gain += jr.importance() / total;
                    if (any) count[l]++;
                }
                rel[l] = Math.round(3 * gain);
            }
            List<RankedCandidate> top = index.topK(posting, 10, TODAY);
            double dcg = 0;
            for (int i = 0; i < top.size(); i++) dcg += (Math.pow(2, rel[(int) top.get(i).learnerKey()]) - 1) / log2(i + 2);
            double[] ideal = rel.clone();
            java.util.Arrays.sort(ideal);
            double idcg = 0;
            for (int i = 0; i < 10; i++) idcg += (Math.pow(2, ideal[ideal.length - 1 - i]) - 1) / log2(i + 2);
            ndcg += idcg == 0 ? 1 : dcg / idcg;
            Integer[] byCount = new Integer[proofs.size()];
            for (int i = 0; i < byCount.length; i++) byCount[i] = order.get(i);
            java.util.Arrays.sort(byCount, (x, y) -> Double.compare(count[y], count[x]));
            double bdcg = 0;
            for (int i = 0; i < 10; i++) bdcg += (Math.pow(2, rel[byCount[i]]) - 1) / log2(i + 2);
            baseline += idcg == 0 ? 1 : bdcg / idcg;
        }
        System.out.printf(Locale.ROOT, "matching: %,d learners (%,d planted), %d postings of %d skills with minimum "
                + "levels: NDCG@10 %.3f (baseline counting matched skills: %.3f)%n", proofs.size(), queries * planted,
            queries, 6, ndcg / queries, baseline / queries);
    }

    private static int id(Map<String, Integer> ids, String s) {
        return ids.computeIfAbsent(s, k -> ids.size());
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
