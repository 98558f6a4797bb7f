package dev.microcred.server.skills;

import dev.microcred.server.Platform;
import dev.microcred.store.CareerStore;
import java.util.Objects;

/**
 * The career and employer services of one server, wired with {@code new} over its {@link Platform} and
 * {@link SkillsServices}: issuer credibility, the learner's wallet as evidence, goals and portfolio advice, the
 * candidate index and the employers' postings. Immutable.
 */
public record CareerServices(CareerStore store, IssuerCredibility credibility, WalletSkills wallet, LearnerGoals goals,
                             TalentPool pool, Employers employers) {
    public CareerServices {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(credibility, "credibility");
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(goals, "goals");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(employers, "employers");
    }

    public static CareerServices of(Platform p, SkillsServices skills) {
        CareerStore store = CareerStore.create();
        IssuerCredibility credibility = new IssuerCredibility(p, store);
        WalletSkills wallet = new WalletSkills(p, skills.taxonomy(), credibility);
        LearnerGoals goals = new LearnerGoals(p, store, skills.taxonomy(), wallet, skills.planner(),
                skills.catalogues(), credibility);
        TalentPool pool = new TalentPool(p, store, wallet, credibility);
        return new CareerServices(store, credibility, wallet, goals, pool, new Employers(p, store, skills.taxonomy(),
                pool));
    }
}
