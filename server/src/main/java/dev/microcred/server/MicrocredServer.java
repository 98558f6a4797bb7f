package dev.microcred.server;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.api.ApiRoutes;
import dev.microcred.server.api.BulkRoutes;
import dev.microcred.server.api.VcalmRoutes;
import dev.microcred.server.bulk.BulkIssuance;
import dev.microcred.server.http.Bearer;
import dev.microcred.server.http.Problems;
import dev.microcred.server.http.RequestLog;
import dev.microcred.server.issuing.AccessTokens;
import dev.microcred.server.issuing.AchievementCatalog;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.server.issuing.KeyRing;
import dev.microcred.server.issuing.StatusRegistry;
import dev.microcred.server.issuing.Verification;
import dev.microcred.server.net.GuardedHttpFetcher;
import dev.microcred.server.net.PlatformFetcher;
import dev.microcred.server.ops.Metrics;
import dev.microcred.server.ops.OpsRoutes;
import dev.microcred.server.web.WebRoutes;
import dev.microcred.skills.graph.SkillsGraph;
import dev.microcred.store.Database;
import dev.microcred.store.Store;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running microcred server: {@link #start} opens the database (migrating it), binds the HTTP port, wires the
 * platform with {@code new} and registers every route; {@link #close} stops both. Thread-safe.
 */
public final class MicrocredServer implements AutoCloseable {
    /** Where a key-encryption key is generated when {@code MICROCRED_KEK} is not set (development only). */
    public static final String KEK_FILE = "microcred.kek";
    private static final Logger LOG = LoggerFactory.getLogger(MicrocredServer.class);

    private final Javalin app;
    private final Platform platform;
    private final Set<String> routes;

    private MicrocredServer(Javalin app, Platform platform, Set<String> routes) {
        this.app = app;
        this.platform = platform;
        this.routes = routes;
    }

    /** Starts a server with the system clock. */
    public static MicrocredServer start(Config config) {
        return start(config, Clock.systemUTC());
    }

    /** Starts a server whose notion of "now" is {@code clock} (tests). */
    public static MicrocredServer start(Config config, Clock clock) {
        return start(config, clock, true);
    }

    /**
     * Starts a server; with {@code runBulkJobs} false, bulk jobs neither resume nor run by themselves (tests step
     * them through {@code platform().bulk().step(...)}).
     */
    static MicrocredServer start(Config config, Clock clock, boolean runBulkJobs) {
        Objects.requireNonNull(config, "config");
        long started = System.nanoTime();
        try {
            Files.createDirectories(config.dataDirectory());
        } catch (IOException e) {
            throw new MicrocredException(Problem.IO_ERROR, "cannot create the data directory " + config.dataDirectory(), e);
        }
        KeyEncryptionKey kek = config.keyEncryptionKey() != null ? config.keyEncryptionKey()
                : localKek(config.dataDirectory());
        String url = config.databaseUrl() != null ? config.databaseUrl() : Database.h2FileUrl(config.dataDirectory());
        Database db = Database.open(url, clock);
        Metrics metrics = new Metrics();
        Set<String> routes = new ConcurrentSkipListSet<>();
        Javalin app;
        try {
            app = Javalin.create(c -> {
                c.showJavalinBanner = false;
                c.startupWatcherEnabled = false;
                // bulk CSV uploads are the largest bodies; every other route checks config.maxRequestBytes()
                c.http.maxRequestSize = Math.max(config.maxRequestBytes(), BulkIssuance.MAX_CSV_BYTES);
                c.router.ignoreTrailingSlashes = true;
                c.events.handlerAdded(h -> {
                    if (h.getHttpMethod().isHttpMethod()) {
                        routes.add(h.getHttpMethod().name() + " " + h.getPath());
                    }
                });
                c.requestLogger.http((ctx, ms) -> {
                    RequestLog.log(ctx, ms);
                    metrics.http(ctx.method().name(), RequestLog.route(ctx), ctx.statusCode(),
                            ms == null ? 0 : ms / 1000.0);
                });
            });
            Problems.register(app);
            app.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
            });
            app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            db.close();
            throw new MicrocredException(Problem.UNAVAILABLE, "cannot start the HTTP server on " + config.host() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
        String baseUrl = config.baseUrl() != null ? config.baseUrl() : "http://localhost:" + app.port();
        Platform platform = wire(config, baseUrl, clock, db, kek, metrics, runBulkJobs);
        if (config.adminToken() != null) {
            platform.tokens().registerAdmin(config.adminToken());
        }
        Bearer bearer = new Bearer(platform.tokens());
        app.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok"));
        app.get("/readyz", ctx -> {
            if (db.isReady()) {
                ctx.contentType("text/plain").result("ready");
            } else {
                throw new MicrocredException(Problem.UNAVAILABLE, "the database is not reachable");
            }
        });
        new ApiRoutes(platform, bearer).register(app);
        new VcalmRoutes(platform, bearer).register(app);
        new WebRoutes(platform).register(app);
        new BulkRoutes(platform, bearer).register(app);
        new OpsRoutes(platform).register(app);
        if (runBulkJobs) {
            platform.bulk().resumeUnfinished();
        }
        LOG.info("server started port={} db=\"{}\" ms={}", app.port(), db.product(),
                (System.nanoTime() - started) / 1_000_000);
        return new MicrocredServer(app, platform, routes);
    }

    static Platform wire(Config config, String baseUrl, Clock clock, Database db, KeyEncryptionKey kek,
                         Metrics metrics, boolean runBulkJobs) {
        Store store = Store.create();
        KeyRing keys = new KeyRing(kek);
        IssuerRegistry issuers = new IssuerRegistry(db, store, keys, baseUrl, clock);
        StatusRegistry status = new StatusRegistry(db, store, issuers, keys, clock);
        AchievementCatalog achievements = new AchievementCatalog(db, store, baseUrl, SkillsGraph::bundled, clock);
        Issuance issuance = new Issuance(db, store, issuers, status, keys, clock);
        Verification verification = new Verification(
                new PlatformFetcher(db, store, issuers, status, new GuardedHttpFetcher()), clock,
                metrics::verification);
        AccessTokens tokens = new AccessTokens(db, store, clock);
        BulkIssuance bulk = new BulkIssuance(db, store, issuance, status, achievements, clock, runBulkJobs, n -> {
            metrics.issued("bulk", n);
            metrics.bulkRows("issued", n);
        });
        return new Platform(config, baseUrl, clock, db, store, issuers, achievements, status, issuance, verification,
                tokens, metrics, bulk);
    }

    /** The key-encryption key kept in the data directory, made on first use (owner-only permissions). */
    static KeyEncryptionKey localKek(Path dataDirectory) {
        Path file = dataDirectory.resolve(KEK_FILE);
        try {
            if (Files.exists(file)) {
                return KeyEncryptionKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
            }
            KeyEncryptionKey kek = KeyEncryptionKey.generate();
            Files.writeString(file, kek.toBase64() + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            LOG.warn("generated a key-encryption key file={} (set {} in production)", file,
                    KeyEncryptionKey.ENVIRONMENT_VARIABLE);
            return kek;
        } catch (IOException e) {
            throw new MicrocredException(Problem.IO_ERROR, "cannot read or write " + file, e);
        }
    }

    public int port() {
        return app.port();
    }

    public String baseUrl() {
        return platform.baseUrl();
    }

    public Platform platform() {
        return platform;
    }

    /** Every registered HTTP route as {@code "METHOD /path/{param}"}, sorted. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    /** Stops the HTTP server and the bulk jobs (the batch in progress finishes), then closes the database. */
    @Override
    public void close() {
        try {
            app.stop();
            platform.bulk().close();
        } finally {
            platform.db().close();
        }
    }
}
