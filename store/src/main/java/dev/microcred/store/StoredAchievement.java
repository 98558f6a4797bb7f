package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An achievement an issuer awards.
 *
 * @param document the OB 3.0 {@code Achievement} JSON
 * @param validityDays how long credentials for it are valid, or null for no expiry
 * @param archivedAt null while it can be issued
 * @param suspendable whether its credentials carry a suspension entry besides the revocation one (then
 *     {@code credentialStatus} is an array of two, which VC 2.0 allows and the OB 3.0 JSON schema does not); false
 *     by default: one revocation entry, schema-exact
 */
public record StoredAchievement(String id, String issuerId, String name, String document, Integer validityDays,
                                Instant createdAt, Instant archivedAt, boolean suspendable) {
    public StoredAchievement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A revocation-only achievement (the default). */
    public StoredAchievement(String id, String issuerId, String name, String document, Integer validityDays,
                             Instant createdAt, Instant archivedAt) {
        this(id, issuerId, name, document, validityDays, createdAt, archivedAt, false);
    }
}
