package dev.microcred.store;

/**
 * Where a credential stands in a renewal chain.
 *
 * @param renews the credential this one renews, or null
 * @param renewedBy the credential that renews this one, or null
 */
public record RenewalLinks(String renews, String renewedBy) {
    public static final RenewalLinks NONE = new RenewalLinks(null, null);

    /** Whether a newer credential renews this one. */
    public boolean superseded() {
        return renewedBy != null;
    }
}
