package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A credential a learner imported into their wallet, with the verifier's outcome at import. Immutable.
 *
 * @param document the credential as verified: JSON or a compact JWS (an image's baked credential, not the image)
 * @param format the verifier's input format label ({@code json}, {@code jwt}, {@code png+json}, ...)
 * @param outcome the verifier's outcome label at import
 */
public record WalletImport(String id, String accountId, String document, String format, String title,
                           String issuerName, String outcome, Instant importedAt) {
    public WalletImport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(importedAt, "importedAt");
    }

    @Override
    public String toString() {
        return "WalletImport[" + id + ", " + format + ", " + outcome + "]";
    }
}
