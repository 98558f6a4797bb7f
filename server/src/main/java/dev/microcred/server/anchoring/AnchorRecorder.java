package dev.microcred.server.anchoring;

import dev.microcred.tlog.entry.Anchor;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Appends an anchor entry to the transparency log, on the caller's connection: the entry is appended in the same
 * database transaction that records the anchor in {@code tlog_anchor}, so both are stored or neither. The server
 * wires {@link TransparencyLogRecorder}. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AnchorRecorder {
    void append(Connection c, Anchor entry) throws SQLException;

    /** Called once the transaction that appended {@code entry} has committed: the log may sequence it now. */
    default void committed(Anchor entry) {
    }
}
