package dev.microcred.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

/**
 * Fresh databases for integration tests: a private in-memory H2, or a fresh schema in the PostgreSQL database named
 * by {@code MICROCRED_TEST_PG_URL} (the PostgreSQL tests are skipped when it is not set).
 */
final class TestDatabases {
    static final String PG_URL_VARIABLE = "MICROCRED_TEST_PG_URL";

    private TestDatabases() {
    }

    static Database h2(Clock clock) {
        return Database.open(Database.h2MemoryUrl("t" + UUID.randomUUID().toString().replace("-", "")), clock);
    }

    /** A schema of its own in the test PostgreSQL database; dropped again by {@link #dropPostgres}. */
    static String postgresUrl() {
        String base = System.getenv(PG_URL_VARIABLE);
        assumeTrue(base != null && !base.isBlank(), PG_URL_VARIABLE + " is not set: PostgreSQL variant skipped"
                + " (set it to e.g. jdbc:postgresql://127.0.0.1:5432/microcred_test?user=microcred&password=microcred)");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema in " + PG_URL_VARIABLE, e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static void dropPostgres(String url) {
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        String base = System.getenv(PG_URL_VARIABLE);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }
}
