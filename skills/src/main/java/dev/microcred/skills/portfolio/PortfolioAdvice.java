package dev.microcred.skills.portfolio;

import java.util.List;
import java.util.Objects;

/**
 * Advice on a learner's portfolio.
 *
 * @param breadth   distinct proven skills
 * @param depth     mean proven level over the proven skills that state one, on 0–7 (0 when none states a level)
 * @param deepSkills proven skills at level ≥ 5 or proven by two or more valid credentials
 * @param freshness share of proven skills whose latest proof is less than {@value PortfolioAdvisor#FRESH_DAYS} days
 *                  old, in [0, 1] (1 when nothing is proven)
 * @param expiring  valid credentials expiring within the window, soonest first
 * @param providers issuers, credible first (accredited, then endorsed), then by number of credentials
 * @param advice    plain-language recommendations, most important first
 */
public record PortfolioAdvice(int breadth, double depth, int deepSkills, double freshness, List<Expiring> expiring,
                              List<Provider> providers, List<String> advice) {
    public PortfolioAdvice {
        expiring = List.copyOf(expiring);
        providers = List.copyOf(providers);
        advice = List.copyOf(advice);
        Objects.requireNonNull(advice, "advice");
    }
}
