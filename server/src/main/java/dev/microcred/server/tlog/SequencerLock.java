package dev.microcred.server.tlog;

import dev.microcred.core.Sha256;
import dev.microcred.store.Database;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elects the one sequencer of a log. On PostgreSQL: a session-level advisory lock ({@code pg_try_advisory_lock})
 * held on a connection of its own for as long as this node is the sequencer, keyed by the database schema (so logs
 * in different schemas of one database, such as parallel tests, do not block each other); a node that loses the
 * connection loses the lock and re-applies for it. On H2 (embedded, one process): an in-process lock per database
 * URL. Not thread-safe: the sequencer calls it under its own lock.
 *
 * <p>The lock is an optimisation of who works, not the safety net: every sequencing step also checks and moves the
 * {@code tlog_state} row under a row lock, so even two sequencers at once could not give two entries one index.
 */
final class SequencerLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SequencerLock.class);
    private static final ConcurrentHashMap<String, Semaphore> LOCAL = new ConcurrentHashMap<>();

    private final Database db;
    private Connection held;
    private Semaphore local;
    private long key;

    SequencerLock(Database db) {
        this.db = db;
    }

    /** Whether this node is (or now became) the sequencer. */
    boolean tryAcquire() {
        try {
            if (db.isPostgres()) {
                return postgres();
            }
            if (local == null) {
                Semaphore lock;
                try (Connection c = db.dataSource().getConnection()) {
                    lock = LOCAL.computeIfAbsent(c.getMetaData().getURL(), url -> new Semaphore(1));
                }
                if (!lock.tryAcquire()) {
                    return false;
                }
                local = lock;
            }
            return true;
        } catch (SQLException e) {
            LOG.warn("sequencer lock unavailable sqlstate={}", e.getSQLState());
            release();
            return false;
        }
    }

    private boolean postgres() throws SQLException {
        if (held != null) {
            if (held.isValid(2)) {
                return true;
            }
            LOG.warn("sequencer lock connection lost: applying again");
            release();
        }
        Connection c = db.dataSource().getConnection();
        try {
            c.setAutoCommit(true);
            String schema;
            try (PreparedStatement s = c.prepareStatement("SELECT current_schema()");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                schema = rs.getString(1);
            }
            key = ByteBuffer.wrap(Sha256.digest("microcred/tlog-sequencer/" + schema)).getLong();
            try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setLong(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        held = c;
                        LOG.info("sequencer elected schema={}", schema);
                        return true;
                    }
                }
            }
            c.close();
            return false;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Gives the role up (unlocking before the connection goes back to the pool). */
    void release() {
        if (held != null) {
            try (PreparedStatement s = held.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                s.setLong(1, key);
                s.execute();
            } catch (SQLException e) {
                // a broken connection: the pool discards it and the session, and its lock, end
                LOG.debug("unlocking the sequencer lock failed sqlstate={}", e.getSQLState());
            }
            try {
                held.close();
            } catch (SQLException e) {
                LOG.debug("closing the sequencer lock connection failed sqlstate={}", e.getSQLState());
            }
            held = null;
        }
        if (local != null) {
            local.release();
            local = null;
        }
    }

    @Override
    public void close() {
        release();
    }
}
