package dev.microcred.store;

import java.util.Locale;

/** Where an issued credential stands. Revocation is final; suspension is lifted by unsuspending. */
public enum CredentialState {
    ACTIVE, SUSPENDED, REVOKED;

    /** The stored (and shown) name, lower-case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CredentialState parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
