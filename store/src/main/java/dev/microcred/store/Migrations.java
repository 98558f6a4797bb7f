package dev.microcred.store;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migration runner: applies numbered migrations in order, each in its own transaction together with its row in
 * {@code schema_version} (version, description, checksum, time), and refuses to start on a database whose applied
 * migrations differ from the bundled scripts (a changed checksum, an unknown newer version). On PostgreSQL a
 * transaction-scoped advisory lock keeps two nodes starting together from applying the same migration twice.
 * Immutable and thread-safe.
 */
public final class Migrations {
    /**
     * The bundled migrations, in order; a new one is added here and as a file beside this class. Numbers may skip
     * (work streams take blocks: V100 accounts and roles, V200 bulk and operations, V300 skills, V400 wallet, V500
     * transparency log, V550 transparency-log anchors, V600 career goals and employers, V720 mail and status
     * settings, V740 achievement images, V750 renewal, V810 VC-JWT downloads and mail attempts, V820 clean-ups,
     * V830 bulk issuance's cursor and claim tokens) but never repeat.
     */
    static final List<String> BUNDLED = List.of(
            "V001__accounts.sql",
            "V002__issuers.sql",
            "V003__credentials.sql",
            "V004__outbox.sql",
            "V005__bulk.sql",
            "V100__memberships_and_resets.sql",
            "V200__bulk_rows.sql",
            "V300__skills_catalogue_and_pathways.sql",
            "V400__wallet.sql",
            "V500__transparency_log.sql",
            "V510__tlog_leaf_hashes_from_entries.sql",
            "V550__tlog_anchors.sql",
            "V600__career_goals_and_talent.sql",
            "V720__mail_delivery.sql",
            "V721__achievement_status_purposes.sql",
            "V740__achievement_image.sql",
            "V750__credential_renewal.sql",
            "V810__credential_jwt.sql",
            "V811__mail_last_attempt.sql",
            "V820__pathway_parts.sql",
            "V830__bulk_row_cursor.sql",
            "V831__claim_tokens_name_their_credential.sql");
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final long ADVISORY_LOCK_KEY = 0x6d6963726f637265L; // "microcre"

    private static final String CREATE_SCHEMA_VERSION = """
            CREATE TABLE IF NOT EXISTS schema_version (
                version     INTEGER      PRIMARY KEY,
                description VARCHAR(200) NOT NULL,
                checksum    VARCHAR(64)  NOT NULL,
                applied_at  TIMESTAMP WITH TIME ZONE NOT NULL
            )
            """;
    private static final String SELECT_APPLIED = """
            SELECT version, checksum FROM schema_version ORDER BY version
            """;
    private static final String INSERT_APPLIED = """
            INSERT INTO schema_version (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)
            """;
    private static final String ADVISORY_LOCK = """
            SELECT pg_advisory_xact_lock(?)
            """;

    private final List<Migration> migrations;
    private final Clock clock;

    /** A runner over {@code migrations}, whose versions are positive and distinct (they may skip numbers). */
    public Migrations(List<Migration> migrations, Clock clock) {
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort((a, b) -> Integer.compare(a.version(), b.version()));
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).version() < 1 || i > 0 && sorted.get(i).version() == sorted.get(i - 1).version()) {
                throw new IllegalArgumentException("migration versions must be positive and distinct; found version "
                        + sorted.get(i).version() + " twice or out of range");
            }
        }
        this.migrations = List.copyOf(sorted);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The migrations bundled with this module. */
    public static Migrations bundled(Clock clock) {
        List<Migration> list = new ArrayList<>();
        for (String name : BUNDLED) {
            try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + name)) {
                if (in == null) {
                    throw new MicrocredException(Problem.IO_ERROR, "bundled migration " + name + " is missing");
                }
                list.add(Migration.of(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new MicrocredException(Problem.IO_ERROR, "cannot read bundled migration " + name, e);
            }
        }
        return new Migrations(list, clock);
    }

    public List<Migration> migrations() {
        return migrations;
    }

    /**
     * Brings the database up to date.
     *
     * @return how many migrations were applied now
     * @throws MicrocredException {@code CONFLICT} when an applied migration's checksum differs from the bundled
     *     script, or the database holds a version this build does not know
     */
    public int migrate(Transactions transactions) {
        transactions.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(CREATE_SCHEMA_VERSION);
            }
            return null;
        });
        int applied = 0;
        for (Migration m : migrations) {
            boolean ran = transactions.inTransaction(c -> apply(c, m));
            if (ran) {
                applied++;
                LOG.info("migration applied version={} description=\"{}\"", m.version(), m.description());
            }
        }
        return applied;
    }

    private boolean apply(Connection c, Migration m) throws SQLException {
        if (isPostgres(c)) {
            Jdbc.one(c, ADVISORY_LOCK, rs -> rs.getObject(1), ADVISORY_LOCK_KEY);
        }
        Map<Integer, String> applied = applied(c);
        verify(applied);
        if (applied.containsKey(m.version())) {
            return false;
        }
        try (Statement s = c.createStatement()) {
            for (String sql : m.statements()) {
                s.execute(sql);
            }
        }
        Jdbc.update(c, INSERT_APPLIED, m.version(), m.description(), m.checksum(), clock.instant());
        return true;
    }

    private void verify(Map<Integer, String> applied) {
        for (Map.Entry<Integer, String> e : applied.entrySet()) {
            Migration m = migrations.stream().filter(x -> x.version() == e.getKey()).findFirst().orElse(null);
            if (m == null) {
                throw new MicrocredException(Problem.CONFLICT, "the database has migration " + e.getKey()
                        + " applied, which this build does not know: upgrade microcred");
            }
            if (!m.checksum().equals(e.getValue())) {
                throw new MicrocredException(Problem.CONFLICT, "migration " + m.version() + " (" + m.description()
                        + ") was changed after it was applied: checksum " + e.getValue() + " in the database, "
                        + m.checksum() + " bundled");
            }
        }
    }

    /** The applied versions and their checksums. */
    public Map<Integer, String> applied(Transactions transactions) {
        return transactions.read(Migrations::applied);
    }

    private static Map<Integer, String> applied(Connection c) throws SQLException {
        Map<Integer, String> out = new TreeMap<>();
        Jdbc.list(c, SELECT_APPLIED, rs -> out.put(rs.getInt(1), rs.getString(2)));
        return out;
    }

    static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }
}
