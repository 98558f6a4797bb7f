package dev.microcred.skills.stacking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StackingRulesTest {
    private static final StackingRules RULES = StackingRules.of(List.of(
        StackablePathway.allOf("data", "D", List.of("A", "B", "C")),
        new StackablePathway("expert", "E", List.of("D", "X", "Y"), 2)));

    @Test
    void earnsAMilestoneWhenEveryComponentIsHeld() {
        assertThat(RULES.newlyEarned(Set.of("A", "B"))).isEmpty();
        MilestoneStatus partial = RULES.evaluate(Set.of("A", "B")).get(0);
        assertThat(partial.earned()).isFalse();
        assertThat(partial.missing()).containsExactly("C");
        assertThat(RULES.newlyEarned(Set.of("A", "B", "C"))).containsExactly("D");
    }

    @Test
    void earnedMilestonesStackIntoFurtherPathways() {
        assertThat(RULES.newlyEarned(Set.of("A", "B", "C", "X"))).containsExactly("D", "E");
        MilestoneStatus expert = RULES.evaluate(Set.of("A", "B", "C", "X")).get(1);
        assertThat(expert.held()).containsExactly("D", "X");
        assertThat(RULES.newlyEarned(Set.of("X", "Y", "E"))).isEmpty(); // E already held
    }

    @Test
    void rejectsCyclesNamingThem() {
        assertThatThrownBy(() -> StackingRules.of(List.of(
            StackablePathway.allOf("p1", "D", List.of("A", "E")),
            StackablePathway.allOf("p2", "E", List.of("D")))))
            .isInstanceOf(MicrocredException.class).hasMessage("milestone cycle: D -> E -> D");
        assertThatThrownBy(() -> StackingRules.of(List.of(StackablePathway.allOf("p", "D", List.of("D")))))
            .hasMessage("milestone cycle: D -> D");
    }

    @Test
    void rejectsMalformedPathways() {
        assertThatThrownBy(() -> new StackablePathway("p", "D", List.of("A"), 2))
            .hasMessage("pathway p: minimum must be 1..1, was 2");
        assertThatThrownBy(() -> StackablePathway.allOf("p", "D", List.of("A", "A")))
            .hasMessage("pathway p: components must be distinct and non-empty");
    }
}
