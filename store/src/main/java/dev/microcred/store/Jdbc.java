package dev.microcred.store;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few JDBC moves every repository makes: bind parameters (an {@link Instant} as a {@code TIMESTAMP WITH TIME
 * ZONE} in UTC), run a statement, map rows, and turn a {@link SQLException} into a {@link MicrocredException}.
 * Stateless.
 */
final class Jdbc {
    /** SQLSTATE of a unique constraint violation, on H2 and PostgreSQL alike. */
    static final String UNIQUE_VIOLATION = "23505";

    private Jdbc() {
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        }
    }

    /**
     * Runs {@code sql} once per parameter row as one JDBC batch.
     *
     * @return the update count of each row
     */
    static int[] batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (Object[] params : rows) {
                bind(s, params);
                s.addBatch();
            }
            int[] counts = s.executeBatch();
            // PostgreSQL with reWriteBatchedInserts (Database.open) sends an INSERT batch as multi-row statements
            // and reports SUCCESS_NO_INFO per row: an INSERT row either went in or the batch threw
            boolean insert = sql.stripLeading().regionMatches(true, 0, "INSERT", 0, 6);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == java.sql.Statement.SUCCESS_NO_INFO && !insert) {
                    throw new SQLException("the driver did not report the update count of batch row " + i);
                }
            }
            return counts;
        }
    }

    static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        List<T> rows = list(c, sql, mapper, params);
        if (rows.size() > 1) {
            throw new SQLException("expected at most one row, got " + rows.size());
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static long count(Connection c, String sql, Object... params) throws SQLException {
        return one(c, sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                s.setNull(i + 1, Types.NULL);
            } else if (p instanceof Instant instant) {
                s.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else if (p instanceof byte[] bytes) {
                s.setBytes(i + 1, bytes);
            } else {
                s.setObject(i + 1, p);
            }
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (UNIQUE_VIOLATION.equals(x.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The exception callers see. Its message never quotes the driver's, which may contain the values of the row
     * (emails, names): only the SQLSTATE.
     */
    static MicrocredException wrap(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("23")) {
            return new MicrocredException(Problem.CONFLICT,
                    "the change conflicts with stored data (SQLSTATE " + state + ")", e);
        }
        if (state.startsWith("08") || state.equals("57P01") || state.startsWith("53")
                || e instanceof java.sql.SQLTransientConnectionException) {
            return new MicrocredException(Problem.UNAVAILABLE, "the database is unavailable (SQLSTATE " + state + ")", e);
        }
        if (state.equals("40001") || state.equals("40P01") || e instanceof java.sql.SQLTransactionRollbackException) {
            return new MicrocredException(Problem.UNAVAILABLE,
                    "the database aborted a concurrent transaction (SQLSTATE " + state + "): retry", e);
        }
        return new MicrocredException(Problem.IO_ERROR, "database error (SQLSTATE " + state + ")", e);
    }
}
