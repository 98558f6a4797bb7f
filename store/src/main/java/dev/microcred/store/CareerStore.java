package dev.microcred.store;

/**
 * The repositories of career goals and employers (migration V600), to use inside {@link Transactions#inTransaction}
 * like {@link Store}'s. Stateless and thread-safe.
 */
public record CareerStore(CareerGoals goals, TalentSettings talent, IssuerStandings standings, JobPostings postings,
                          Shortlists shortlists, ContactRequests contacts) {
    /** Every repository. */
    public static CareerStore create() {
        return new CareerStore(new CareerGoals(), new TalentSettings(), new IssuerStandings(), new JobPostings(),
                new Shortlists(), new ContactRequests());
    }
}
