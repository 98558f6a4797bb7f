package dev.microcred.skills.search;

import dev.microcred.skills.graph.Framework;
import dev.microcred.skills.graph.Skill;
import dev.microcred.skills.graph.SkillType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ESCO ↔ O*NET skill correspondences. The shipped data holds no crosswalk (ESCO 1.1.1 and O*NET 29.2 publish none),
 * so correspondences are <em>approximate</em>: the skill's label is searched in the other framework through the
 * {@link SkillsIndex}; among the top {@value #CANDIDATES} hits, those whose label (or an alternative label) has a Dice
 * coefficient of analysed terms of at least {@value #THRESHOLD} with the skill's label are kept, best first, at most
 * {@value #MAX}. Examples: O*NET "Programming" ↔ ESCO "computer programming" (0.67), O*NET technology "Python" ↔ ESCO
 * "Python (computer programming)" (0.5), O*NET "Critical Thinking" ↔ ESCO "think critically" (1.0).
 *
 * <p>Thread-safe: results are computed on first request and cached.
 */
public final class Crosswalk {
    static final double THRESHOLD = 0.5;
    static final int CANDIDATES = 10;
    static final int MAX = 3;

    private final SkillsIndex index;
    private final Map<String, List<Equivalent>> cache = new ConcurrentHashMap<>();

    public Crosswalk(SkillsIndex index) {
        this.index = index;
    }

    /**
     * Skills of the other framework equivalent to {@code skillId}; empty for unknown ids, groups and skills outside
     * ESCO and O*NET.
     */
    public List<Equivalent> equivalents(String skillId) {
        Optional<Skill> skill = index.graph().skill(skillId);
        if (skill.isEmpty() || skill.get().type() == SkillType.GROUP) return List.of();
        return cache.computeIfAbsent(skill.get().id(), id -> compute(skill.get()));
    }

    private List<Equivalent> compute(Skill skill) {
        Framework other = skill.framework() == Framework.ESCO ? Framework.ONET : Framework.ESCO;
        Set<String> mine = new HashSet<>(index.terms(skill.label()));
        if (mine.isEmpty()) return List.of();
        List<Equivalent> out = new ArrayList<>();
        for (SearchHit hit : index.search(skill.label(), SearchKind.SKILL, other, CANDIDATES)) {
            Skill s = index.graph().requireSkill(hit.id());
            double best = dice(mine, s.label());
            for (String alt : s.altLabels()) best = Math.max(best, dice(mine, alt));
            if (best >= THRESHOLD) out.add(new Equivalent(s.id(), s.label(), best, true));
        }
        out.sort(Comparator.comparingDouble(Equivalent::similarity).reversed());
        return List.copyOf(out.size() > MAX ? out.subList(0, MAX) : out);
    }

    private double dice(Set<String> a, String label) {
        Set<String> b = new HashSet<>(index.terms(label));
        if (b.isEmpty()) return 0;
        long shared = b.stream().filter(a::contains).count();
        return 2.0 * shared / (a.size() + b.size());
    }
}
