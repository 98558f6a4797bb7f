package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One learning opportunity of an issuer's imported catalogue.
 *
 * @param entryId  the id the issuer gave it, unique within its catalogue
 * @param seq      its position in the catalogue as given, from 0
 * @param document the entry as JSON (name, skills, workloadHours, cost, prerequisites, achievementUrl)
 */
public record StoredCatalogueEntry(String issuerId, String entryId, int seq, String document, Instant updatedAt) {
    public StoredCatalogueEntry {
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
