package dev.microcred.server.anchoring;

import java.util.Optional;

/**
 * Where anchoring gets the checkpoint to anchor: the latest checkpoint the transparency log has published, as the
 * signed note served at {@code /tlog/checkpoint} (text, blank line, signatures). Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface CheckpointSource {
    /** No log is wired: nothing is ever published, so nothing is anchored. */
    CheckpointSource NONE = Optional::empty;

    /** The latest published checkpoint note, or empty when none has been published. */
    Optional<String> latest();
}
