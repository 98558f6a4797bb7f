package dev.microcred.server.anchoring;

import dev.microcred.tlog.entry.Anchor;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Appends an anchor entry to the transparency log, on the caller's connection: the entry is appended in the same
 * database transaction that records the anchor in {@code tlog_anchor}, so both are stored or neither.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AnchorRecorder {
    /** No log is wired: refuses, so that an anchor is never recorded without its log entry. */
    AnchorRecorder UNWIRED = (c, entry) -> {
        throw new IllegalStateException("no transparency log is wired to record anchor entries");
    };

    void append(Connection c, Anchor entry) throws SQLException;
}
