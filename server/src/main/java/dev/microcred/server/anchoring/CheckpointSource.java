package dev.microcred.server.anchoring;

import java.util.Optional;

/**
 * Where anchoring gets the checkpoint to anchor: the latest checkpoint the transparency log has published (signed by
 * the log and cosigned by the witness quorum), as the signed note served at {@code /tlog/checkpoint} (text, blank
 * line, signatures). The server wires {@code TransparencyLog::checkpoint}. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CheckpointSource {
    /** The latest published checkpoint note, or empty when none has been published. */
    Optional<String> latest();
}
