package dev.microcred.server.skills;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.json.Json;
import dev.microcred.server.Platform;
import dev.microcred.skills.graph.SkillsGraph;
import dev.microcred.store.Issuer;
import dev.microcred.store.StoredAchievement;
import dev.microcred.store.StoredPathway;
import java.util.List;

/**
 * The skills part of the demo: an imported catalogue for each demo issuer (levels, workload, cost and prerequisites
 * for planning toward software occupations such as O*NET 15-1251.00 Computer Programmers) and one stackable pathway
 * (Northwind's Python Programming Foundations and Technical Reading stack into its "Software Foundations"
 * milestone, issued automatically to whoever holds both valid).
 */
public final class SkillsDemo {
    static final String PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d";

    private SkillsDemo() {
    }

    /** Seeds the catalogues and the pathway; returns the pathway. */
    public static StoredPathway seed(Platform p, Issuer northwind, Issuer contoso) {
        Catalogues catalogues = new Catalogues(p.db(), p.store(), p.baseUrl(), SkillsGraph::bundled, p.clock());
        List<StoredAchievement> nw = p.achievements().of(northwind);
        StoredAchievement python = named(nw, "Python Programming Foundations");
        StoredAchievement reading = named(nw, "Technical Reading");
        String pythonUrl = p.baseUrl() + "/issuers/" + northwind.slug() + "/achievements/" + python.id();
        catalogues.replace(northwind, Json.parse("""
                [{"id": "python-foundations", "name": "Python Programming Foundations", "achievementUrl": "%s",
                  "skills": ["%s", {"id": "2.B.3.e", "level": 3}], "workloadHours": 75, "cost": 450},
                 {"id": "python-advanced", "name": "Advanced Python and Testing",
                  "skills": [{"id": "2.B.3.e", "level": 6}, {"id": "2.B.3.m", "level": 5}, "onet:technology/python",
                    {"id": "2.B.2.i", "level": 5}], "workloadHours": 60, "cost": 600,
                  "prerequisites": ["python-foundations"]},
                 {"id": "sql-essentials", "name": "SQL and Data Essentials",
                  "skills": ["onet:technology/structured-query-language-sql", {"id": "2.C.3.a", "level": 5},
                    {"id": "2.A.1.e", "level": 5}], "workloadHours": 30, "cost": 250},
                 {"id": "web-basics", "name": "Web Development Basics",
                  "skills": ["onet:technology/javascript", "onet:technology/hypertext-markup-language-html",
                    "onet:technology/cascading-style-sheets-css"], "workloadHours": 40, "cost": 300}]
                """.formatted(pythonUrl, PYTHON)));
        catalogues.replace(contoso, Json.parse("""
                [{"id": "critical-thinking", "name": "Critical Thinking at Work",
                  "skills": [{"id": "2.A.2.a", "level": 5}, {"id": "2.A.2.b", "level": 5}, {"id": "2.B.4.e", "level": 5}],
                  "workloadHours": 20, "cost": 150},
                 {"id": "systems-analysis", "name": "Systems Analysis and Design",
                  "skills": [{"id": "2.B.4.g", "level": 5}, {"id": "2.B.4.h", "level": 5}, {"id": "2.B.3.a", "level": 5}],
                  "workloadHours": 45, "cost": 550, "prerequisites": ["critical-thinking"]},
                 {"id": "professional-communication", "name": "Professional Communication",
                  "skills": [{"id": "2.A.1.c", "level": 5}, {"id": "2.A.1.d", "level": 5}, {"id": "2.A.1.a", "level": 5},
                    {"id": "2.A.1.b", "level": 5}], "workloadHours": 25, "cost": 200},
                 {"id": "maths-for-programmers", "name": "Mathematics for Programmers",
                  "skills": [{"id": "2.C.4.a", "level": 5}, {"id": "2.A.1.e", "level": 5}, {"id": "2.B.1.a", "level": 5}],
                  "workloadHours": 50, "cost": 400}]
                """));
        StoredAchievement milestone = p.achievements().create(northwind, Json.parseObject("""
                {"name": "Software Foundations", "description": "Programs in Python and reads technical documents.",
                 "criteria": "Hold valid Python Programming Foundations and Technical Reading credentials.",
                 "skills": ["%s", "onet:element/2.B.3.e", "onet:element/2.A.1.a"], "eqfLevel": 4,
                 "achievementType": "Certificate", "validityDays": 1095}
                """.formatted(PYTHON)));
        ObjectNode pathway = Json.object();
        pathway.put("name", "Software Foundations track");
        pathway.put("milestone", milestone.id());
        pathway.putArray("parts").add(python.id()).add(reading.id());
        return new Pathways(p.db(), p.store(), p.baseUrl(), p.clock()).create(northwind, pathway);
    }

    private static StoredAchievement named(List<StoredAchievement> list, String name) {
        return list.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo achievement missing: " + name));
    }
}
