package dev.microcred.credentials.fetch;

import dev.microcred.core.Bytes;
import java.net.URI;
import java.util.Objects;

/**
 * What a {@link Fetcher} got back: the final URI, the HTTP status (200 for a local file), the media type
 * (may be null) and the body.
 */
public record FetchedDocument(URI uri, int status, String contentType, Bytes body) {
    public FetchedDocument {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
    }

    public byte[] bodyBytes() {
        return body.toArray();
    }
}
