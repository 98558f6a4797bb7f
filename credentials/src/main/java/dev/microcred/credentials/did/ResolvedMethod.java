package dev.microcred.credentials.did;

import dev.microcred.crypto.VerificationMethod;
import java.util.Objects;
import java.util.Set;

/**
 * A verification method as resolved from its controller's document, with the verification relationships
 * the document lists it under ({@code assertionMethod}, {@code authentication}, ...). For {@code did:key}
 * every relationship holds.
 */
public record ResolvedMethod(VerificationMethod method, Set<String> relationships) {
    public ResolvedMethod {
        Objects.requireNonNull(method, "method");
        relationships = Set.copyOf(relationships);
    }

    public boolean authorizedFor(String relationship) {
        return relationships.contains(relationship);
    }
}
