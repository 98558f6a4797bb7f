package dev.microcred.server.skills;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.json.Json;
import dev.microcred.skills.gap.GapAnalyzer;
import dev.microcred.skills.gap.Gap;
import dev.microcred.skills.gap.RequiredSkill;
import dev.microcred.skills.graph.Occupation;
import dev.microcred.skills.graph.RelatedOccupation;
import dev.microcred.skills.graph.Requirement;
import dev.microcred.skills.graph.Skill;
import dev.microcred.skills.graph.SkillsGraph;
import dev.microcred.skills.pathway.Alternative;
import dev.microcred.skills.pathway.CostMeasure;
import dev.microcred.skills.pathway.Plan;
import dev.microcred.skills.pathway.PlanStep;
import dev.microcred.skills.profile.Evidence;
import dev.microcred.skills.profile.IgnoredCredential;
import dev.microcred.skills.profile.ProfileSkill;
import dev.microcred.skills.search.SearchHit;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON forms of the skills API's answers. Stateless. */
public final class SkillsJson {
    static final String ABOUT = "/about";

    private SkillsJson() {
    }

    /** The path segment for an occupation or skill id (URL-encoded). */
    public static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    static ObjectNode hit(SearchHit h, SkillsGraph graph) {
        ObjectNode o = Json.object();
        o.put("id", h.id());
        o.put("kind", h.kind().name().toLowerCase(Locale.ROOT));
        o.put("framework", h.framework().name().toLowerCase(Locale.ROOT));
        o.put("label", h.label());
        o.put("matched", h.matched());
        o.put("score", Math.round(h.score() * 1000) / 1000.0);
        graph.occupation(h.id()).ifPresent(oc -> {
            o.put("code", oc.code());
            o.put("href", "/api/occupations/" + encode(oc.id()));
        });
        graph.skill(h.id()).ifPresent(s -> o.put("type", s.type().name().toLowerCase(Locale.ROOT)));
        return o;
    }

    /** Required links of an occupation that count (weight above 0), heaviest first. */
    static List<Requirement> required(SkillsGraph graph, Occupation o) {
        List<Requirement> out = new ArrayList<>();
        for (Requirement r : graph.requirements(o.id())) {
            if (GapAnalyzer.weight(r) > 0) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparingDouble(GapAnalyzer::weight).reversed()
                .thenComparing(r -> label(graph, r.skillId())));
        return out;
    }

    static ObjectNode occupation(Occupation o, SkillsGraph graph) {
        ObjectNode out = Json.object();
        out.put("id", o.id());
        out.put("framework", o.framework().name().toLowerCase(Locale.ROOT));
        out.put("code", o.code());
        out.put("label", o.label());
        out.put("description", o.description());
        if (!o.iscoGroup().isEmpty()) {
            out.put("iscoGroup", o.iscoGroup());
        }
        if (o.jobZone() > 0) {
            out.put("jobZone", o.jobZone());
        }
        ArrayNode alt = out.putArray("altLabels");
        o.altLabels().stream().limit(25).forEach(alt::add);
        ArrayNode req = out.putArray("requiredSkills");
        for (Requirement r : required(graph, o)) {
            ObjectNode s = req.addObject();
            s.put("skillId", r.skillId());
            Skill skill = graph.requireSkill(r.skillId());
            s.put("label", skill.label());
            s.put("type", skill.type().name().toLowerCase(Locale.ROOT));
            s.put("relevance", r.relevance().name().toLowerCase(Locale.ROOT));
            number(s, "importance", r.importance());
            number(s, "level", r.level());
            Integer need = GapAnalyzer.requiredLevel(r);
            if (need != null) {
                s.put("requiredLevel", need);
            }
            s.put("weight", round(GapAnalyzer.weight(r)));
            if (r.flags().hot()) {
                s.put("hot", true);
            }
            if (r.flags().inDemand()) {
                s.put("inDemand", true);
            }
        }
        ArrayNode related = out.putArray("relatedOccupations");
        for (RelatedOccupation r : graph.related(o.id())) {
            ObjectNode x = related.addObject();
            x.put("id", r.occupationId());
            x.put("label", graph.occupation(r.occupationId()).map(Occupation::label).orElse(r.occupationId()));
            x.put("tier", r.tier());
            x.put("rank", r.rank());
            x.put("href", "/api/occupations/" + encode(r.occupationId()));
        }
        out.put("attribution", ABOUT);
        return out;
    }

