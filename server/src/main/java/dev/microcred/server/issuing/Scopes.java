package dev.microcred.server.issuing;

import java.util.Set;

/** The scopes an API token can carry. */
public final class Scopes {
    /** Everything, on every issuer: create issuers. */
    public static final String PLATFORM_ADMIN = "platform:admin";
    /** Create and edit the issuer's achievements. */
    public static final String ACHIEVEMENTS_WRITE = "achievements:write";
    /** Issue credentials (API and VCALM {@code /credentials/issue}). */
    public static final String CREDENTIALS_ISSUE = "credentials:issue";
    /** Read the issuer's issued credentials. */
    public static final String CREDENTIALS_READ = "credentials:read";
    /** Revoke, suspend and unsuspend (API and VCALM {@code /credentials/status}). */
    public static final String CREDENTIALS_STATUS = "credentials:status";
    /** VCALM {@code /credentials/verify}. */
    public static final String CREDENTIALS_VERIFY = "credentials:verify";

    /** Rotate the issuer's signing key ({@code did:web} issuers). */
    public static final String KEYS_ROTATE = "keys:rotate";

    /** Replace the issuer's imported catalogue and define its stackable pathways. */
    public static final String CATALOGUE_WRITE = "catalogue:write";

    /** What a new issuer's first token may do. */
    public static final Set<String> ISSUER_ALL = Set.of(ACHIEVEMENTS_WRITE, CREDENTIALS_ISSUE, CREDENTIALS_READ,
            CREDENTIALS_STATUS, CREDENTIALS_VERIFY, CATALOGUE_WRITE, KEYS_ROTATE);
    /** The scopes the VCALM endpoints use. */
    public static final Set<String> VCALM = Set.of(CREDENTIALS_ISSUE, CREDENTIALS_STATUS, CREDENTIALS_VERIFY);

    private Scopes() {
    }
}
