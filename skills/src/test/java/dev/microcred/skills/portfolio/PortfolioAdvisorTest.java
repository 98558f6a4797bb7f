package dev.microcred.skills.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.skills.pathway.Catalogue;
import dev.microcred.skills.pathway.CatalogueAchievement;
import dev.microcred.skills.pathway.TaughtSkill;
import dev.microcred.skills.profile.Alignment;
import dev.microcred.skills.profile.Credibility;
import dev.microcred.skills.profile.VerificationStatus;
import dev.microcred.skills.profile.VerifiedCredential;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortfolioAdvisorTest {
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Catalogue CATALOGUE = Catalogue.of(List.of(
        new CatalogueAchievement("first-aid", "First aid", "red-cross", List.of(new TaughtSkill("aid", 3)), 8, 50,
            List.of(), new Credibility(true, false)),
        new CatalogueAchievement("forklift-refresher", "Forklift refresher", "x", List.of(new TaughtSkill("forklift", 3)),
            4, 80, List.of(), Credibility.NONE)));
    private static final PortfolioAdvisor ADVISOR = new PortfolioAdvisor(CLOCK, CATALOGUE);

    private static VerifiedCredential c(String id, String achievement, String issuer, Credibility cred, Instant issued,
                                        Instant until, Integer level, String... skills) {
        List<Alignment> al = new ArrayList<>();
        for (String s : skills) al.add(new Alignment(s, "", null));
        return new VerifiedCredential(id, VerificationStatus.VALID, issued, until, issuer, cred, achievement,
            achievement, al, level);
    }

    @Test
    void listsExpiringCredentialsWithTheirRenewalPath() {
        PortfolioAdvice a = ADVISOR.advise(List.of(
            c("c1", "first-aid", "red-cross", new Credibility(true, false), NOW.minus(300, ChronoUnit.DAYS),
                NOW.plus(20, ChronoUnit.DAYS), 3, "aid"),
            c("c2", "forklift-basic", "depot", Credibility.NONE, NOW.minus(900, ChronoUnit.DAYS),
                NOW.plus(5, ChronoUnit.DAYS), 2, "forklift"),
            c("c3", "welding", "guild", Credibility.NONE, NOW.minus(10, ChronoUnit.DAYS),
                NOW.plus(200, ChronoUnit.DAYS), 4, "weld"),
            c("c4", "sql", "college", Credibility.NONE, NOW.minus(10, ChronoUnit.DAYS),
                NOW.plus(6, ChronoUnit.DAYS), 4, "sql")), 30);
        assertThat(a.expiring()).extracting(Expiring::credentialId).containsExactly("c2", "c4", "c1");
        assertThat(a.expiring().get(0).renewal()).isEqualTo("renew through forklift-refresher (Forklift refresher)");
        assertThat(a.expiring().get(1).renewal()).isEqualTo("ask the issuer college how to renew");
        assertThat(a.expiring().get(2).renewal()).isEqualTo("renew by earning first-aid again");
        assertThat(a.advice().get(0)).isEqualTo("Credential c2 expires in 5 days: renew through forklift-refresher "
            + "(Forklift refresher).");
        assertThat(a.providers().get(0).issuerId()).isEqualTo("red-cross");
    }

    @Test
    void flagsBroadButShallowAndStalePortfolios() {
        List<VerifiedCredential> many = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            many.add(c("c" + i, "a" + i, "i", Credibility.NONE, NOW.minus(1000, ChronoUnit.DAYS), null, 2, "s" + i));
        }
        PortfolioAdvice a = ADVISOR.advise(many, 30);
        assertThat(a.breadth()).isEqualTo(10);
        assertThat(a.deepSkills()).isZero();
        assertThat(a.depth()).isEqualTo(2.0);
        assertThat(a.freshness()).isZero();
        assertThat(a.advice()).anyMatch(s -> s.startsWith("Broad but shallow: 10 skills proven, 0 in depth."))
            .anyMatch(s -> s.startsWith("Only 0% of your proven skills"))
            .anyMatch(s -> s.startsWith("None of your issuers is accredited"));
    }

    @Test
    void flagsDeepButNarrowAndEmptyPortfolios() {
        PortfolioAdvice deep = ADVISOR.advise(List.of(
            c("c1", "a", "i", new Credibility(false, true), NOW.minus(10, ChronoUnit.DAYS), null, 6, "rust")), 30);
        assertThat(deep.advice()).containsExactly("Deep but narrow: 1 skill proven. Broaden toward adjacent skills.");
        PortfolioAdvice empty = ADVISOR.advise(List.of(), 30);
        assertThat(empty.freshness()).isEqualTo(1.0);
        assertThat(empty.advice()).containsExactly(
            "No skill is proven yet: earn a first credential aligned to a skill framework.");
    }

    @Test
    void rejectsABadWindow() {
        assertThatThrownBy(() -> ADVISOR.advise(List.of(), -1)).isInstanceOf(MicrocredException.class)
            .hasMessage("expiry window must be 0..3650 days, was -1");
    }
}
