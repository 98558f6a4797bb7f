package dev.microcred.skills.profile;

import static dev.microcred.skills.profile.Credentials.T0;
import static dev.microcred.skills.profile.Credentials.credential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SkillsProfileTest {
    private static final String SQL = "http://data.europa.eu/esco/skill/sql";
    private static final String WELD = "onet:element/weld";

    @Test
    void emptyCredentialsGiveAnEmptyProfile() {
        assertThat(SkillsProfile.of(List.of())).isEqualTo(SkillsProfile.EMPTY);
    }

    @Test
    void validProvesExpiredIsStaleRevokedAndInvalidNeverCount() {
        SkillsProfile p = SkillsProfile.of(List.of(
            credential("c1", VerificationStatus.VALID, Credentials.PYTHON),
            credential("c2", VerificationStatus.EXPIRED, SQL),
            credential("c3", VerificationStatus.REVOKED, WELD),
            credential("c4", VerificationStatus.INVALID, WELD),
            credential("c5", VerificationStatus.SUSPENDED, WELD)));
        assertThat(p.skill(Credentials.PYTHON).orElseThrow().state()).isEqualTo(ProofState.PROVEN);
        assertThat(p.skill(SQL).orElseThrow().state()).isEqualTo(ProofState.STALE);
        assertThat(p.skill(WELD)).isEmpty();
        assertThat(p.ignored()).extracting(IgnoredCredential::credentialId).containsExactly("c3", "c4", "c5");
        assertThat(p.ignored().get(0).reason()).isEqualTo("revoked by its issuer");
        assertThat(p.proven()).extracting(ProfileSkill::skillId).containsExactly(Credentials.PYTHON);
    }

    @Test
    void aValidCredentialBeatsAnExpiredOneAndBothAreEvidence() {
        SkillsProfile p = SkillsProfile.of(List.of(
            credential("old", VerificationStatus.EXPIRED, Credibility.NONE, 6, SQL),
            credential("new", VerificationStatus.VALID, new Credibility(true, false), 3, SQL)));
        ProfileSkill sql = p.skill(SQL).orElseThrow();
        assertThat(sql.state()).isEqualTo(ProofState.PROVEN);
        assertThat(sql.level()).isEqualTo(3); // the expired level-6 credential does not make the current level 6
        assertThat(sql.evidence()).extracting(Evidence::credentialId).containsExactly("new", "old");
        assertThat(sql.decisive()).extracting(Evidence::credentialId).containsExactly("new");
        assertThat(sql.bestCredibility().accredited()).isTrue();
    }

    @Test
    void normalisesAlignmentUrlsToGraphIds() {
        VerifiedCredential c = new VerifiedCredential("c", VerificationStatus.VALID, T0, null, "i", Credibility.NONE,
            "a", "A", List.of(new Alignment("https://www.onetonline.org/link/summary/15-1252.00", "O*NET", 4),
            new Alignment("2.B.3.e", "O*NET", null)), 2);
        SkillsProfile p = SkillsProfile.of(List.of(c));
        assertThat(p.skill("onet:occupation/15-1252.00").orElseThrow().level()).isEqualTo(4);
        assertThat(p.skill(Credentials.ONET_PROGRAMMING).orElseThrow().level()).isEqualTo(2);
    }

    @Test
    void reportsCredentialsAlignedToNothing() {
        SkillsProfile p = SkillsProfile.of(List.of(credential("bare", VerificationStatus.VALID)));
        assertThat(p.skills()).isEmpty();
        assertThat(p.ignored().get(0).reason()).isEqualTo("the achievement is aligned to no skill");
    }

    @Test
    void rejectsMalformedCredentials() {
        assertThatThrownBy(() -> credential("x", VerificationStatus.VALID, Credibility.NONE, 9, SQL))
            .isInstanceOf(MicrocredException.class).hasMessage("credential level must be 0..7, was 9")
            .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.MALFORMED_INPUT);
        assertThatThrownBy(() -> new VerifiedCredential("x", VerificationStatus.VALID, T0, T0.minusSeconds(1), "i",
            Credibility.NONE, "a", "A", List.of(), null)).hasMessage("credential x: validUntil before issuedAt");
    }

    @Property(tries = 200)
    void onlyValidAndExpiredCredentialsEverCount(@ForAll("credentials") List<VerifiedCredential> credentials) {
        SkillsProfile p = SkillsProfile.of(credentials);
        for (ProfileSkill s : p.skills()) {
            assertThat(s.evidence()).allMatch(e -> e.status() == VerificationStatus.VALID
                || e.status() == VerificationStatus.EXPIRED);
            boolean anyValid = credentials.stream().anyMatch(c -> c.status() == VerificationStatus.VALID
                && c.alignments().stream().anyMatch(a -> a.skillId().equals(s.skillId())));
            assertThat(s.state()).isEqualTo(anyValid ? ProofState.PROVEN : ProofState.STALE);
        }
        long countingSkills = credentials.stream().filter(VerifiedCredential::counts)
            .flatMap(c -> c.alignments().stream()).map(Alignment::skillId).distinct().count();
        assertThat(p.skills()).hasSize((int) countingSkills);
    }

    @Provide
    Arbitrary<List<VerifiedCredential>> credentials() {
        Arbitrary<VerifiedCredential> one = net.jqwik.api.Combinators.combine(
            Arbitraries.of(VerificationStatus.values()),
            Arbitraries.of("s1", "s2", "s3", "s4").list().ofMaxSize(3),
            Arbitraries.integers().between(0, 7).injectNull(0.3),
            Arbitraries.integers().between(0, 1000))
            .as((status, skills, level, n) -> new VerifiedCredential("c" + n, status, Instant.EPOCH.plusSeconds(n),
                null, "i", Credibility.NONE, "a", "A", Credentials.alignments(skills.toArray(String[]::new)), level));
        return one.list().ofMaxSize(8).map(l -> {
            List<VerifiedCredential> unique = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                VerifiedCredential c = l.get(i);
                unique.add(new VerifiedCredential("c" + i, c.status(), c.issuedAt(), null, "i", Credibility.NONE, "a",
                    "A", c.alignments(), c.level()));
            }
            return unique;
        });
    }
}
