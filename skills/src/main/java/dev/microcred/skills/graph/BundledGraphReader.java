package dev.microcred.skills.graph;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads the gzipped TSV resources written by {@code GraphConversion} (test sources). One record per line, tab
 * separated, no header, multi-valued fields {@code |}-joined; "row" means a 0-based line number in another file:
 *
 * <pre>
 * esco-skills              shortId type(skill|knowledge|group|field) reuseLevel label broader(shortIds) description
 * esco-isco                code label
 * esco-occupations         shortId code iscoGroup label altLabels broader(shortIds) description
 * esco-occupation-skills   occupationRow essential|optional skillRows(space separated)
 * esco-skill-skill         skillRow essential|optional relatedSkillRow
 * onet-occupations         socCode title jobZone description
 * onet-elements            elementId type(skill|knowledge|group) name description
 * onet-ratings             socCode elementId importance level flags(n = not relevant, s = suppress)
 * onet-technologies        slug example commodityCode commodityTitle
 * onet-technology-links    socCode technologyRow flags(h = hot, d = in demand)
 * onet-related             socCode relatedSocCode tier rank
 * onet-alternate-titles    socCode title shortTitle
 * </pre>
 * ESCO short ids are the concept URI without {@code http://data.europa.eu/esco/}. Not thread-safe; used once.
 */
final class BundledGraphReader {
    private final List<Occupation> occupations = new ArrayList<>();
    private final List<Skill> skills = new ArrayList<>();
    private final Map<String, List<Requirement>> requirements = new LinkedHashMap<>();
    private final Map<String, List<SkillLink>> skillLinks = new HashMap<>();
    private final Map<String, List<RelatedOccupation>> related = new HashMap<>();

    private BundledGraphReader() {
    }

    static BundledGraphReader read() {
        BundledGraphReader r = new BundledGraphReader();
        r.esco();
        r.onet();
        return r;
    }

    List<Occupation> occupations() {
        return occupations;
    }

    List<Skill> skills() {
        return skills;
    }

    Map<String, List<Requirement>> requirements() {
        return requirements;
    }

    Map<String, List<SkillLink>> skillLinks() {
        return skillLinks;
    }

    Map<String, List<RelatedOccupation>> related() {
        return related;
    }

    private void esco() {
        List<String> skillIds = new ArrayList<>();
        lines("esco-skills", 6, f -> {
            SkillType type = switch (f[1]) {
                case "knowledge" -> SkillType.KNOWLEDGE;
                case "skill" -> SkillType.SKILL;
                default -> SkillType.GROUP;
            };
            String id = SkillIds.ESCO + f[0];
            skillIds.add(id);
            skills.add(new Skill(id, Framework.ESCO, type, f[3], List.of(), f[5], escoIds(f[4]), f[2]));
        });
        List<String> occIds = new ArrayList<>();
        lines("esco-occupations", 7, f -> {
            String id = SkillIds.ESCO + f[0];
            occIds.add(id);
            occupations.add(new Occupation(id, Framework.ESCO, f[1], f[2], f[3], split(f[4]), f[6], 0));
        });
        lines("esco-occupation-skills", 3, f -> {
            Relevance rel = relevance(f[1]);
            List<Requirement> list = requirements.computeIfAbsent(occIds.get(Integer.parseInt(f[0])),
                k -> new ArrayList<>());
            for (String row : f[2].split(" ")) {
                list.add(new Requirement(skillIds.get(Integer.parseInt(row)), rel, Double.NaN, Double.NaN,
                    Requirement.Flags.NONE));
            }
        });
        lines("esco-skill-skill", 3, f -> skillLinks.computeIfAbsent(skillIds.get(Integer.parseInt(f[0])),
            k -> new ArrayList<>()).add(new SkillLink(skillIds.get(Integer.parseInt(f[2])), relevance(f[1]))));
    }

    private void onet() {
        Map<String, List<String>> titles = new HashMap<>();
        lines("onet-alternate-titles", 3, f -> titles.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]));
        lines("onet-occupations", 4, f -> occupations.add(new Occupation(SkillIds.ONET_OCCUPATION + f[0],
            Framework.ONET, f[0], "", f[1], titles.getOrDefault(f[0], List.of()), f[3],
            f[2].isEmpty() ? 0 : Integer.parseInt(f[2]))));
        lines("onet-elements", 4, f -> {
            SkillType type = switch (f[1]) {
                case "skill" -> SkillType.SKILL;
                case "knowledge" -> SkillType.KNOWLEDGE;
                default -> SkillType.GROUP;
            };
            int dot = f[0].lastIndexOf('.');
            List<String> broader = dot > 2 ? List.of(SkillIds.ONET_ELEMENT + f[0].substring(0, dot)) : List.of();
            skills.add(new Skill(SkillIds.ONET_ELEMENT + f[0], Framework.ONET, type, f[2], List.of(), f[3],
                broader, ""));
        });
        lines("onet-ratings", 5, f -> requirements.computeIfAbsent(SkillIds.ONET_OCCUPATION + f[0],
            k -> new ArrayList<>()).add(new Requirement(SkillIds.ONET_ELEMENT + f[1], Relevance.RATED,
            Double.parseDouble(f[2]), Double.parseDouble(f[3]),
            new Requirement.Flags(f[4].contains("n"), f[4].contains("s"), false, false))));
        List<String> techIds = new ArrayList<>();
        lines("onet-technologies", 4, f -> {
            String id = SkillIds.ONET_TECHNOLOGY + f[0];
            techIds.add(id);
            skills.add(new Skill(id, Framework.ONET, SkillType.TECHNOLOGY, f[1], List.of(), "", List.of(), f[3]));
        });
        lines("onet-technology-links", 3, f -> requirements.computeIfAbsent(SkillIds.ONET_OCCUPATION + f[0],
            k -> new ArrayList<>()).add(new Requirement(techIds.get(Integer.parseInt(f[1])), Relevance.TECHNOLOGY,
            Double.NaN, Double.NaN, new Requirement.Flags(false, false, f[2].contains("h"), f[2].contains("d")))));
        lines("onet-related", 4, f -> related.computeIfAbsent(SkillIds.ONET_OCCUPATION + f[0],
            k -> new ArrayList<>()).add(new RelatedOccupation(SkillIds.ONET_OCCUPATION + f[1], f[2],
            Integer.parseInt(f[3]))));
    }

    private static Relevance relevance(String s) {
        return switch (s) {
            case "essential" -> Relevance.ESSENTIAL;
            case "optional" -> Relevance.OPTIONAL;
            default -> throw new MicrocredException(Problem.IO_ERROR, "bundled skills graph: bad relation " + s);
        };
    }

    private static List<String> escoIds(String field) {
        if (field.isEmpty()) return List.of();
        String[] parts = field.split("\\|");
        for (int i = 0; i < parts.length; i++) parts[i] = SkillIds.ESCO + parts[i];
        return Arrays.asList(parts);
    }

    private static List<String> split(String field) {
        return field.isEmpty() ? List.of() : Arrays.asList(field.split("\\|"));
    }

    private static void lines(String name, int fields, Consumer<String[]> row) {
        String resource = name + ".tsv.gz";
        try (InputStream raw = BundledGraphReader.class.getResourceAsStream(resource)) {
            if (raw == null) throw new MicrocredException(Problem.IO_ERROR, "bundled " + resource + " is missing");
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16),
                StandardCharsets.UTF_8), 1 << 16);
            int n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                n++;
                String[] f = line.split("\t", -1);
                if (f.length != fields) {
                    throw new MicrocredException(Problem.IO_ERROR,
                        "bundled " + resource + " line " + n + ": " + f.length + " fields, expected " + fields);
                }
                row.accept(f);
            }
        } catch (IOException e) {
            throw new MicrocredException(Problem.IO_ERROR, "cannot read bundled " + resource, e);
        }
    }
}
