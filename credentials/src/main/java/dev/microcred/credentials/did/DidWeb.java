package dev.microcred.credentials.did;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The did:web method's DID-to-URL transformation (did:web spec §3.2 "Read (Resolve)"). Stateless.
 */
public final class DidWeb {
    public static final String PREFIX = "did:web:";

    private DidWeb() {
    }

    /**
     * The HTTPS URL of the DID document of {@code did} (a DID, without fragment):
     * {@code did:web:example.com} → {@code https://example.com/.well-known/did.json};
     * {@code did:web:example.com:user:alice} → {@code https://example.com/user/alice/did.json};
     * a port is written percent-encoded ({@code did:web:localhost%3A8443}).
     */
    public static URI documentUrl(String did) {
        if (!did.startsWith(PREFIX)) {
            throw new MicrocredException(Problem.KEY_NOT_FOUND, "not a did:web identifier: " + did);
        }
        String specific = did.substring(PREFIX.length());
        if (specific.isEmpty() || specific.contains("/") || specific.contains("#") || specific.contains("?")) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "malformed did:web identifier: " + did);
        }
        String[] parts = specific.split(":", -1);
        // §3.2 step 2-3: replace ":" with "/", percent-decode the domain (port), prepend https://
        String host = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        if (host.isEmpty() || host.contains("/") || host.contains("@")) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "malformed did:web domain: " + did);
        }
        StringBuilder url = new StringBuilder("https://").append(host);
        if (parts.length == 1) {
            url.append("/.well-known");
        } else {
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].isEmpty()) {
                    throw new MicrocredException(Problem.MALFORMED_INPUT, "empty path segment in " + did);
                }
                url.append('/').append(parts[i]);
            }
        }
        url.append("/did.json");
        try {
            return URI.create(url.toString());
        } catch (IllegalArgumentException e) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "malformed did:web identifier: " + did, e);
        }
    }
}
