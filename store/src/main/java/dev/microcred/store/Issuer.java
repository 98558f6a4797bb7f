package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An issuing organisation.
 *
 * @param slug the URL name ({@code /issuers/{slug}}), lower-case letters, digits and hyphens
 * @param did its DID ({@code did:web:...} or {@code did:key:...}), the {@code issuer.id} of its credentials
 * @param didMethod {@code web} or {@code key}
 * @param profile the OB 3.0 {@code Profile} JSON put in its credentials
 */
public record Issuer(String id, String slug, String name, String did, String didMethod, String profile,
                     Instant createdAt) {
    public Issuer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(didMethod, "didMethod");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