    static ArrayNode credentials(List<PresentedCredential> presented) {
        ArrayNode out = Json.mapper().createArrayNode();
        for (PresentedCredential p : presented) {
            ObjectNode o = out.addObject();
            o.put("index", p.index());
            o.put("id", p.verified().credentialId());
            o.put("outcome", p.outcome());
            o.put("counts", p.verified().counts());
            o.put("detail", p.detail());
            if (!p.verified().achievementName().isEmpty()) {
                o.put("achievement", p.verified().achievementName());
            }
            o.put("skills", p.verified().alignments().size());
        }
        return out;
    }

    static ObjectNode profile(Analysis a, SkillsGraph graph) {
        ObjectNode out = Json.object();
        out.put("explanation", a.note());
        ArrayNode skills = out.putArray("skills");
        for (ProfileSkill s : a.profile().skills()) {
            ObjectNode o = skills.addObject();
            o.put("skillId", s.skillId());
            o.put("label", label(graph, s.skillId()));
            o.put("group", SkillGroups.of(graph, s.skillId()));
            o.put("state", s.state().name().toLowerCase(Locale.ROOT));
            if (s.level() != null) {
                o.put("level", s.level());
            }
            o.put("lastIssued", s.lastIssued().toString());
            ArrayNode ev = o.putArray("evidence");
            for (Evidence e : s.evidence()) {
                ObjectNode x = ev.addObject();
                x.put("credentialId", e.credentialId());
                x.put("achievementId", e.achievementId());
                x.put("status", e.status().name().toLowerCase(Locale.ROOT));
                x.put("issuerId", e.issuerId());
                if (e.level() != null) {
                    x.put("level", e.level());
                }
                x.put("issuedAt", e.issuedAt().toString());
                if (e.validUntil() != null) {
                    x.put("validUntil", e.validUntil().toString());
                }
            }
        }
        ArrayNode ignored = out.putArray("ignored");
        for (IgnoredCredential i : a.profile().ignored()) {
            ObjectNode o = ignored.addObject();
            o.put("credentialId", i.credentialId());
            o.put("status", i.status().name().toLowerCase(Locale.ROOT));
            o.put("reason", i.reason());
        }
        out.set("credentials", credentials(a.credentials()));
        return out;
    }

    static ObjectNode gap(Gap g) {
        ObjectNode out = Json.object();
        ObjectNode occ = out.putObject("occupation");
        occ.put("id", g.occupation().id());
        occ.put("label", g.occupation().label());
        occ.put("framework", g.occupation().framework().name().toLowerCase(Locale.ROOT));
        occ.put("code", g.occupation().code());
        out.put("closeness", round(g.closeness()));
        out.put("goalMet", g.goalMet());
        out.put("explanation", g.explanation());
        ObjectNode counts = out.putObject("counts");
        counts.put("required", g.skills().size());
        counts.put("proven", g.proven().size());
        counts.put("stale", g.stale().size());
        counts.put("missing", g.missing().size());
        ArrayNode skills = out.putArray("skills");
        for (RequiredSkill s : g.skills()) {
            ObjectNode o = skills.addObject();
            o.put("skillId", s.skillId());
            o.put("label", s.label());
            o.put("relevance", s.relevance().name().toLowerCase(Locale.ROOT));
            number(o, "importance", s.importance());
            if (s.requiredLevel() != null) {
                o.put("requiredLevel", s.requiredLevel());
            }
            o.put("weight", round(s.weight()));
            o.put("coverage", s.coverage().name().toLowerCase(Locale.ROOT));
            if (s.provenLevel() != null) {
                o.put("provenLevel", s.provenLevel());
            }
            o.put("levelMet", s.levelMet());
            o.put("credit", round(s.credit()));
            if (s.matchedSkillId() != null) {
                o.put("matchedSkillId", s.matchedSkillId());
            }
            if (s.approximate()) {
                o.put("approximate", true);
            }
            ArrayNode ev = o.putArray("evidence");
            s.evidence().forEach(ev::add);
        }
        return out;
    }

