package dev.microcred.credentials.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.Bytes;
import dev.microcred.core.Sha256;
import dev.microcred.credentials.status.StatusListCredential;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Status list credentials that verified, kept by their URL and the SHA-256 of the exact bytes fetched, so that a
 * verifier that fetches the same list again skips checking its proof and decoding its bitstring.
 *
 * <p>The list is still fetched for every verification, so a changed list (a revocation re-signs it, giving new
 * bytes) is verified in full at once. What an entry reuses is the list's proof and issuer-key checks, which depend on
 * the bytes and on the list issuer's DID document; it is reused for at most the list's own {@code ttl} (Bitstring
 * Status List v1.0 §2.2: how long a verifier may cache the list; capped at {@link #MAX_REUSE}) on either side of the
 * instant it was verified at, and only while the list's validity window judges the new instant as it judged the
 * old one. A list without a {@code ttl} (or with 0) is verified every time. At most {@link #MAX_ENTRIES} entries.
 * Thread-safe.
 */
final class VerifiedLists {
    static final Duration MAX_REUSE = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 1024;

    private final ConcurrentHashMap<Key, VerifiedList> entries = new ConcurrentHashMap<>();

    private record Key(URI url, Bytes digest, int depth) {
    }

    /** The verified list for these bytes, if one may be reused at {@code at}; null otherwise. */
    VerifiedList find(URI url, byte[] body, Instant at, int depth) {
        VerifiedList v = entries.get(new Key(url, Bytes.of(Sha256.digest(body)), depth));
        if (v == null || Duration.between(v.verifiedAt(), at).abs().compareTo(v.reuseFor()) > 0
                || v.window().status(at) != v.validity()) {
            return null;
        }
        return v;
    }

    /** Keeps {@code list}, which verified at {@code at}, when its ttl allows it; returns it either way. */
    VerifiedList keep(URI url, byte[] body, Instant at, int depth, ObjectNode list) {
        StatusListCredential parsed = StatusListCredential.parse(list);
        Duration ttl = parsed.ttl() == null ? Duration.ZERO : parsed.ttl();
        Duration reuse = ttl.compareTo(MAX_REUSE) > 0 ? MAX_REUSE : ttl;
        ValidityWindow.Window window = ValidityWindow.read(list);
        VerifiedList v = new VerifiedList(list, parsed, at, reuse, window, window.check(at).status());
        if (!reuse.isZero()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(new Key(url, Bytes.of(Sha256.digest(body)), depth), v);
        }
        return v;
    }

    /**
     * A list credential that verified: its JSON (never modified), parsed, when, for how long, its validity window
     * (read once) and how that window judged the instant it was verified at.
     */
    record VerifiedList(ObjectNode json, StatusListCredential parsed, Instant verifiedAt, Duration reuseFor,
                        ValidityWindow.Window window, Check.Status validity) {
    }
}
