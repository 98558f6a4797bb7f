package dev.microcred.skills.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcred.skills.graph.Framework;
import dev.microcred.skills.graph.Skill;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrosswalkTest {
    private static final Crosswalk CROSSWALK = new Crosswalk(SkillsIndexTest.INDEX);

    private static String esco(String label) {
        return SkillsIndexTest.INDEX.graph().skills().stream()
            .filter(s -> s.framework() == Framework.ESCO && s.label().equals(label)).map(Skill::id)
            .findFirst().orElseThrow();
    }

    @Test
    void mapsOnetProgrammingToEscoComputerProgramming() {
        List<Equivalent> eq = CROSSWALK.equivalents("onet:element/2.B.3.e");
        assertThat(eq).extracting(Equivalent::label).contains("computer programming");
        assertThat(eq).allMatch(Equivalent::approximate).allMatch(e -> e.similarity() >= Crosswalk.THRESHOLD);
    }

    @Test
    void mapsBothWaysBetweenPythonEntries() {
        assertThat(CROSSWALK.equivalents("onet:technology/python")).extracting(Equivalent::skillId)
            .contains(esco("Python (computer programming)"));
        assertThat(CROSSWALK.equivalents(esco("Python (computer programming)"))).extracting(Equivalent::skillId)
            .contains("onet:technology/python");
    }

    @Test
    void findsNothingForUnknownOrUnrelatedSkills() {
        assertThat(CROSSWALK.equivalents("http://example.org/case/item/1")).isEmpty();
        assertThat(CROSSWALK.equivalents("onet:element/2.A")).isEmpty(); // a group
    }
}
