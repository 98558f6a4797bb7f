package dev.microcred.skills.graph;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The skills graph: ESCO and O*NET occupations, skills, the links between them, the skill hierarchy and O*NET related
 * occupations, in memory. Immutable after construction and thread-safe. Lookups accept any reference that
 * {@link SkillIds#canonical(String)} understands.
 *
 * <p>{@link #bundled()} is the graph shipped in this module's resources (ESCO 1.1.1 and O*NET 29.2, see
 * {@link #attribution()} for the licence notices that must be shown wherever the data is shown);
 * {@link #of} builds a graph from values (tests, other taxonomies).
 */
public final class SkillsGraph {
    private final Map<String, Occupation> occupations;
    private final Map<String, Skill> skills;
    private final Map<String, List<Requirement>> requirements;
    private final Map<String, List<String>> requiredBy;
    private final Map<String, List<String>> narrower;
    private final Map<String, List<SkillLink>> skillLinks;
    private final Map<String, List<RelatedOccupation>> related;

    private SkillsGraph(Collection<Occupation> occupations, Collection<Skill> skills,
                        Map<String, List<Requirement>> requirements, Map<String, List<SkillLink>> skillLinks,
                        Map<String, List<RelatedOccupation>> related) {
        Map<String, Occupation> occ = new LinkedHashMap<>();
        for (Occupation o : occupations) {
            if (occ.put(o.id(), o) != null) throw new IllegalArgumentException("duplicate occupation " + o.id());
        }
        Map<String, Skill> sk = new LinkedHashMap<>();
        for (Skill s : skills) {
            if (sk.put(s.id(), s) != null) throw new IllegalArgumentException("duplicate skill " + s.id());
        }
        Map<String, List<Requirement>> req = new HashMap<>();
        Map<String, List<String>> by = new HashMap<>();
        requirements.forEach((o, list) -> {
            if (!occ.containsKey(o)) throw new IllegalArgumentException("requirements of unknown occupation " + o);
            for (Requirement r : list) {
                if (!sk.containsKey(r.skillId())) {
                    throw new IllegalArgumentException("requirement of " + o + " on unknown skill " + r.skillId());
                }
                by.computeIfAbsent(r.skillId(), k -> new ArrayList<>()).add(o);
            }
            req.put(o, List.copyOf(list));
        });
        Map<String, List<String>> nar = new HashMap<>();
        for (Skill s : sk.values()) {
            for (String b : s.broader()) {
                nar.computeIfAbsent(b, k -> new ArrayList<>()).add(s.id());
            }
        }
        Map<String, List<SkillLink>> links = new HashMap<>();
        skillLinks.forEach((s, list) -> links.put(s, List.copyOf(list)));
        Map<String, List<RelatedOccupation>> rel = new HashMap<>();
        related.forEach((o, list) -> rel.put(o, List.copyOf(list)));
        this.occupations = Collections.unmodifiableMap(occ);
        this.skills = Collections.unmodifiableMap(sk);
        this.requirements = Collections.unmodifiableMap(req);
        this.requiredBy = freeze(by);
        this.narrower = freeze(nar);
        this.skillLinks = Collections.unmodifiableMap(links);
        this.related = Collections.unmodifiableMap(rel);
    }

    private static Map<String, List<String>> freeze(Map<String, List<String>> m) {
        Map<String, List<String>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }

    /**
     * A graph from values. Every requirement must name a known occupation and skill.
     *
     * @throws IllegalArgumentException on duplicate ids or dangling references
     */
    public static SkillsGraph of(Collection<Occupation> occupations, Collection<Skill> skills,
                                 Map<String, List<Requirement>> requirements, Map<String, List<SkillLink>> skillLinks,
                                 Map<String, List<RelatedOccupation>> related) {
        return new SkillsGraph(occupations, skills, requirements, skillLinks, related);
    }

    /** The graph bundled in this module's resources, loaded on first use (about a second) and then shared. */
    public static SkillsGraph bundled() {
        return Bundled.GRAPH;
    }

    /** Loads a fresh copy of the bundled graph. Prefer {@link #bundled()}. */
    public static SkillsGraph load() {
        BundledGraphReader r = BundledGraphReader.read();
        return new SkillsGraph(r.occupations(), r.skills(), r.requirements(), r.skillLinks(), r.related());
    }

    private static final class Bundled {
        static final SkillsGraph GRAPH = load();
    }

    /**
     * The attribution and licence notices for the bundled ESCO and O*NET data (plain text, several paragraphs). Show
     * it wherever the data is shown (O*NET is CC BY 4.0).
     */
    public static String attribution() {
        try (InputStream in = SkillsGraph.class.getResourceAsStream("ATTRIBUTION.txt")) {
            if (in == null) throw new MicrocredException(Problem.IO_ERROR, "bundled ATTRIBUTION.txt is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MicrocredException(Problem.IO_ERROR, "cannot read bundled ATTRIBUTION.txt", e);
        }
    }

    /** The occupation with this id (any form {@link SkillIds#canonical} accepts). */
    public Optional<Occupation> occupation(String ref) {
        return Optional.ofNullable(occupations.get(SkillIds.canonical(ref)));
    }

    /**
     * The occupation with this id.
     *
     * @throws MicrocredException {@link Problem#INVALID_REQUEST} "unknown occupation: ..." when there is none
     */
    public Occupation requireOccupation(String ref) {
        Objects.requireNonNull(ref, "ref");
        return occupation(ref).orElseThrow(
            () -> new MicrocredException(Problem.INVALID_REQUEST, "unknown occupation: " + oneLine(ref)));
    }

    /** The skill, knowledge, technology or group node with this id. */
    public Optional<Skill> skill(String ref) {
        return Optional.ofNullable(skills.get(SkillIds.canonical(ref)));
    }

    /**
     * The skill with this id.
     *
     * @throws MicrocredException {@link Problem#INVALID_REQUEST} "unknown skill: ..." when there is none
     */
    public Skill requireSkill(String ref) {
        Objects.requireNonNull(ref, "ref");
        return skill(ref).orElseThrow(
            () -> new MicrocredException(Problem.INVALID_REQUEST, "unknown skill: " + oneLine(ref)));
    }

    /** All occupations, ESCO first, in source order. */
    public Collection<Occupation> occupations() {
        return occupations.values();
    }

    /** All skill nodes (including groups), in source order. */
    public Collection<Skill> skills() {
        return skills.values();
    }

    /** What the occupation's framework links it to (all O*NET ratings, including low importance); may be empty. */
    public List<Requirement> requirements(String occupationId) {
        return requirements.getOrDefault(requireOccupation(occupationId).id(), List.of());
    }

    /** Ids of the occupations that link to this skill. */
    public List<String> occupationsRequiring(String skillId) {
        return requiredBy.getOrDefault(SkillIds.canonical(skillId), List.of());
    }

    /** Direct children of a skill or group in its hierarchy. */
    public List<String> narrower(String skillId) {
        return narrower.getOrDefault(SkillIds.canonical(skillId), List.of());
    }

    /** ESCO skill–skill relations of this skill. */
    public List<SkillLink> skillLinks(String skillId) {
        return skillLinks.getOrDefault(SkillIds.canonical(skillId), List.of());
    }

    /** O*NET related occupations, most related first; empty for ESCO occupations. */
    public List<RelatedOccupation> related(String occupationId) {
        return related.getOrDefault(requireOccupation(occupationId).id(), List.of());
    }

    static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
