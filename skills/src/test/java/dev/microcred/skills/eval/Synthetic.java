package dev.microcred.skills.eval;

import dev.microcred.skills.graph.Framework;
import dev.microcred.skills.graph.Occupation;
import dev.microcred.skills.graph.Relevance;
import dev.microcred.skills.graph.Requirement;
import dev.microcred.skills.graph.SkillsGraph;
import dev.microcred.skills.pathway.CatalogueAchievement;
import dev.microcred.skills.pathway.TaughtSkill;
import dev.microcred.skills.profile.Credibility;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Deterministic synthetic data derived from the bundled graph (fixed seeds). */
final class Synthetic {
    final List<String[]> essential = new ArrayList<>();
    final List<String[]> all = new ArrayList<>();

    /** ESCO occupations with at least 5 essential skills: their essential and all linked skill ids. */
    Synthetic(SkillsGraph graph) {
        for (Occupation o : graph.occupations()) {
            if (o.framework() != Framework.ESCO) continue;
            List<Requirement> req = graph.requirements(o.id());
            String[] ess = req.stream().filter(r -> r.relevance() == Relevance.ESSENTIAL).map(Requirement::skillId)
                .toArray(String[]::new);
            if (ess.length < 5) continue;
            essential.add(ess);
            all.add(req.stream().map(Requirement::skillId).toArray(String[]::new));
        }
    }

    static Credibility credibility(Random r) {
        int x = r.nextInt(10);
        return new Credibility(x < 3, x >= 3 && x < 6);
    }

    /**
     * {@code n} achievements: each from a random occupation, teaching 1–4 of its skills at levels 1–7, 4–80 hours,
     * with 0–2 prerequisites among the earlier achievements of the same occupation (30%).
     */
    List<CatalogueAchievement> catalogue(int n, long seed) {
        Random r = new Random(seed);
        List<CatalogueAchievement> out = new ArrayList<>(n);
        List<List<Integer>> byOccupation = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) byOccupation.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            int occ = r.nextInt(all.size());
            String[] pool = all.get(occ);
            List<TaughtSkill> skills = new ArrayList<>();
            for (int k = 1 + r.nextInt(4); k > 0; k--) {
                skills.add(new TaughtSkill(pool[r.nextInt(pool.length)], 1 + r.nextInt(7)));
            }
            List<String> pre = new ArrayList<>();
            List<Integer> earlier = byOccupation.get(occ);
            if (!earlier.isEmpty() && r.nextInt(10) < 3) {
                for (int k = 1 + r.nextInt(2); k > 0; k--) pre.add("a" + earlier.get(r.nextInt(earlier.size())));
            }
            double hours = 4 + r.nextInt(77);
            out.add(new CatalogueAchievement("a" + i, "Achievement " + i, "issuer" + r.nextInt(500), skills, hours,
                Math.round(hours * (20 + r.nextInt(40))), pre.stream().distinct().toList(), credibility(r)));
            earlier.add(i);
        }
        return out;
    }

    static double percentile(long[] sortedNanos, double p) {
        return sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1)] / 1e6;
    }

    static long[] sorted(List<Long> nanos) {
        long[] a = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }
}
