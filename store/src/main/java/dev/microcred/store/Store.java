package dev.microcred.store;

/**
 * The repositories, one per table family, to use inside {@link Transactions#inTransaction}. Stateless and
 * thread-safe; one instance serves the whole server.
 */
public record Store(Accounts accounts, WebSessions sessions, ApiTokens apiTokens, Issuers issuers,
                    Achievements achievements, Credentials credentials, StatusLists statusLists, Outbox outbox,
                    BulkJobs bulkJobs, CatalogueEntries catalogueEntries, StackablePathways pathways,
                    Memberships memberships, PasswordResets passwordResets, IssuerActivity activity,
                    WalletShares walletShares, WalletImports walletImports) {
    /** Every repository. */
    public static Store create() {
        return new Store(new Accounts(), new WebSessions(), new ApiTokens(), new Issuers(), new Achievements(),
                new Credentials(), new StatusLists(), new Outbox(), new BulkJobs(),
                new CatalogueEntries(), new StackablePathways(), new Memberships(), new PasswordResets(),
                new IssuerActivity(), new WalletShares(), new WalletImports());
    }
}
