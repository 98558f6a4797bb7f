package dev.microcred.skills.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SkillsGraphTest {
    private static final SkillsGraph GRAPH = SkillsGraph.bundled();
    private static final Path SHARED = Path.of(System.getProperty("microcred.shared", "../../shared"));

    @Test
    void holdsEveryOccupationAndSkillOfBothFrameworks() {
        Map<Framework, Long> occ = GRAPH.occupations().stream()
            .collect(Collectors.groupingBy(Occupation::framework, Collectors.counting()));
        assertThat(occ).containsEntry(Framework.ESCO, 3007L).containsEntry(Framework.ONET, 1016L);
        Map<SkillType, Long> escoTypes = GRAPH.skills().stream().filter(s -> s.framework() == Framework.ESCO)
            .collect(Collectors.groupingBy(Skill::type, Collectors.counting()));
        // 13,896 skills (3,059 knowledge, 6 untyped counted as skills) and 640 groups/fields
        assertThat(escoTypes).containsEntry(SkillType.KNOWLEDGE, 3059L).containsEntry(SkillType.SKILL, 10837L)
            .containsEntry(SkillType.GROUP, 640L);
        long onetLeaves = GRAPH.skills().stream()
            .filter(s -> s.framework() == Framework.ONET && (s.type() == SkillType.SKILL || s.type() == SkillType.KNOWLEDGE))
            .count();
        assertThat(onetLeaves).isEqualTo(35 + 33);
    }

    @Test
    void linksEscoOccupationsToEssentialAndOptionalSkills() {
        long links = GRAPH.occupations().stream().filter(o -> o.framework() == Framework.ESCO)
            .mapToLong(o -> GRAPH.requirements(o.id()).size()).sum();
        assertThat(links).isEqualTo(123_788);
        Occupation officer = GRAPH.requireOccupation(
            "http://data.europa.eu/esco/occupation/f2cc5978-e45c-4f28-b859-7f89221b0505");
        assertThat(officer.label()).isEqualTo("air force officer");
        assertThat(officer.iscoGroup()).isEqualTo("0110");
        assertThat(officer.altLabels()).contains("squadron leader");
        Map<Relevance, Long> byRelevance = GRAPH.requirements(officer.id()).stream()
            .collect(Collectors.groupingBy(Requirement::relevance, Collectors.counting()));
        assertThat(byRelevance).containsEntry(Relevance.ESSENTIAL, 21L).containsEntry(Relevance.OPTIONAL, 17L);
    }

    @Test
    void readsOnetRatingsTechnologyRelatedOccupationsAndTitles() {
        Occupation ceo = GRAPH.requireOccupation("11-1011.00");
        assertThat(ceo.id()).isEqualTo("onet:occupation/11-1011.00");
        assertThat(ceo.label()).isEqualTo("Chief Executives");
        assertThat(ceo.jobZone()).isEqualTo(5);
        assertThat(ceo.altLabels()).contains("Aeronautics Commission Director");
        Requirement reading = GRAPH.requirements(ceo.id()).stream()
            .filter(r -> r.skillId().equals("onet:element/2.A.1.a")).findFirst().orElseThrow();
        assertThat(reading.importance()).isEqualTo(4.12);
        assertThat(reading.level()).isEqualTo(4.62);
        assertThat(GRAPH.requirements(ceo.id())).anyMatch(r -> r.relevance() == Relevance.TECHNOLOGY
            && r.skillId().equals("onet:technology/adobe-acrobat") && r.flags().hot());
        assertThat(GRAPH.related(ceo.id()).get(0)).isEqualTo(
            new RelatedOccupation("onet:occupation/11-1021.00", "Primary-Short", 1));
        assertThat(GRAPH.requireSkill("onet:element/2.A.1.a").broader()).containsExactly("onet:element/2.A.1");
        assertThat(GRAPH.requireSkill("onet:technology/python").label()).isEqualTo("Python");
    }

    @Test
    void matchesTheSourceRowCountsOfOnet() throws IOException {
        long ratings = GRAPH.occupations().stream().filter(o -> o.framework() == Framework.ONET)
            .flatMap(o -> GRAPH.requirements(o.id()).stream()).filter(r -> r.relevance() == Relevance.RATED).count();
        long tech = GRAPH.occupations().stream().filter(o -> o.framework() == Framework.ONET)
            .flatMap(o -> GRAPH.requirements(o.id()).stream()).filter(r -> r.relevance() == Relevance.TECHNOLOGY).count();
        assertThat(ratings).isEqualTo(dataRows("onet/occupation_skills.csv") + dataRows("onet/occupation_knowledge.csv"));
        assertThat(tech).isEqualTo(dataRows("onet/technology_skills.csv"));
    }

    @Test
    void keepsTheSkillHierarchy() {
        Skill python = GRAPH.skills().stream()
            .filter(s -> s.framework() == Framework.ESCO && s.label().equals("Python (computer programming)"))
            .findFirst().orElseThrow();
        assertThat(python.type()).isEqualTo(SkillType.KNOWLEDGE);
        assertThat(python.broader()).isNotEmpty();
        String parent = python.broader().get(0);
        assertThat(GRAPH.skill(parent)).isPresent();
        assertThat(GRAPH.narrower(parent)).contains(python.id());
        assertThat(GRAPH.occupationsRequiring(python.id())).isNotEmpty();
    }

    @Test
    void acceptsAlignmentUrlsAsReferences() {
        assertThat(GRAPH.occupation("https://www.onetonline.org/link/summary/15-1252.00").map(Occupation::label))
            .contains("Software Developers");
        assertThat(GRAPH.occupation("15-1252")).isPresent();
        assertThat(GRAPH.skill("2.C.3.a").map(Skill::label)).contains("Computers and Electronics");
        assertThat(GRAPH.occupation("https://data.europa.eu/esco/occupation/f2cc5978-e45c-4f28-b859-7f89221b0505/"))
            .isPresent();
    }

    @Test
    void rejectsUnknownIdsWithAOneLineMessage() {
        assertThatThrownBy(() -> GRAPH.requireOccupation("99-9999.00"))
            .isInstanceOf(MicrocredException.class).hasMessage("unknown occupation: 99-9999.00")
            .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.INVALID_REQUEST);
        assertThatThrownBy(() -> GRAPH.requireSkill("http://data.europa.eu/esco/skill/nope"))
            .isInstanceOf(MicrocredException.class).hasMessage("unknown skill: http://data.europa.eu/esco/skill/nope");
        assertThatThrownBy(() -> GRAPH.requirements("nonsense\nwith newline"))
            .hasMessage("unknown occupation: nonsense with newline");
    }

    @Test
    void shipsTheAttributionNotices() {
        assertThat(SkillsGraph.attribution())
            .contains("This service uses the ESCO classification of the European Commission.")
            .contains("O*NET 29.2 Database by the U.S. Department of Labor")
            .contains("CC BY 4.0");
    }

    @Test
    void buildsSmallGraphsFromValuesAndRejectsDanglingLinks() {
        Occupation o = new Occupation("x:o", Framework.ESCO, "1", "", "o", List.of(), "", 0);
        Skill s = new Skill("x:s", Framework.ESCO, SkillType.SKILL, "s", List.of(), "", List.of(), "");
        Requirement r = new Requirement("x:missing", Relevance.ESSENTIAL, Double.NaN, Double.NaN, Requirement.Flags.NONE);
        assertThatThrownBy(() -> SkillsGraph.of(List.of(o), List.of(s), Map.of("x:o", List.of(r)), Map.of(), Map.of()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x:missing");
    }

    private static long dataRows(String file) throws IOException {
        try (var lines = Files.lines(SHARED.resolve("data").resolve(file))) {
            return lines.count() - 1;
        }
    }
}
