package dev.microcred.credentials.did;

/**
 * Verification methods a verifier already knows without fetching their controller's document: a server's own
 * issuers' keys, kept in memory. {@link MethodResolver} asks it first and fetches the document as usual when it
 * answers null, so a source that does not know a method changes nothing. Implementations must be thread-safe and
 * may only answer what the controller's document would say for the method's key, controller and
 * {@code assertionMethod} relationship.
 */
@FunctionalInterface
public interface KnownMethods {
    /** Knows nothing: every method is resolved from its controller's document. */
    KnownMethods NONE = methodId -> null;

    /** The method {@code methodId} as its controller's document lists it, or null when not known here. */
    ResolvedMethod find(String methodId);
}
