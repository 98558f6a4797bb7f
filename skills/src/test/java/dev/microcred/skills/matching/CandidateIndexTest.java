package dev.microcred.skills.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.microcred.core.MicrocredException;
import dev.microcred.skills.profile.Alignment;
import dev.microcred.skills.profile.Credibility;
import dev.microcred.skills.profile.SkillsProfile;
import dev.microcred.skills.profile.VerificationStatus;
import dev.microcred.skills.profile.VerifiedCredential;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class CandidateIndexTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final Credibility ACCREDITED = new Credibility(true, false);

    private static JobPosting posting(JobRequirement... r) {
        return new JobPosting("job", List.of(r));
    }

    @Test
    void ranksFullMatchesFirstAndExplainsEachRequirement() {
        CandidateIndex index = CandidateIndex.builder()
            .learner(1).proof("python", 5, TODAY, ACCREDITED, 11)
            .learner(2).proof("python", 5, TODAY, ACCREDITED, 21).proof("sql", 4, TODAY, ACCREDITED, 22)
            .learner(3).proof("welding", 6, TODAY, ACCREDITED, 31)
            .build();
        List<RankedCandidate> top = index.topK(posting(new JobRequirement("python", 3, 4),
            new JobRequirement("sql", 1, null)), 10, TODAY);
        assertThat(top).extracting(RankedCandidate::learnerKey).containsExactly(2L, 1L);
        assertThat(top.get(0).score()).isCloseTo(1.0, within(1e-6));
        assertThat(top.get(1).score()).isCloseTo(0.75, within(1e-6));
        RequirementMatch sql = top.get(1).matches().get(1);
        assertThat(sql.matched()).isFalse();
        RequirementMatch python = top.get(0).matches().get(0);
        assertThat(python.credentialKey()).isEqualTo(21);
        assertThat(python.levelMet()).isTrue();
        assertThat(python.credibility()).isEqualTo(ACCREDITED);
        assertThat(top.get(1).explanation()).startsWith("proves 1 of 2 required skills (1 at the minimum level)");
    }

    @Test
    void levelCredibilityAndRecencyLowerTheScore() {
        CandidateIndex index = CandidateIndex.builder()
            .learner(1).proof("python", 6, TODAY, ACCREDITED, 1)
            .learner(2).proof("python", 2, TODAY, ACCREDITED, 2)
            .learner(3).proof("python", 6, TODAY, Credibility.NONE, 3)
            .learner(4).proof("python", 6, TODAY.minusDays(CandidateIndex.HALF_LIFE_DAYS), ACCREDITED, 4)
            .learner(5).proof("python", null, TODAY, ACCREDITED, 5)
            .build();
        List<RankedCandidate> top = index.topK(posting(new JobRequirement("python", 1, 4)), 5, TODAY);
        assertThat(top).extracting(RankedCandidate::learnerKey).containsExactly(1L, 3L, 4L, 5L, 2L);
        double[] expected = {1.0, 0.7, 0.5, 0.5, 0.25};
        for (int i = 0; i < expected.length; i++) {
            assertThat(top.get(i).score()).isCloseTo(expected[i], within(1e-6));
        }
        assertThat(top.get(2).matches().get(0).recency()).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void takesTheBestOfSeveralProofsOfOneSkill() {
        CandidateIndex index = CandidateIndex.builder()
            .learner(9).proof("sql", 1, TODAY, Credibility.NONE, 1).proof("sql", 7, TODAY, ACCREDITED, 2)
            .proof("sql", 3, TODAY, ACCREDITED, 3).build();
        RankedCandidate c = index.topK(posting(new JobRequirement("sql", 2, 5)), 1, TODAY).get(0);
        assertThat(c.score()).isCloseTo(1.0, within(1e-6));
        assertThat(c.matches().get(0).credentialKey()).isEqualTo(2);
        assertThat(c.matches().get(0).level()).isEqualTo(7);
    }

    @Test
    void buildsFromProfilesWithProvenSkillsOnly() {
        var t = TODAY.atStartOfDay().toInstant(ZoneOffset.UTC);
        SkillsProfile p = SkillsProfile.of(List.of(
            new VerifiedCredential("c-valid", VerificationStatus.VALID, t, null, "i", ACCREDITED, "a", "A",
                List.of(new Alignment("python", "", 5)), null),
            new VerifiedCredential("c-expired", VerificationStatus.EXPIRED, t, null, "i", ACCREDITED, "a", "A",
                List.of(new Alignment("sql", "", 5)), null)));
        CandidateIndex index = CandidateIndex.builder().profile(42, p, id -> id.equals("c-valid") ? 7 : 8).build();
        assertThat(index.postings()).isEqualTo(1);
        assertThat(index.topK(posting(new JobRequirement("sql", 1, null)), 5, TODAY)).isEmpty();
        assertThat(index.topK(posting(new JobRequirement("python", 1, null)), 5, TODAY).get(0).matches().get(0)
            .credentialKey()).isEqualTo(7);
    }

    @Test
    void rejectsBadQueries() {
        CandidateIndex index = CandidateIndex.builder().learner(1).proof("a", 1, TODAY, ACCREDITED, 1).build();
        assertThatThrownBy(() -> index.topK(posting(new JobRequirement("a", 1, null)), 0, TODAY))
            .isInstanceOf(MicrocredException.class).hasMessage("k must be 1..1000, was 0");
        assertThatThrownBy(() -> posting(new JobRequirement("a", 1, null), new JobRequirement("a", 2, null)))
            .hasMessage("skill required twice: a");
        assertThatThrownBy(() -> new JobRequirement("a", 0, null)).hasMessage("importance must be positive, was 0.0");
        assertThat(index.topK(posting(new JobRequirement("unknown", 1, null)), 3, TODAY)).isEmpty();
    }

    /** Reference scoring straight from the definition, one learner at a time. */
    record Proof(int learner, String skill, Integer level, LocalDate day, Credibility credibility, long key) {
    }

    @Property(tries = 100)
    void topKAgreesWithScoringEveryLearnerNaively(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random r = new Random(seed);
        int learners = 1 + r.nextInt(60);
        List<Proof> proofs = new ArrayList<>();
        CandidateIndex.Builder b = CandidateIndex.builder();
        for (int l = 0; l < learners; l++) {
            b.learner(1000 + l);
            for (int j = r.nextInt(5); j > 0; j--) {
                Proof p = new Proof(l, "s" + r.nextInt(8), r.nextInt(4) == 0 ? null : r.nextInt(8),
                    TODAY.minusDays(r.nextInt(4000)), new Credibility(r.nextBoolean(), r.nextBoolean()), r.nextLong());
                proofs.add(p);
                b.proof(p.skill(), p.level(), p.day(), p.credibility(), p.key());
            }
        }
        CandidateIndex index = b.build();
        List<JobRequirement> reqs = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            if (r.nextBoolean()) reqs.add(new JobRequirement("s" + s, 1 + r.nextInt(5), r.nextBoolean() ? null : r.nextInt(8)));
        }
        if (reqs.isEmpty()) reqs.add(new JobRequirement("s0", 1, null));
        int k = 1 + r.nextInt(10);
        List<RankedCandidate> top = index.topK(new JobPosting("j", reqs), k, TODAY);

        double total = reqs.stream().mapToDouble(JobRequirement::importance).sum();
        List<double[]> naive = new ArrayList<>();
        for (int l = 0; l < learners; l++) {
            int learner = l;
            double score = 0;
            boolean any = false;
            for (JobRequirement q : reqs) {
                double best = 0;
                for (Proof p : proofs) {
                    if (p.learner() != learner || !p.skill().equals(q.skillId())) continue;
                    any = true;
                    double lf = q.minLevel() == null ? 1 : p.level() == null ? 0.5
                        : p.level() >= q.minLevel() ? 1 : 0.5 * p.level() / q.minLevel();
                    double rec = Math.pow(0.5, (double) (TODAY.toEpochDay() - p.day().toEpochDay())
                        / CandidateIndex.HALF_LIFE_DAYS);
                    best = Math.max(best, lf * p.credibility().weight() * rec);
                }
                score += q.importance() / total * best;
            }
            if (any) naive.add(new double[] {score, l});
        }
        naive.sort(Comparator.comparingDouble((double[] x) -> -x[0]).thenComparingDouble(x -> x[1]));
        assertThat(top).hasSize(Math.min(k, naive.size()));
        for (int i = 0; i < top.size(); i++) {
            assertThat(top.get(i).score()).isCloseTo(naive.get(i)[0], within(1e-4));
            double explained = top.get(i).matches().stream().mapToDouble(RequirementMatch::contribution).sum();
            assertThat(explained).isCloseTo(top.get(i).score(), within(1e-4));
        }
    }
}
