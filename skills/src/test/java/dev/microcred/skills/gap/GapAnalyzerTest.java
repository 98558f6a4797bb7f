package dev.microcred.skills.gap;

import static dev.microcred.skills.profile.Credentials.credential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.skills.graph.Framework;
import dev.microcred.skills.graph.Relevance;
import dev.microcred.skills.graph.Skill;
import dev.microcred.skills.graph.SkillsGraph;
import dev.microcred.skills.profile.Credibility;
import dev.microcred.skills.profile.SkillsProfile;
import dev.microcred.skills.profile.VerificationStatus;
import dev.microcred.skills.profile.VerifiedCredential;
import dev.microcred.skills.search.Crosswalk;
import dev.microcred.skills.search.SearchKind;
import dev.microcred.skills.search.SkillsIndex;
import dev.microcred.skills.search.SkillsIndexTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GapAnalyzerTest {
    private static final SkillsGraph GRAPH = SkillsGraph.bundled();
    private static final SkillsIndex INDEX = SkillsIndexTest.INDEX;
    private static final GapAnalyzer ANALYZER = new GapAnalyzer(GRAPH, new Crosswalk(INDEX));
    private static final String SOFTWARE_DEVELOPER =
        INDEX.search("software developer", SearchKind.OCCUPATION, Framework.ESCO, 1).get(0).id();

    @Test
    void emptyProfileHasEverythingMissing() {
        Gap gap = ANALYZER.analyze(SOFTWARE_DEVELOPER, SkillsProfile.EMPTY);
        assertThat(gap.occupation().label()).isEqualTo("software developer");
        assertThat(gap.skills()).isNotEmpty().allMatch(s -> s.coverage() == Coverage.MISSING);
        assertThat(gap.closeness()).isZero();
        assertThat(gap.goalMet()).isFalse();
        long essential = GRAPH.requirements(SOFTWARE_DEVELOPER).stream()
            .filter(r -> r.relevance() == Relevance.ESSENTIAL).count();
        assertThat(gap.skills().stream().filter(s -> s.relevance() == Relevance.ESSENTIAL)).hasSize((int) essential);
        assertThat(gap.skills().get(0).weight()).isEqualTo(1.0); // essential first
    }

    @Test
    void weighsEssentialOverOptionalAndExplains() {
        List<RequiredSkill> req = ANALYZER.analyze(SOFTWARE_DEVELOPER, SkillsProfile.EMPTY).skills();
        RequiredSkill essential = req.stream().filter(s -> s.relevance() == Relevance.ESSENTIAL).findFirst().orElseThrow();
        RequiredSkill optional = req.stream().filter(s -> s.relevance() == Relevance.OPTIONAL).findFirst().orElseThrow();
        SkillsProfile withEssential = SkillsProfile.of(List.of(
            credential("e", VerificationStatus.VALID, essential.skillId())));
        SkillsProfile withOptional = SkillsProfile.of(List.of(
            credential("o", VerificationStatus.VALID, optional.skillId())));
        Gap a = ANALYZER.analyze(SOFTWARE_DEVELOPER, withEssential);
        Gap b = ANALYZER.analyze(SOFTWARE_DEVELOPER, withOptional);
        assertThat(a.closeness()).isGreaterThan(b.closeness()).isGreaterThan(0);
        double total = req.stream().mapToDouble(RequiredSkill::weight).sum();
        assertThat(a.closeness()).isCloseTo(1.0 / total, within(1e-9));
        assertThat(a.explanation()).startsWith(String.format("%.0f%% of the way to software developer: 1 of %d",
            a.closeness() * 100, req.size())).contains("Essential skills: 1 of");
        RequiredSkill proven = a.proven().get(0);
        assertThat(proven.evidence()).containsExactly("e");
        assertThat(proven.matchedSkillId()).isEqualTo(essential.skillId());
    }

    @Test
    void everyRequiredSkillProvenMeetsTheGoal() {
        List<RequiredSkill> req = ANALYZER.analyze(SOFTWARE_DEVELOPER, SkillsProfile.EMPTY).skills();
        List<VerifiedCredential> all = new ArrayList<>();
        for (int i = 0; i < req.size(); i++) all.add(credential("c" + i, VerificationStatus.VALID, req.get(i).skillId()));
        Gap gap = ANALYZER.analyze(SOFTWARE_DEVELOPER, SkillsProfile.of(all));
        assertThat(gap.closeness()).isEqualTo(1.0);
        assertThat(gap.goalMet()).isTrue();
        assertThat(gap.missing()).isEmpty();
        assertThat(gap.explanation()).endsWith("Goal met.");
    }

    @Test
    void staleSkillsEarnHalfAndRevokedNothing() {
        RequiredSkill first = ANALYZER.analyze(SOFTWARE_DEVELOPER, SkillsProfile.EMPTY).skills().get(0);
        Gap stale = ANALYZER.analyze(SOFTWARE_DEVELOPER,
            SkillsProfile.of(List.of(credential("x", VerificationStatus.EXPIRED, first.skillId()))));
        assertThat(stale.stale()).singleElement().satisfies(s -> assertThat(s.credit()).isEqualTo(0.5));
        Gap revoked = ANALYZER.analyze(SOFTWARE_DEVELOPER,
            SkillsProfile.of(List.of(credential("x", VerificationStatus.REVOKED, first.skillId()))));
        assertThat(revoked.closeness()).isZero();
    }

    @Test
    void onetLevelsGiveProportionalCredit() {
        String programmers = "15-1251.00";
        RequiredSkill programming = ANALYZER.analyze(programmers, SkillsProfile.EMPTY).skills().stream()
            .filter(s -> s.skillId().equals("onet:element/2.B.3.e")).findFirst().orElseThrow();
        assertThat(programming.requiredLevel()).isNotNull().isGreaterThan(2);
        assertThat(programming.weight()).isCloseTo(programming.importance() / 5, within(1e-9));
        Gap low = ANALYZER.analyze(programmers, SkillsProfile.of(List.of(
            credential("p", VerificationStatus.VALID, Credibility.NONE, 2, "2.B.3.e"))));
        RequiredSkill p = low.proven().get(0);
        assertThat(p.levelMet()).isFalse();
        assertThat(p.credit()).isCloseTo(2.0 / programming.requiredLevel(), within(1e-9));
        assertThat(low.explanation()).contains("(1 below the required level)");
    }

    @Test
    void matchesAcrossFrameworksApproximately() {
        Skill computerProgramming = GRAPH.skills().stream()
            .filter(s -> s.framework() == Framework.ESCO && s.label().equals("computer programming"))
            .findFirst().orElseThrow();
        Gap gap = ANALYZER.analyze("15-1251.00", SkillsProfile.of(List.of(
            credential("esco", VerificationStatus.VALID, computerProgramming.id()))));
        RequiredSkill programming = gap.skills().stream().filter(s -> s.skillId().equals("onet:element/2.B.3.e"))
            .findFirst().orElseThrow();
        assertThat(programming.coverage()).isEqualTo(Coverage.PROVEN);
        assertThat(programming.approximate()).isTrue();
        assertThat(programming.matchedSkillId()).isEqualTo(computerProgramming.id());
        assertThat(programming.credit()).isEqualTo(GapAnalyzer.APPROXIMATE_FACTOR);
        assertThat(gap.explanation()).contains("approximate correspondences");
        Gap withoutCrosswalk = new GapAnalyzer(GRAPH, null).analyze("15-1251.00", SkillsProfile.of(List.of(
            credential("esco", VerificationStatus.VALID, computerProgramming.id()))));
        assertThat(withoutCrosswalk.closeness()).isZero();
    }

    @Test
    void onetTechnologyCountsOnlyWhenHotOrInDemand() {
        Gap gap = ANALYZER.analyze("15-1252.00", SkillsProfile.EMPTY);
        assertThat(gap.skills()).isNotEmpty().allMatch(s -> s.relevance() == Relevance.TECHNOLOGY);
        long hotOrDemand = GRAPH.requirements("15-1252.00").stream()
            .filter(r -> r.flags().hot() || r.flags().inDemand()).count();
        assertThat(gap.skills()).hasSize((int) hotOrDemand);
    }

    @Test
    void rejectsUnknownOccupations() {
        assertThatThrownBy(() -> ANALYZER.analyze("http://data.europa.eu/esco/occupation/0000", SkillsProfile.EMPTY))
            .isInstanceOf(MicrocredException.class)
            .hasMessage("unknown occupation: http://data.europa.eu/esco/occupation/0000")
            .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.INVALID_REQUEST);
    }
}
