package dev.microcred.skills.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Rebuilds the bundled skills graph ({@code skills/src/main/resources/dev/microcred/skills/graph/*.tsv.gz}) from
 * the shared ESCO 1.1.1 and O*NET 29.2 CSV files. Run from the repository root:
 *
 * <pre>
 * mvn -q -B -pl skills test-compile exec:java -Dexec.mainClass=dev.microcred.skills.graph.GraphConversion \
 *     -Dexec.args="../shared/data skills/src/main/resources/dev/microcred/skills/graph"
 * </pre>
 *
 * <p>Output is deterministic (input order, no timestamps in the gzip header beyond the JDK's fixed zero). Every
 * file is UTF-8, one record per line, tab-separated, with no header; multi-valued fields are {@code |}-joined.
 * The layouts are documented in {@link BundledGraphReader}. Tabs, newlines and {@code |} inside values are
 * replaced by spaces (multi-valued fields) so that the reader needs no quoting rules.
 */
public final class GraphConversion {
    private static final String ESCO = "http://data.europa.eu/esco/";

    private final Path data;
    private final Path out;

    private GraphConversion(Path data, Path out) {
        this.data = data;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: GraphConversion <shared data dir> <output resource dir>");
            System.exit(2);
        }
        GraphConversion conversion = new GraphConversion(Path.of(args[0]), Path.of(args[1]));
        Files.createDirectories(conversion.out);
        conversion.esco();
        conversion.onet();
        long total = 0;
        try (var files = Files.list(conversion.out)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                long size = Files.size(p);
                total += size;
                System.out.printf(Locale.ROOT, "%-36s %,10d bytes%n", p.getFileName(), size);
            }
        }
        System.out.printf(Locale.ROOT, "%-36s %,10d bytes%n", "total", total);
    }

    // ---------------------------------------------------------------- ESCO

    private void esco() throws IOException {
        // esco-skills: shortId, type, reuseLevel, label, broader(shortIds), description
        List<String[]> skillRows = new ArrayList<>();
        Map<String, Integer> skillRow = new HashMap<>();
        for (Map<String, String> r : csv("esco/skill_groups.csv")) {
            String id = shortId(r.get("uri"));
            String type = id.startsWith("isced-f/") ? "field" : "group";
            skillRow.put(id, skillRows.size());
            skillRows.add(new String[] {id, type, "", r.get("preferred_label"), shortIds(r.get("broader_uris")),
                r.get("description")});
        }
        for (Map<String, String> r : csv("esco/skills.csv")) {
            String id = shortId(r.get("uri"));
            String type = switch (r.get("skill_type")) {
                case "knowledge" -> "knowledge";
                default -> "skill";
            };
            skillRow.put(id, skillRows.size());
            skillRows.add(new String[] {id, type, r.get("reuse_level"), r.get("preferred_label"),
                shortIds(r.get("broader_uris")), r.get("description")});
        }
        write("esco-skills.tsv.gz", skillRows);

        // esco-occupations: shortId, code, iscoGroup, label, altLabels, broader(shortIds), description
        List<String[]> occRows = new ArrayList<>();
        Map<String, Integer> occRow = new HashMap<>();
        for (Map<String, String> r : csv("esco/occupations.csv")) {
            String id = shortId(r.get("uri"));
            occRow.put(id, occRows.size());
            occRows.add(new String[] {id, r.get("code"), r.get("isco_group"), r.get("preferred_label"),
                r.get("alt_labels"), shortIds(r.get("broader_uris")), r.get("description")});
        }
        write("esco-occupations.tsv.gz", occRows);

        // esco-occupation-skills: occupationRow, essential|optional, skillRows (space-separated)
        List<String[]> links = new ArrayList<>();
        for (Map<String, String> r : csv("esco/occupation_skill_relations.csv")) {
            Integer occ = occRow.get(shortId(r.get("occupation_uri")));
            if (occ == null) {
                throw new IllegalStateException("unknown occupation " + r.get("occupation_uri"));
            }
            StringBuilder rows = new StringBuilder();
            for (String uuid : r.get("skill_ids").split(" ")) {
                Integer s = skillRow.get("skill/" + uuid);
                if (s == null) {
                    throw new IllegalStateException("unknown skill " + uuid);
                }
                if (rows.length() > 0) rows.append(' ');
                rows.append(s);
            }
            links.add(new String[] {occ.toString(), r.get("relation_type"), rows.toString()});
        }
        write("esco-occupation-skills.tsv.gz", links);

        // esco-skill-skill: skillRow, essential|optional, relatedSkillRow
        List<String[]> rel = new ArrayList<>();
        for (Map<String, String> r : csv("esco/skill_skill_relations.csv")) {
            Integer a = skillRow.get("skill/" + r.get("original_skill_id"));
            Integer b = skillRow.get("skill/" + r.get("related_skill_id"));
            if (a == null || b == null) {
                throw new IllegalStateException("unknown skill in relation " + r);
            }
            rel.add(new String[] {a.toString(), r.get("relation_type"), b.toString()});
        }
        write("esco-skill-skill.tsv.gz", rel);
    }

    // ---------------------------------------------------------------- O*NET

    private void onet() throws IOException {
        List<String[]> occ = new ArrayList<>();
        for (Map<String, String> r : csv("onet/occupations.csv")) {
            occ.add(new String[] {r.get("onetsoc_code"), r.get("title"), r.get("job_zone"), r.get("description")});
        }
        write("onet-occupations.tsv.gz", occ);

        // onet-elements: elementId, type (skill|knowledge|group), name, description — the 2.A/2.B/2.C subtree
        List<String[]> elements = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Map<String, String> r : csv("onet/content_model_reference.csv")) {
            names.put(r.get("element_id"), r.get("element_name"));
        }
        Map<String, String> leafType = new HashMap<>();
        for (Map<String, String> r : csv("onet/occupation_skills.csv")) {
            leafType.put(r.get("element_id"), "skill");
        }
        for (Map<String, String> r : csv("onet/occupation_knowledge.csv")) {
            leafType.put(r.get("element_id"), "knowledge");
        }
        for (Map<String, String> r : csv("onet/content_model_reference.csv")) {
            String id = r.get("element_id");
            if (!(id.startsWith("2.A") || id.startsWith("2.B") || id.startsWith("2.C"))) continue;
            String type = leafType.getOrDefault(id, "group");
            boolean parentOfRated = leafType.keySet().stream().anyMatch(l -> l.startsWith(id + "."));
            if (type.equals("group") && !parentOfRated) continue; // e.g. 2.B.1 Social Skills holds no rated leaf
            elements.add(new String[] {id, type, r.get("element_name"), r.get("description")});
        }
        write("onet-elements.tsv.gz", elements);

        // onet-ratings: occupation, elementId, importance, level, flags (n = not relevant, s = suppress)
        List<String[]> ratings = new ArrayList<>();
        for (String file : List.of("onet/occupation_skills.csv", "onet/occupation_knowledge.csv")) {
            for (Map<String, String> r : csv(file)) {
                String flags = ("Y".equals(r.get("not_relevant")) ? "n" : "")
                    + ("Y".equals(r.get("recommend_suppress")) ? "s" : "");
                ratings.add(new String[] {r.get("onetsoc_code"), r.get("element_id"), r.get("importance"),
                    r.get("level"), flags});
            }
        }
        write("onet-ratings.tsv.gz", ratings);

        // onet-technologies: slug, example, commodityCode, commodityTitle
        Map<String, String> commodity = new HashMap<>();
        for (Map<String, String> r : csv("onet/unspsc_commodities.csv")) {
            commodity.put(r.get("commodity_code"), r.get("commodity_title"));
        }
        Map<String, Integer> techRow = new LinkedHashMap<>();
        Map<String, String> usedSlugs = new HashMap<>();
        List<String[]> tech = new ArrayList<>();
        List<String[]> techLinks = new ArrayList<>();
        for (Map<String, String> r : csv("onet/technology_skills.csv")) {
            String example = r.get("example");
            Integer row = techRow.get(example);
            if (row == null) {
                String slug = slug(example);
                String candidate = slug;
                for (int n = 2; usedSlugs.containsKey(candidate); n++) {
                    candidate = slug + "-" + n;
                }
                usedSlugs.put(candidate, example);
                row = tech.size();
                techRow.put(example, row);
                tech.add(new String[] {candidate, example, r.get("commodity_code"),
                    commodity.getOrDefault(r.get("commodity_code"), "")});
            }
            // onet-technology-links: occupation, technologyRow, flags (h = hot technology, d = in demand)
            String flags = ("Y".equals(r.get("hot_technology")) ? "h" : "") + ("Y".equals(r.get("in_demand")) ? "d" : "");
            techLinks.add(new String[] {r.get("onetsoc_code"), row.toString(), flags});
        }
        write("onet-technologies.tsv.gz", tech);
        write("onet-technology-links.tsv.gz", techLinks);

        List<String[]> related = new ArrayList<>();
        for (Map<String, String> r : csv("onet/related_occupations.csv")) {
            related.add(new String[] {r.get("onetsoc_code"), r.get("related_onetsoc_code"),
                r.get("relatedness_tier"), r.get("index")});
        }
        write("onet-related.tsv.gz", related);

        List<String[]> titles = new ArrayList<>();
        for (Map<String, String> r : csv("onet/alternate_titles.csv")) {
            titles.add(new String[] {r.get("onetsoc_code"), r.get("alternate_title"), r.get("short_title")});
        }
        write("onet-alternate-titles.tsv.gz", titles);
    }

    // ---------------------------------------------------------------- helpers

    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replace("c++", "cplusplus").replace("c#", "csharp")
            .replace("f#", "fsharp").replace(".net", "dotnet").replace("+", "plus").replace("#", "sharp");
        s = s.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "x" : s;
    }

    private static String shortId(String uri) {
        if (!uri.startsWith(ESCO)) {
            throw new IllegalStateException("not an ESCO URI: " + uri);
        }
        return uri.substring(ESCO.length());
    }

    private static String shortIds(String uris) {
        if (uris.isEmpty()) return "";
        StringBuilder b = new StringBuilder();
        for (String u : uris.split("\\|")) {
            if (b.length() > 0) b.append('|');
            b.append(shortId(u));
        }
        return b.toString();
    }

    private void write(String name, List<String[]> rows) throws IOException {
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out.resolve(name)), 1 << 16),
            StandardCharsets.UTF_8)) {
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) w.write('\t');
                    w.write(row[i].replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
                }
                w.write('\n');
            }
        }
    }

    /** RFC 4180 records, one per line (the shared files collapse internal newlines), keyed by header names. */
    private List<Map<String, String>> csv(String relative) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(data.resolve(relative), StandardCharsets.UTF_8)) {
            List<String> header = fields(r.readLine());
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty()) continue;
                List<String> f = fields(line);
                if (f.size() != header.size()) {
                    throw new IllegalStateException(relative + ": " + f.size() + " fields in " + line);
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), f.get(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
