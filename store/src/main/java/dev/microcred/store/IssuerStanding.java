package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What the platform admin recorded about an issuer (migration V600). Immutable.
 *
 * @param accreditedBy the body that accredits the issuer, or null
 * @param endorsedBy   the body that endorses the issuer, or null
 */
public record IssuerStanding(String issuerId, String accreditedBy, String endorsedBy, Instant updatedAt) {
    public IssuerStanding {
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
