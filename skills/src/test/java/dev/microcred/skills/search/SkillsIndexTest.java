package dev.microcred.skills.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.skills.graph.Framework;
import dev.microcred.skills.graph.SkillsGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

public class SkillsIndexTest {
    /** Built once and shared by the test classes that need the bundled index. */
    public static final SkillsIndex INDEX = SkillsIndex.of(SkillsGraph.bundled());

    @Test
    void findsSoftwareDeveloperInBothFrameworks() {
        List<SearchHit> hits = INDEX.search("software developer", SearchKind.OCCUPATION, 10);
        assertThat(hits.get(0).label()).isEqualTo("software developer");
        assertThat(hits.get(0).framework()).isEqualTo(Framework.ESCO);
        assertThat(hits).extracting(SearchHit::id).contains("onet:occupation/15-1252.00");
        assertThat(hits).allMatch(h -> h.kind() == SearchKind.OCCUPATION);
    }

    @Test
    void findsPythonAsEscoKnowledgeAndOnetTechnology() {
        List<SearchHit> hits = INDEX.search("python", SearchKind.SKILL, 5);
        assertThat(hits).extracting(SearchHit::label).contains("Python (computer programming)", "Python");
        List<SearchHit> onet = INDEX.search("python", SearchKind.SKILL, Framework.ONET, 5);
        assertThat(onet.get(0).id()).isEqualTo("onet:technology/python");
        assertThat(onet).allMatch(h -> h.framework() == Framework.ONET);
    }

    @Test
    void stemsSoWeldingFindsWelders() {
        List<SearchHit> occupations = INDEX.search("welding", SearchKind.OCCUPATION, 10);
        assertThat(occupations).extracting(SearchHit::label).anyMatch(l -> l.toLowerCase().contains("welder"));
        List<SearchHit> skills = INDEX.search("welding", SearchKind.SKILL, 10);
        assertThat(skills).extracting(SearchHit::label).anyMatch(l -> l.toLowerCase().contains("weld"));
    }

    @Test
    void reportsTheAlternativeLabelThatMatched() {
        SearchHit hit = INDEX.search("royal airforce officer", SearchKind.OCCUPATION, 1).get(0);
        assertThat(hit.label()).isEqualTo("air force officer");
        assertThat(hit.matched()).isEqualTo("royal airforce officer");
    }

    @Test
    void suggestsSkillsForAnAchievement() {
        List<SearchHit> hits = INDEX.suggestSkills("Introduction to Python programming",
            "Write, test and debug Python scripts; data structures and functions.", 10);
        assertThat(hits.get(0).label()).isEqualTo("Python (computer programming)");
        List<SearchHit> weld = INDEX.suggestSkills("MIG welding certificate", "Gas metal arc welding of steel", 10);
        assertThat(weld).extracting(SearchHit::label).anyMatch(l -> l.toLowerCase().contains("weld"));
    }

    @Test
    void answersNothingForStopWordsOnly() {
        assertThat(INDEX.search("the of and", SearchKind.SKILL, 10)).isEmpty();
        assertThat(INDEX.search("qqqzzzxxy", SearchKind.SKILL, 10)).isEmpty();
    }

    @Test
    void rejectsABadLimit() {
        assertThatThrownBy(() -> INDEX.search("python", SearchKind.SKILL, 0))
            .isInstanceOf(MicrocredException.class).hasMessage("limit must be 1..1000, was 0");
    }
}
