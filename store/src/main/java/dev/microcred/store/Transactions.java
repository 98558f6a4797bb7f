package dev.microcred.store;

import dev.microcred.core.MicrocredException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs units of work on pooled connections: {@link #inTransaction} commits everything the work did, or nothing;
 * {@link #read} runs queries in auto-commit mode. Thread-safe.
 */
public final class Transactions {
    private final DataSource dataSource;

    public Transactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Runs {@code work} in one transaction: commits when it returns, rolls back when it throws (and rethrows, a
     * {@link SQLException} wrapped as a {@link MicrocredException}).
     */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw Jdbc.wrap(e);
        }
    }

    /** Runs read-only {@code work} in auto-commit mode. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw Jdbc.wrap(e);
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** A {@link MicrocredException} for {@code e}, without the driver's message (which may quote row values). */
    public static MicrocredException wrap(SQLException e) {
        return Jdbc.wrap(e);
    }
}
