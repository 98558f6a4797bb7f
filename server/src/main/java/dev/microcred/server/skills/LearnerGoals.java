package dev.microcred.server.skills;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.server.Platform;
import dev.microcred.skills.graph.Occupation;
import dev.microcred.skills.pathway.CostMeasure;
import dev.microcred.skills.portfolio.PortfolioAdvice;
import dev.microcred.skills.portfolio.PortfolioAdvisor;
import dev.microcred.skills.profile.VerifiedCredential;
import dev.microcred.store.CareerGoal;
import dev.microcred.store.CareerStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A learner's career goal and what follows from their own wallet: the goal (one target occupation per account,
 * stored), the skills profile, the gap and the pathway plan over every offering of the instance, and portfolio
 * advice. Thread-safe.
 */
public final class LearnerGoals {
    /** Days ahead in which an expiring credential is pointed out. */
    public static final int EXPIRY_WINDOW_DAYS = 90;
    private final Platform p;
    private final CareerStore career;
    private final TaxonomyLoader taxonomy;
    private final WalletSkills wallet;
    private final CareerPlanner planner;
    private final Catalogues catalogues;
    private final IssuerCredibility credibility;

    public LearnerGoals(Platform platform, CareerStore career, TaxonomyLoader taxonomy, WalletSkills wallet,
                        CareerPlanner planner, Catalogues catalogues, IssuerCredibility credibility) {
        this.p = Objects.requireNonNull(platform, "platform");
        this.career = Objects.requireNonNull(career, "career");
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.catalogues = Objects.requireNonNull(catalogues, "catalogues");
        this.credibility = Objects.requireNonNull(credibility, "credibility");
    }

    /** A goal with its occupation and the plan toward it from the learner's wallet. */
    public record GoalPlan(CareerGoal goal, Occupation occupation, Analysis analysis, String headline) {
        public boolean goalMet() {
            return analysis.goalMet();
        }
    }

    /** Portfolio advice with what it was made from. */
    public record Portfolio(PortfolioAdvice advice, List<PresentedCredential> credentials,
                            Map<String, IssuerCredibility.Standing> standings, Map<String, Offering> offerings) {
    }

    public Optional<CareerGoal> goal(String accountId) {
        return p.db().read(c -> career.goals().byAccount(c, accountId));
    }

    /** The occupation a goal (or an input) names. @throws MicrocredException INVALID_REQUEST when unknown */
    public Occupation occupation(String id) {
        if (id == null || id.isBlank()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "occupation is required: an ESCO occupation URI or"
                    + " an O*NET-SOC code such as 15-1251.00 (search for one on /skills)");
        }
        String ref = id.strip();
        return taxonomy.require().graph().occupation(ref).orElseThrow(() -> new MicrocredException(
                Problem.INVALID_REQUEST, "unknown occupation: " + Catalogues.quote(ref) + " (an ESCO occupation URI"
                        + " or an O*NET-SOC code such as 15-1251.00; search for one on /skills or with"
                        + " GET /api/skills/search?kind=occupation&q=...)"));
    }

    /**
     * Sets the account's goal.
     *
     * @param objective {@code workload} (the default when null or blank) or {@code cost}
     * @throws MicrocredException {@code INVALID_REQUEST} for an unknown occupation or objective
     */
    public CareerGoal set(String accountId, String occupationId, String objective) {
        Occupation o = occupation(occupationId);
        CostMeasure measure = CareerPlanner.objective(objective);
        CareerGoal goal = new CareerGoal(accountId, o.id(), measure == CostMeasure.COST ? "cost" : "workload",
                p.clock().instant());
        p.db().inTransaction(c -> {
            career.goals().put(c, goal);
            return null;
        });
        return goal;
    }

    /** Removes the account's goal; whether there was one. */
    public boolean clear(String accountId) {
        return p.db().inTransaction(c -> career.goals().delete(c, accountId));
    }

    /**
     * The profile, gap and plan toward the account's goal.
     *
     * @throws MicrocredException {@code NOT_FOUND} when no goal is set
     */
    public GoalPlan plan(String accountId) {
        CareerGoal goal = goal(accountId).orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND,
                "no career goal is set: choose a target occupation first (PUT /api/me/goal, or /wallet/goal)"));
        Occupation o = occupation(goal.occupationId());
        List<PresentedCredential> mine = wallet.credentials(accountId);
        Analysis a = planner.analyse(mine, o.id(), CareerPlanner.objective(goal.objective()), false);
        String headline;
        if (a.gap().goalMet()) {
            headline = "Goal already met: your wallet proves every required skill of " + o.label()
                    + " at its level; there is nothing to plan.";
        } else if (a.profile().skills().isEmpty()) {
            headline = (mine.isEmpty() ? "Your wallet holds no claimed or imported credential yet"
                    : "None of your credentials proves a skill now") + ": every required skill of " + o.label()
                    + " counts as missing. " + a.plan().explanation();
        } else {
            headline = a.plan().explanation();
        }
        return new GoalPlan(goal, o, a, headline);
    }

    /** Portfolio advice from the account's wallet, renewal paths over the instance's offerings. */
    public Portfolio portfolio(String accountId) {
        Map<String, IssuerCredibility.Standing> standings = credibility.byDid();
        List<PresentedCredential> mine = wallet.credentials(accountId, standings);
        List<Offering> offered = catalogues.offered();
        Map<String, Offering> byId = new java.util.LinkedHashMap<>();
        offered.forEach(o -> byId.put(o.achievement().id(), o));
        List<VerifiedCredential> verified = mine.stream().map(PresentedCredential::verified).toList();
        PortfolioAdvice advice = new PortfolioAdvisor(p.clock(), Catalogues.catalogue(offered))
                .advise(verified, EXPIRY_WINDOW_DAYS);
        return new Portfolio(advice, mine, standings, byId);
    }
}
