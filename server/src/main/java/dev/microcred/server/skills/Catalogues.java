package dev.microcred.server.skills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.server.issuing.AchievementCatalog;
import dev.microcred.skills.graph.Occupation;
import dev.microcred.skills.graph.Skill;
import dev.microcred.skills.graph.SkillIds;
import dev.microcred.skills.graph.SkillType;
import dev.microcred.skills.graph.SkillsGraph;
import dev.microcred.skills.pathway.Catalogue;
import dev.microcred.skills.pathway.CatalogueAchievement;
import dev.microcred.skills.pathway.TaughtSkill;
import dev.microcred.skills.profile.Credibility;
import dev.microcred.store.Database;
import dev.microcred.store.Issuer;
import dev.microcred.store.Store;
import dev.microcred.store.StoredAchievement;
import dev.microcred.store.StoredCatalogueEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What this instance offers learners, for pathway planning: every issuer's achievements (not archived) with the
 * skills they are aligned to and the notional workload of their EU {@code workload: N hours} element, plus the
 * catalogues issuers import ({@link #replace}): learning opportunities with skills (and levels), workload, cost and
 * prerequisites. An imported entry whose {@code achievementUrl} is one of the issuer's achievements describes that
 * achievement (and replaces it in the planner's view, adding levels, cost and prerequisites). Thread-safe.
 */
public final class Catalogues {
    static final int MAX_ENTRIES = 1000;
    static final int MAX_SKILLS = 50;
    static final int MAX_PREREQUISITES = 20;
    static final Pattern ENTRY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern WORKLOAD = Pattern.compile(
            Pattern.quote(AchievementCatalog.TAG_WORKLOAD) + "(\\d+(?:\\.\\d+)?) hours?");

    private final Database db;
    private final Store store;
    private final String baseUrl;
    private final Supplier<SkillsGraph> graph;
    private final Clock clock;

    public Catalogues(Database db, Store store, String baseUrl, Supplier<SkillsGraph> graph, Clock clock) {
        this.db = db;
        this.store = store;
        this.baseUrl = baseUrl;
        this.graph = graph;
        this.clock = clock;
    }

    /**
     * Validates {@code body} (a JSON array of entries, or {@code {"entries": [...]}}) and replaces the issuer's
     * catalogue with it in one transaction. Each entry: {@code id} (letters, digits, {@code . _ -}), {@code name},
     * {@code skills} (skill ids, or {@code {"id", "level"}} with a level 0–7), optional {@code workloadHours},
     * {@code cost}, {@code prerequisites} (ids of entries of this catalogue or of the issuer's achievements) and
     * {@code achievementUrl}.
     *
     * @return the stored entries, in order
     * @throws MicrocredException {@code INVALID_REQUEST} naming the entry and member at fault, an unknown skill or
     *     prerequisite, or a prerequisite cycle ("prerequisite cycle: a -> b -> a", a requiring b)
     */
    public List<StoredCatalogueEntry> replace(Issuer issuer, JsonNode body) {
        JsonNode list = body.isObject() ? body.path("entries") : body;
        if (!list.isArray()) {
            throw invalid("send a JSON array of catalogue entries (or {\"entries\": [...]})");
        }
        if (list.size() > MAX_ENTRIES) {
            throw invalid("a catalogue holds at most " + MAX_ENTRIES + " entries, got " + list.size());
        }
        List<StoredAchievement> achievements = db.read(c -> store.achievements().byIssuer(c, issuer.id()));
        Map<String, StoredAchievement> byId = new HashMap<>();
        achievements.forEach(a -> byId.put(a.id(), a));
        Set<String> ownUrls = new HashSet<>();
        achievements.forEach(a -> ownUrls.add(achievementUrl(issuer, a)));
        Set<String> ids = new HashSet<>();
        for (JsonNode e : list) {
            if (e.isObject() && e.path("id").isTextual()) {
                ids.add(e.path("id").asText());
            }
        }
        Set<String> otherUrls = otherIssuersUrls(issuer);
        SkillsGraph g = graph.get();
        Instant now = clock.instant();
        List<StoredCatalogueEntry> out = new ArrayList<>();
        List<CatalogueAchievement> check = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> prereqAchievements = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String where = "entries[" + i + "]";
            if (!e.isObject()) {
                throw invalid(where + " must be an object");
            }
            String id = text(e, "id", where, 100, true);
            if (!ENTRY_ID.matcher(id).matches()) {
                throw invalid(where + ".id must be letters, digits, '.', '_' or '-' (at most 100), not " + quote(id));
            }
            if (!seen.add(id)) {
                throw invalid("entry id " + quote(id) + " is used twice");
            }
            where = "entry " + quote(id);
            String name = text(e, "name", where, 300, true);
            ObjectNode doc = Json.object();
            doc.put("name", name);
            ArrayNode skills = doc.putArray("skills");
            JsonNode given = e.path("skills");
            if (!given.isArray() || given.isEmpty()) {
                throw invalid(where + ": skills must be a non-empty array of skill ids or {\"id\", \"level\"}");
            }
            if (given.size() > MAX_SKILLS) {
                throw invalid(where + ": at most " + MAX_SKILLS + " skills");
            }
            for (JsonNode s : given) {
                String ref;
                Integer level = null;
                if (s.isTextual()) {
                    ref = s.asText();
                } else if (s.isObject() && s.path("id").isTextual()) {
                    ref = s.path("id").asText();
                    JsonNode l = s.get("level");
                    if (l != null && !l.isNull()) {
                        if (!l.isIntegralNumber() || l.asInt() < 0 || l.asInt() > 7) {
                            throw invalid(where + ": skill level must be an integer 0..7 (the O*NET level scale)");
                        }
                        level = l.asInt();
                    }
                } else {
                    throw invalid(where + ": skills holds skill ids or {\"id\", \"level\"} objects");
                }
                ObjectNode o = skills.addObject();
                o.put("id", skillId(g, ref, where));
                if (level != null) {
                    o.put("level", level);
                }
            }
            double workload = number(e, "workloadHours", where, 100_000);
            double cost = number(e, "cost", where, 10_000_000);
            if (!Double.isNaN(workload)) {
                doc.put("workloadHours", workload);
            }
            if (!Double.isNaN(cost)) {
                doc.put("cost", cost);
            }
            ArrayNode pre = doc.putArray("prerequisites");
            JsonNode p = e.path("prerequisites");
            if (!p.isMissingNode() && !p.isNull() && !p.isArray()) {
                throw invalid(where + ": prerequisites must be an array of entry or achievement ids");
            }
            if (p.size() > MAX_PREREQUISITES) {
                throw invalid(where + ": at most " + MAX_PREREQUISITES + " prerequisites");
            }
            List<String> local = new ArrayList<>();
            for (JsonNode r : p) {
                String ref = r.asText("");
                if (ids.contains(ref)) {
                    local.add(ref);
                } else if (byId.containsKey(ref)) {
                    local.add("achievement:" + ref);
                    prereqAchievements.add(ref);
                } else {
                    throw invalid(where + ": unknown prerequisite " + quote(ref)
                            + " (neither an entry of this catalogue nor an achievement of this issuer)");
                }
                pre.add(ref);
            }
            String url = text(e, "achievementUrl", where, 500, false);
            if (url != null) {
                if (!url.matches("(https?|urn):\\S+")) {
                    throw invalid(where + ": achievementUrl must be an http(s) URL or a URN");
                }
                if (otherUrls.contains(url)) {
                    throw invalid(where + ": achievementUrl names an achievement of another issuer");
                }
                doc.put("achievementUrl", url);
            }
            out.add(new StoredCatalogueEntry(issuer.id(), id, i, Json.write(doc), now));
            check.add(new CatalogueAchievement(id, name, issuer.did(), List.of(), 0, 0, local, Credibility.NONE));
        }
        for (String a : prereqAchievements) {
            check.add(new CatalogueAchievement("achievement:" + a, byId.get(a).name(), issuer.did(), List.of(), 0, 0,
                    List.of(), Credibility.NONE));
        }
        Catalogue.of(check); // rejects prerequisite cycles, naming them by entry id
        db.inTransaction(c -> {
            store.catalogueEntries().replace(c, issuer.id(), out);
            return null;
        });
        return out;
    }

    private Set<String> otherIssuersUrls(Issuer issuer) {
        Set<String> out = new HashSet<>();
        Offers offers = offers();
        offers.achievements().forEach((issuerId, achievements) -> {
            if (!issuerId.equals(issuer.id())) {
                Issuer other = offers.issuers().get(issuerId);
                achievements.forEach(a -> out.add(achievementUrl(other, a)));
            }
        });
        for (StoredCatalogueEntry e : offers.entries()) {
            if (!e.issuerId().equals(issuer.id())) {
                JsonNode url = Json.parse(e.document()).get("achievementUrl");
                if (url != null) {
                    out.add(url.asText());
                }
            }
        }
        return out;
    }

    /** The issuer's imported catalogue as JSON: {@code [{"id", "name", "skills", ...}]}. */
    public ArrayNode entries(Issuer issuer) {
        ArrayNode out = Json.mapper().createArrayNode();
        for (StoredCatalogueEntry e : db.read(c -> store.catalogueEntries().byIssuer(c, issuer.id()))) {
            ObjectNode o = out.addObject();
            o.put("id", e.entryId());
            Json.parseObject(e.document()).properties().forEach(f -> o.set(f.getKey(), f.getValue()));
        }
        return out;
    }

    /** Everything offered now, each with its issuer; ids are unique (the first offering of an id wins). */
    public List<Offering> offered() {
        Offers offers = offers();
        Map<String, Offering> out = new LinkedHashMap<>();
        Map<String, List<String>> pendingPrerequisites = new HashMap<>();
        Map<String, String> entryUrl = new HashMap<>();
        Map<StoredCatalogueEntry, ObjectNode> docs = new LinkedHashMap<>();
        for (StoredCatalogueEntry e : offers.entries()) {
            ObjectNode doc = Json.parseObject(e.document());
            docs.put(e, doc);
            entryUrl.put(e.issuerId() + "\n" + e.entryId(), doc.has("achievementUrl")
                    ? doc.get("achievementUrl").asText()
                    : baseUrl + "/issuers/" + offers.issuers().get(e.issuerId()).slug() + "/catalogue/" + e.entryId());
        }
        for (Map.Entry<StoredCatalogueEntry, ObjectNode> parsed : docs.entrySet()) {
            StoredCatalogueEntry e = parsed.getKey();
            ObjectNode doc = parsed.getValue();
            Issuer issuer = offers.issuers().get(e.issuerId());
            String id = entryUrl.get(e.issuerId() + "\n" + e.entryId());
            List<TaughtSkill> skills = new ArrayList<>();
            for (JsonNode s : doc.path("skills")) {
                skills.add(new TaughtSkill(s.path("id").asText(), s.has("level") ? s.get("level").asInt() : null));
            }
            List<String> prerequisites = new ArrayList<>();
            for (JsonNode r : doc.path("prerequisites")) {
                String local = entryUrl.get(e.issuerId() + "\n" + r.asText());
                prerequisites.add(local != null ? local
                        : baseUrl + "/issuers/" + issuer.slug() + "/achievements/" + r.asText());
            }
            CatalogueAchievement a = new CatalogueAchievement(id, doc.path("name").asText(), issuer.did(), skills,
                    doc.has("workloadHours") ? doc.get("workloadHours").asDouble() : Double.NaN,
                    doc.has("cost") ? doc.get("cost").asDouble() : Double.NaN, prerequisites, Credibility.NONE);
            out.putIfAbsent(id, new Offering(a, issuer.slug(), issuer.name(), "catalogue"));
            pendingPrerequisites.put(id, prerequisites);
        }
        SkillsGraph g = graph.get();
        for (Issuer issuer : offers.issuers().values()) {
            for (StoredAchievement s : offers.achievements().getOrDefault(issuer.id(), List.of())) {
                if (s.archivedAt() != null) {
                    continue;
                }
                ObjectNode doc = Json.parseObject(s.document());
                String id = doc.path("id").asText(achievementUrl(issuer, s));
                if (out.containsKey(id)) {
                    continue;
                }
                List<TaughtSkill> skills = new ArrayList<>();
                for (JsonNode al : doc.path("alignment")) {
                    String skill = CredentialReader.skillOf(al, g);
                    if (skill != null) {
                        skills.add(new TaughtSkill(skill, null));
                    }
                }
                CatalogueAchievement a = new CatalogueAchievement(id, s.name(), issuer.did(), skills, workload(doc),
                        Double.NaN, List.of(), Credibility.NONE);
                out.put(id, new Offering(a, issuer.slug(), issuer.name(), "achievement"));
            }
        }
        // an entry whose prerequisite is no longer offered (an archived achievement) cannot be taken: drop it
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            for (Map.Entry<String, List<String>> e : pendingPrerequisites.entrySet()) {
                if (out.containsKey(e.getKey()) && !out.keySet().containsAll(e.getValue())) {
                    out.remove(e.getKey());
                    dropped = true;
                }
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * The issuers (by id, in slug order), every imported catalogue entry, and the achievements of each issuer, read
     * on one connection in three queries.
     */
    private Offers offers() {
        return db.read(c -> {
            Map<String, Issuer> issuers = new LinkedHashMap<>();
            store.issuers().all(c).forEach(i -> issuers.put(i.id(), i));
            Map<String, List<StoredAchievement>> achievements = new HashMap<>();
            store.achievements().all(c)
                    .forEach(a -> achievements.computeIfAbsent(a.issuerId(), k -> new ArrayList<>()).add(a));
            return new Offers(issuers, store.catalogueEntries().all(c), achievements);
        });
    }

    private record Offers(Map<String, Issuer> issuers, List<StoredCatalogueEntry> entries,
                          Map<String, List<StoredAchievement>> achievements) {
    }

    /** The planner's catalogue over {@code offered}. */
    public static Catalogue catalogue(List<Offering> offered) {
        return Catalogue.of(offered.stream().map(Offering::achievement).toList());
    }

    static double workload(JsonNode achievement) {
        for (JsonNode t : achievement.path("tag")) {
            Matcher m = WORKLOAD.matcher(t.asText());
            if (m.matches()) {
                return Double.parseDouble(m.group(1));
            }
        }
        return Double.NaN;
    }

    String achievementUrl(Issuer issuer, StoredAchievement a) {
        return baseUrl + "/issuers/" + issuer.slug() + "/achievements/" + a.id();
    }

    static String skillId(SkillsGraph g, String ref, String where) {
        String id = SkillIds.canonical(ref);
        Optional<Skill> skill = g.skill(id);
        if (skill.isPresent()) {
            if (skill.get().type() == SkillType.GROUP) {
                throw invalid(where + ": " + quote(ref) + " is a skill group, not a skill: name the skills it holds");
            }
            return id;
        }
        Optional<Occupation> occupation = g.occupation(id);
        if (occupation.isPresent()) {
            throw invalid(where + ": " + quote(ref) + " is an occupation (" + occupation.get().label()
                    + "), not a skill");
        }
        if (SkillIds.framework(id).isPresent() || !id.matches("https?://\\S+")) {
            throw invalid(where + ": unknown skill " + quote(ref) + " (ESCO concept URIs, O*NET element ids such as"
                    + " 2.B.3.e, onet:technology/<name>, or the http(s) URL of another framework's item)");
        }
        return id;
    }

    private static String text(JsonNode e, String name, String where, int max, boolean required) {
        JsonNode v = e.get(name);
        if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
            if (required) {
                throw invalid(where + ": " + name + " is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw invalid(where + ": " + name + " must be a string");
        }
        String s = v.asText().strip();
        if (s.length() > max) {
            throw invalid(where + ": " + name + " is at most " + max + " characters");
        }
        return s;
    }

    private static double number(JsonNode e, String name, String where, double max) {
        JsonNode v = e.get(name);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber() || v.asDouble() < 0 || v.asDouble() > max) {
            throw invalid(where + ": " + name + " must be a number from 0 to " + (long) max);
        }
        return v.asDouble();
    }

    static String quote(String s) {
        String t = s.length() > 100 ? s.substring(0, 100) + "..." : s;
        return "\"" + t.replaceAll("\\p{Cntrl}", " ") + "\"";
    }

    static MicrocredException invalid(String message) {
        return new MicrocredException(Problem.INVALID_REQUEST, message);
    }
}
