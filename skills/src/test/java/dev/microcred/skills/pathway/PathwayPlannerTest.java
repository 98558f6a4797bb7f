package dev.microcred.skills.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.skills.profile.Credibility;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PathwayPlannerTest {
    static CatalogueAchievement a(String id, double hours, List<String> prerequisites, String... skills) {
        return new CatalogueAchievement(id, "Course " + id, "issuer-" + id, Arrays.stream(skills)
            .map(s -> new TaughtSkill(s, null)).toList(), hours, hours * 10, prerequisites, Credibility.NONE);
    }

    static List<SkillNeed> needs(String... skills) {
        return Arrays.stream(skills).map(s -> new SkillNeed(s, null)).toList();
    }

    static PathwayRequest request(List<SkillNeed> gap, String... held) {
        return new PathwayRequest(gap, Set.of(held), CostMeasure.WORKLOAD_HOURS);
    }

    @Test
    void rejectsCyclicPrerequisitesNamingTheCycle() {
        assertThatThrownBy(() -> Catalogue.of(List.of(a("A", 1, List.of("B")), a("B", 1, List.of("C")),
            a("C", 1, List.of("A")))))
            .isInstanceOf(MicrocredException.class).hasMessage("prerequisite cycle: A -> B -> C -> A")
            .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.INVALID_REQUEST);
        assertThatThrownBy(() -> Catalogue.of(List.of(a("X", 1, List.of()), a("A", 1, List.of("A")))))
            .hasMessage("prerequisite cycle: A -> A");
    }

    @Test
    void rejectsUnknownPrerequisitesAndDuplicates() {
        assertThatThrownBy(() -> Catalogue.of(List.of(a("A", 1, List.of("Z")))))
            .isInstanceOf(MicrocredException.class).hasMessage("unknown prerequisite Z of achievement A");
        assertThatThrownBy(() -> Catalogue.of(List.of(a("A", 1, List.of()), a("A", 2, List.of()))))
            .hasMessage("duplicate achievement: A");
    }

    @Test
    void emptyGapIsAGoalAlreadyMet() {
        PathwayPlanner p = new PathwayPlanner(Catalogue.of(List.of(a("A", 5, List.of(), "s1"))));
        Plan plan = p.plan(request(List.of()));
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.totalCost()).isZero();
        assertThat(plan.explanation()).isEqualTo("Goal already met: there are no skills to acquire.");
    }

    @Test
    void heldAchievementsCoveringTheGapMeetTheGoal() {
        PathwayPlanner p = new PathwayPlanner(Catalogue.of(List.of(a("A", 5, List.of(), "s1"))));
        Plan plan = p.plan(request(needs("s1"), "A"));
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.progress().skillsDone()).isEqualTo(1.0);
        assertThat(plan.explanation()).startsWith("Goal already met");
    }

    @Test
    void dragsInPrerequisitesAndOrdersThemFirst() {
        Catalogue c = Catalogue.of(List.of(
            a("advanced", 10, List.of("basics"), "s1", "s2"),
            a("basics", 5, List.of()),
            a("s1-only", 12, List.of(), "s1"),
            a("s2-only", 12, List.of(), "s2")));
        Plan plan = new PathwayPlanner(c).plan(request(needs("s1", "s2")));
        assertThat(plan.steps()).extracting(PlanStep::achievementId).containsExactly("basics", "advanced");
        assertThat(plan.totalCost()).isEqualTo(15);
        assertThat(plan.optimal()).isTrue();
        assertThat(plan.maxAboveOptimal()).isZero();
        assertThat(plan.steps().get(0).reason()).isEqualTo("prerequisite of advanced");
        assertThat(plan.steps().get(1).reason()).isEqualTo("covers 2 gap skills: s1, s2");
        assertThat(plan.steps().get(1).alternatives()).extracting(Alternative::achievementId)
            .containsExactly("s1-only", "s2-only");
        assertThat(plan.explanation()).startsWith("2 achievements, 15 hours in total, cover the 2 open gap skills.");
    }

    @Test
    void heldPrerequisitesAreDoneStepsAndCostNothing() {
        Catalogue c = Catalogue.of(List.of(
            a("basics", 5, List.of(), "s0"),
            a("advanced", 10, List.of("basics"), "s1", "s2"),
            a("cheap-s1", 3, List.of(), "s1")));
        Plan plan = new PathwayPlanner(c).plan(request(needs("s0", "s1", "s2"), "basics"));
        assertThat(plan.steps()).extracting(PlanStep::achievementId).containsExactly("basics", "advanced");
        assertThat(plan.steps().get(0).held()).isTrue();
        assertThat(plan.steps().get(0).reason()).isEqualTo("already earned; prerequisite of advanced");
        assertThat(plan.totalCost()).isEqualTo(10);
        assertThat(plan.progress()).isEqualTo(new Progress(3, 1, 0, 5, 10));
        assertThat(plan.progress().skillsDone()).isEqualTo(1.0 / 3);
    }

    @Test
    void listsUncoverableSkillsAndRespectsLevels() {
        Catalogue c = Catalogue.of(List.of(new CatalogueAchievement("intro", "Intro", "i",
            List.of(new TaughtSkill("s1", 2)), 4, 0, List.of(), Credibility.NONE)));
        Plan plan = new PathwayPlanner(c).plan(request(List.of(new SkillNeed("s1", 5), new SkillNeed("s9", null))));
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.uncoverable()).containsExactly("s1", "s9");
        assertThat(plan.explanation()).isEqualTo("Nothing in the catalogue can close the rest of the gap. "
            + "2 gap skills are taught by nothing in the catalogue: s1, s9.");
        Plan low = new PathwayPlanner(c).plan(request(List.of(new SkillNeed("s1", 2))));
        assertThat(low.steps()).extracting(PlanStep::achievementId).containsExactly("intro");
    }

    @Test
    void minimisesTheChosenMeasure() {
        Catalogue c = Catalogue.of(List.of(
            new CatalogueAchievement("long-free", "L", "i", List.of(new TaughtSkill("s", null)), 40, 0, List.of(),
                Credibility.NONE),
            new CatalogueAchievement("short-paid", "S", "i", List.of(new TaughtSkill("s", null)), 2, 500, List.of(),
                Credibility.NONE)));
        PathwayPlanner p = new PathwayPlanner(c);
        assertThat(p.plan(request(needs("s"))).steps().get(0).achievementId()).isEqualTo("short-paid");
        assertThat(p.plan(new PathwayRequest(needs("s"), Set.of(), CostMeasure.COST)).steps().get(0).achievementId())
            .isEqualTo("long-free");
    }

    @Test
    void prefersCredibleIssuersBetweenEqualOptions() {
        Catalogue c = Catalogue.of(List.of(
            new CatalogueAchievement("plain", "P", "i", List.of(new TaughtSkill("s", null)), 5, 0, List.of(),
                Credibility.NONE),
            new CatalogueAchievement("accredited", "A", "j", List.of(new TaughtSkill("s", null)), 5, 0, List.of(),
                new Credibility(true, false))));
        assertThat(new PathwayPlanner(c).plan(request(needs("s"))).steps().get(0).achievementId())
            .isEqualTo("accredited");
    }

    @Test
    void largeInstancesUseGreedyWithABound() {
        Random r = new Random(7);
        List<CatalogueAchievement> list = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            List<String> pre = i >= 10 && r.nextInt(3) == 0 ? List.of("a" + r.nextInt(i)) : List.of();
            list.add(a("a" + i, 1 + r.nextInt(30), pre, "s" + r.nextInt(60), "s" + r.nextInt(60)));
        }
        List<SkillNeed> gap = new ArrayList<>();
        for (int s = 0; s < 40; s++) gap.add(new SkillNeed("s" + s, null));
        Plan plan = new PathwayPlanner(Catalogue.of(list)).plan(request(gap));
        assertThat(plan.method()).isEqualTo("greedy with lower bound");
        assertThat(plan.lowerBound()).isPositive().isLessThanOrEqualTo(plan.totalCost());
        assertThat(plan.totalCost()).isLessThanOrEqualTo(plan.lowerBound() * (1 + plan.maxAboveOptimal()) + 1e-9);
        assertThat(plan.explanation()).contains("at most").contains("above the least possible");
        PlanProperties.assertValid(Catalogue.of(list), request(gap), plan);
    }
}
