package dev.microcred.server.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.credentials.json.Json;
import dev.microcred.skills.graph.SkillsGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmployersTest {
    static final SkillsGraph GRAPH = SkillsGraph.bundled();

    @Test
    void aTemplateTakesTheHeaviestSkillsWithO_NetLevels() {
        List<Employers.Need> needs = Employers.template(GRAPH, GRAPH.occupation("15-1251.00").orElseThrow());
        assertThat(needs).hasSize(Employers.TEMPLATE_SKILLS);
        Employers.Need programming = needs.stream().filter(n -> n.skillId().equals("onet:element/2.B.3.e"))
                .findFirst().orElseThrow();
        assertThat(programming.importance()).isEqualTo(4.8); // O*NET importance 4.75 as weight 0.95 × 5
        assertThat(programming.minLevel()).isEqualTo(5); // O*NET level 4.88 rounded
        assertThat(needs.get(0).importance()).isGreaterThanOrEqualTo(needs.get(needs.size() - 1).importance());
    }

    @Test
    void requirementsAreValidatedWithAClearReason() {
        assertThat(Employers.needs(GRAPH, Json.parse("[{\"skill\": \"2.B.3.e\", \"importance\": 5, \"minLevel\": 4},"
                + " {\"skill\": \"onet:element/2.A.1.a\"}]"))).containsExactly(
                new Employers.Need("onet:element/2.B.3.e", 5, 4), new Employers.Need("onet:element/2.A.1.a", 3, null));
        assertThatThrownBy(() -> Employers.needs(GRAPH, Json.parse("[]"))).isInstanceOf(MicrocredException.class)
                .hasMessageContaining("non-empty array");
        assertThatThrownBy(() -> Employers.needs(GRAPH, Json.parse("[{\"skill\": \"2.B.3.e\", \"minLevel\": 8}]")))
                .hasMessageContaining("minLevel must be an integer from 0 to 7");
        assertThatThrownBy(() -> Employers.needs(GRAPH, Json.parse("[{\"skill\": \"2.B.3.e\", \"minLevel\": 2.5}]")))
                .hasMessageContaining("minLevel must be an integer");
        assertThatThrownBy(() -> Employers.needs(GRAPH, Json.parse("[{\"skill\": \"2.B.3.e\", \"importance\": 0}]")))
                .hasMessageContaining("importance must be a number above 0");
        assertThatThrownBy(() -> Employers.needs(GRAPH, Json.parse("[{\"skill\": \"2.B.3.e\"},"
                + " {\"skill\": \"onet:element/2.B.3.e\"}]"))).hasMessageContaining("required twice");
        assertThatThrownBy(() -> Employers.needs(GRAPH, Json.parse("[{\"skill\": \"15-1251.00\"}]")))
                .hasMessageContaining("is an occupation");
        assertThatThrownBy(() -> Employers.needs(GRAPH, Json.parse("[{\"skill\": \"9.Z.9.z\"}]")))
                .hasMessageContaining("unknown skill");
    }

    @Test
    void pseudonymsAreStablePerPostingAndUnlinkableAcrossPostings() {
        String a = Employers.pseudonym("posting-1", "account-1");
        assertThat(a).isEqualTo(Employers.pseudonym("posting-1", "account-1")).matches("candidate-[0-9a-f]{12}");
        assertThat(a).isNotEqualTo(Employers.pseudonym("posting-2", "account-1"))
                .isNotEqualTo(Employers.pseudonym("posting-1", "account-2")).doesNotContain("account-1");
    }
}
