package dev.microcred.server.anchoring;

import dev.microcred.server.tlog.TransparencyLog;
import dev.microcred.tlog.entry.Anchor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Records anchors in the platform's transparency log: the entry joins the log's pending queue in the transaction
 * that completes the anchor ({@link TransparencyLog#append}), and the log is told once that transaction has
 * committed ({@link TransparencyLog#committed}: the sequencer runs a round), so a later checkpoint covers the
 * anchor. Thread-safe.
 */
public final class TransparencyLogRecorder implements AnchorRecorder {
    private final TransparencyLog log;

    public TransparencyLogRecorder(TransparencyLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void append(Connection c, Anchor entry) throws SQLException {
        log.append(c, entry);
    }

    @Override
    public void committed(Anchor entry) {
        log.committed();
    }
}
