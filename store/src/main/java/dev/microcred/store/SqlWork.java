package dev.microcred.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A unit of database work on one connection; {@link Transactions} commits it or rolls it back.
 *
 * @param <T> what the work returns (may be null)
 */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
