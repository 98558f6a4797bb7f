package dev.microcred.credentials.did;

import dev.microcred.crypto.VerificationMethod;
import java.util.Objects;
import java.util.Set;

/**
 * A verification method as resolved from its controller's document, with the verification relationships
 * the document lists it under ({@code assertionMethod}, {@code authentication}, ...). For {@code did:key}
 * every relationship holds.
 */
public record ResolvedMethod(VerificationMethod method, Set<String> relationships, Source source) {
    /** Where the key came from. */
    public enum Source {
        /** Decoded from a {@code did:key} identifier: self-certifying. */
        DID_KEY,
        /** Read from the controller's DID document or key document. */
        DOCUMENT,
        /**
         * Decoded from the Multikey in the fragment of an HTTPS verification method URL whose document could
         * not be had (the 1EdTech validator's convention): it proves integrity, not who controls the key.
         */
        URL_FRAGMENT
    }

    public ResolvedMethod {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(source, "source");
        relationships = Set.copyOf(relationships);
    }

    public boolean authorizedFor(String relationship) {
        return relationships.contains(relationship);
    }
}
