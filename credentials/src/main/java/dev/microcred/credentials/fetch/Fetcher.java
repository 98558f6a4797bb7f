package dev.microcred.credentials.fetch;

import java.net.URI;

/**
 * Fetches a remote document for verification. Implementations enforce their own policy (HTTPS only, no
 * private addresses, size and time limits) and are thread-safe.
 */
@FunctionalInterface
public interface Fetcher {
    /** A fetcher that refuses everything: verification that must stay offline. */
    Fetcher NONE = uri -> {
        throw new dev.microcred.core.MicrocredException(dev.microcred.core.Problem.FETCH_REFUSED,
                "fetching is disabled (offline): " + uri);
    };

    /**
     * Fetches {@code uri}.
     *
     * @return the response, including non-2xx statuses (OB 2.0 hosted verification reads HTTP 410 as revoked)
     * @throws dev.microcred.core.MicrocredException {@code FETCH_FAILED} when no response could be had,
     *     {@code FETCH_REFUSED} when policy forbids the request
     */
    FetchedDocument fetch(URI uri);
}
