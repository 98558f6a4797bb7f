package dev.microcred.tlog.policy;

import dev.microcred.tlog.note.Ed25519NoteVerifier;
import java.util.Objects;
import java.util.Optional;

/**
 * A trusted log: its checkpoint key (whose name is the log's origin) and an optional URL.
 *
 * @param key the log's Ed25519 note key
 * @param url where to reach the log, if the policy says
 */
public record PolicyLog(Ed25519NoteVerifier key, Optional<String> url) {
    public PolicyLog {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(url, "url");
    }

    public String origin() {
        return key.name();
    }
}
