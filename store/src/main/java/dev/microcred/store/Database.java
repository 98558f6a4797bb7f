package dev.microcred.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The database: a HikariCP pool over a JDBC URL (H2 or PostgreSQL), migrated to the bundled schema when opened.
 * Thread-safe; close it once, when the server stops.
 *
 * <p>The embedded default is an H2 file database under the data directory in PostgreSQL compatibility mode
 * ({@link #h2FileUrl}); PostgreSQL is any {@code jdbc:postgresql:} URL, credentials in the URL or its query.
 */
public final class Database implements AutoCloseable {
    /** The H2 settings that make it accept the same SQL as PostgreSQL. */
    public static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    /**
     * The embedded file database's page cache in KiB (H2's default is 16 MiB): bulk issuance writes ~2 KB documents
     * with five indexes, and a cache that holds the index pages keeps each batch from re-reading them from the file.
     */
    static final String H2_FILE_SETTINGS = ";CACHE_SIZE=65536";

    private final HikariDataSource pool;
    private final Transactions transactions;
    private final String product;

    private Database(HikariDataSource pool, String product) {
        this.pool = pool;
        this.transactions = new Transactions(pool);
        this.product = product;
    }

    /** The embedded H2 file database {@code microcred} in {@code dataDirectory}. */
    public static String h2FileUrl(Path dataDirectory) {
        return "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("microcred") + H2_MODE + H2_FILE_SETTINGS;
    }

    /** A private in-memory H2 database that lives while the pool holds a connection (tests). */
    public static String h2MemoryUrl(String name) {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + H2_MODE;
    }

    /**
     * Opens a pool over {@code jdbcUrl} and applies the bundled migrations.
     *
     * @throws MicrocredException {@code UNAVAILABLE} when the database cannot be reached, {@code CONFLICT} when its
     *     schema does not match this build's migrations
     */
    public static Database open(String jdbcUrl, Clock clock) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:postgresql:")) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "unsupported database URL: expected jdbc:h2:... or jdbc:postgresql:...");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("microcred");
        config.setMaximumPoolSize(lower.startsWith("jdbc:h2:") ? 8 : 16);
        if (lower.startsWith("jdbc:postgresql:") && !lower.contains("rewritebatchedinserts")) {
            // INSERT batches (bulk issuance, the transparency log's appends and tiles) go to the server as
            // multi-row statements: several times the rows per second of one statement per row
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new MicrocredException(Problem.UNAVAILABLE, "cannot connect to the database", e);
        }
        try {
            String product;
            try (Connection c = pool.getConnection()) {
                product = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
            }
            Database db = new Database(pool, product);
            Migrations.bundled(clock).migrate(db.transactions);
            return db;
        } catch (SQLException e) {
            pool.close();
            throw Jdbc.wrap(e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public Transactions transactions() {
        return transactions;
    }

    /** Shorthand for {@code transactions().inTransaction(work)}. */
    public <T> T inTransaction(SqlWork<T> work) {
        return transactions.inTransaction(work);
    }

    /** Shorthand for {@code transactions().read(work)}. */
    public <T> T read(SqlWork<T> work) {
        return transactions.read(work);
    }

    /** Whether a connection can be had and answers {@code SELECT 1} (for {@code /readyz}). */
    public boolean isReady() {
        try (Connection c = pool.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT 1")) {
            return rs.next();
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The product name and version, such as {@code H2 2.3.232 (2024-08-11)} or {@code PostgreSQL 15.14}. */
    public String product() {
        return product;
    }

    public boolean isPostgres() {
        return product.toLowerCase(Locale.ROOT).contains("postgres");
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