    static ObjectNode plan(Plan p, Map<String, Offering> offerings, SkillsGraph graph) {
        ObjectNode out = Json.object();
        out.put("objective", p.measure() == CostMeasure.WORKLOAD_HOURS ? "workload" : "cost");
        out.put("unit", p.measure() == CostMeasure.WORKLOAD_HOURS ? "hours" : "cost");
        out.put("totalCost", round(p.totalCost()));
        out.put("lowerBound", round(p.lowerBound()));
        out.put("optimal", p.optimal());
        if (Double.isInfinite(p.maxAboveOptimal())) {
            out.putNull("maxAboveOptimal");
        } else {
            out.put("maxAboveOptimal", round(p.maxAboveOptimal()));
        }
        out.put("optimality", optimality(p));
        out.put("method", p.method());
        out.put("explanation", p.explanation());
        ObjectNode progress = out.putObject("progress");
        progress.put("gapSkills", p.progress().gapSkills());
        progress.put("coveredByHeld", p.progress().coveredByHeld());
        progress.put("uncoverable", p.progress().uncoverable());
        progress.put("skillsDone", round(p.progress().skillsDone()));
        progress.put("heldCost", round(p.progress().heldCost()));
        progress.put("remainingCost", round(p.progress().remainingCost()));
        ArrayNode steps = out.putArray("steps");
        for (PlanStep s : p.steps()) {
            ObjectNode o = steps.addObject();
            o.put("order", s.order());
            o.put("achievementId", s.achievementId());
            o.put("name", s.name());
            Offering offering = offerings.get(s.achievementId());
            if (offering != null) {
                o.put("issuer", offering.issuerSlug());
                o.put("issuerName", offering.issuerName());
                o.put("source", offering.source());
                o.put("workloadHours", nan(offering.achievement().workloadHours()));
                o.put("price", nan(offering.achievement().cost()));
            }
            o.put("cost", round(s.cost()));
            o.put("held", s.held());
            o.set("covers", skills(s.covers(), graph));
            ArrayNode pre = o.putArray("prerequisiteOf");
            s.prerequisiteOf().forEach(pre::add);
            o.put("reason", s.reason());
            ArrayNode alts = o.putArray("alternatives");
            for (Alternative a : s.alternatives()) {
                ObjectNode x = alts.addObject();
                x.put("achievementId", a.achievementId());
                x.put("name", a.name());
                x.put("cost", round(a.cost()));
                x.set("covers", skills(a.covers(), graph));
            }
        }
        out.set("uncoverable", skills(p.uncoverable(), graph));
        return out;
    }

    /** "exact" or "at most X% above optimal" (or "no bound available"). */
    public static String optimality(Plan p) {
        if (p.optimal()) {
            return "exact";
        }
        if (Double.isInfinite(p.maxAboveOptimal())) {
            return "no bound available";
        }
        return String.format(Locale.ROOT, "at most %.0f%% above optimal", Math.ceil(p.maxAboveOptimal() * 100));
    }

    private static ArrayNode skills(List<String> ids, SkillsGraph graph) {
        ArrayNode out = Json.mapper().createArrayNode();
        for (String id : ids) {
            ObjectNode o = out.addObject();
            o.put("skillId", id);
            o.put("label", label(graph, id));
        }
        return out;
    }

    static String label(SkillsGraph graph, String id) {
        return graph.skill(id).map(Skill::label).orElse(id);
    }

    private static void number(ObjectNode o, String name, double v) {
        if (!Double.isNaN(v)) {
            o.put(name, round(v));
        }
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : round(v);
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
