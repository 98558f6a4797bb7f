package dev.microcred.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.microcred.store.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Databases for the server's integration tests: a private in-memory H2, or a fresh schema in the PostgreSQL database
 * named by {@code MICROCRED_TEST_PG_URL} (those tests are skipped when it is not set).
 */
final class TestDatabases {
    static final String PG_URL_VARIABLE = "MICROCRED_TEST_PG_URL";

    private TestDatabases() {
    }

    static String h2() {
        return Database.h2MemoryUrl("s" + UUID.randomUUID().toString().replace("-", ""));
    }

    static String postgres() {
        String base = System.getenv(PG_URL_VARIABLE);
        assumeTrue(base != null && !base.isBlank(), PG_URL_VARIABLE + " is not set: PostgreSQL variant skipped");
        String schema = "s_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(base, "CREATE SCHEMA " + schema);
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static void drop(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
            execute(System.getenv(PG_URL_VARIABLE), "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run on the test database: " + sql, e);
        }
    }
}
