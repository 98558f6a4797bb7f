package dev.microcred.server;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.crypto.SelfSignedCertificate;
import dev.microcred.server.accounts.AccountDirectory;
import dev.microcred.server.accounts.AccountRoutes;
import dev.microcred.server.accounts.LoginThrottle;
import dev.microcred.server.accounts.WebSignIn;
import dev.microcred.server.anchoring.AnchorRecorder;
import dev.microcred.server.anchoring.Anchoring;
import dev.microcred.server.anchoring.AnchoringRoutes;
import dev.microcred.server.anchoring.CheckpointSource;
import dev.microcred.server.anchoring.TransparencyLogRecorder;
import dev.microcred.server.api.ApiRoutes;
import dev.microcred.server.api.BulkRoutes;
import dev.microcred.server.console.BulkPages;
import dev.microcred.server.console.ConsoleRoutes;
import dev.microcred.server.api.VcalmRoutes;
import dev.microcred.server.bulk.BulkIssuance;
import dev.microcred.server.http.Bearer;
import dev.microcred.server.http.Problems;
import dev.microcred.server.http.RequestLog;
import dev.microcred.server.http.UploadLimits;
import dev.microcred.server.issuing.AccessTokens;
import dev.microcred.server.issuing.AchievementCatalog;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.server.issuing.KeyRing;
import dev.microcred.server.issuing.StatusRegistry;
import dev.microcred.server.issuing.Verification;
import dev.microcred.server.mail.MailDelivery;
import dev.microcred.server.mail.SmtpTransport;
import dev.microcred.server.net.GuardedHttpFetcher;
import dev.microcred.server.net.PlatformFetcher;
import dev.microcred.server.ops.Metrics;
import dev.microcred.server.ops.OpsRoutes;
import dev.microcred.server.skills.CareerApi;
import dev.microcred.server.skills.CareerPages;
import dev.microcred.server.skills.CareerServices;
import dev.microcred.server.skills.CredibilityPages;
import dev.microcred.server.skills.EmployerPages;
import dev.microcred.server.skills.MilestoneAwards;
import dev.microcred.server.skills.SkillsApi;
import dev.microcred.server.skills.SkillsPages;
import dev.microcred.server.skills.SkillsServices;
import dev.microcred.server.skills.TaxonomyLoader;
import dev.microcred.server.tlog.LogKey;
import dev.microcred.server.tlog.Sequencer;
import dev.microcred.server.tlog.TlogRoutes;
import dev.microcred.server.tlog.TlogSettings;
import dev.microcred.server.tlog.TransparencyLog;
import dev.microcred.server.wallet.WalletRoutes;
import dev.microcred.server.witness.DemoWitness;
import dev.microcred.server.web.WebRoutes;
import dev.microcred.skills.graph.SkillsGraph;
import dev.microcred.store.Database;
import dev.microcred.store.Store;
import dev.microcred.store.TlogAnchors;
import dev.microcred.store.TransparencyLogStore;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running microcred server: {@link #start} opens the database (migrating it), binds the HTTP port, wires the
 * platform with {@code new} and registers every route; {@link #close} stops both. A start that fails closes what it
 * had opened, last first. Thread-safe.
 */
public final class MicrocredServer implements AutoCloseable {
    /** Where a key-encryption key is generated when {@code MICROCRED_KEK} is not set (development only). */
    public static final String KEK_FILE = "microcred.kek";
    private static final Logger LOG = LoggerFactory.getLogger(MicrocredServer.class);

    /** The directory under the data directory where {@code --https} keeps its certificate and key. */
    public static final String TLS_DIRECTORY = "tls";

    private final Javalin app;
    private final Platform platform;
    private final List<Route> routes;
    private final DemoWitness demoWitness;
    private final SelfSignedCertificate certificate;
    private final MailDelivery mail;
    private final CareerServices career;

    private MicrocredServer(Javalin app, Platform platform, List<Route> routes, DemoWitness demoWitness,
                            SelfSignedCertificate certificate, MailDelivery mail, CareerServices career) {
        this.app = app;
        this.platform = platform;
        this.routes = routes;
        this.demoWitness = demoWitness;
        this.certificate = certificate;
        this.mail = mail;
        this.career = career;
    }

    /** A registered endpoint: its HTTP method and path template (such as {@code /console/{slug}}). */
    public record Route(String method, String path) {
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
        return start(config, clock, runBulkJobs, null, null);
    }

    /**
     * Starts a server whose anchoring (when configured) takes checkpoints from {@code checkpoints} and appends anchor
     * entries through {@code anchors} (anchoring tests with a log of their own); null for either: the platform's
     * transparency log, its published checkpoint ({@link TransparencyLog#checkpoint}) and
     * {@link TransparencyLogRecorder}, as {@link #start(Config)} wires them.
     */
    static MicrocredServer start(Config config, Clock clock, boolean runBulkJobs, CheckpointSource checkpoints,
                                 AnchorRecorder anchors) {
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
        // TLS validity is judged by clients against their own clocks: the certificate follows real time
        SelfSignedCertificate certificate = config.https()
                ? SelfSignedCertificate.loadOrCreate(config.dataDirectory().resolve(TLS_DIRECTORY), Clock.systemUTC())
                : null;
        Database db = Database.open(url, clock);
        // what start opened, last on top: closed in reverse order when a later step fails (a wrong key-encryption
        // key, a port in use), so that a failed start leaves neither the port nor the database open
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        opened.push(db);
        try {
            Metrics metrics = new Metrics();
            Javalin app;
            List<Route> routes = new CopyOnWriteArrayList<>();
            try {
                app = Javalin.create(c -> {
                    c.events.handlerAdded(h -> {
                        if (h.getHttpMethod().isHttpMethod()) {
                            routes.add(new Route(h.getHttpMethod().name(), h.getPath()));
                        }
                    });
                    c.showJavalinBanner = false;
                    c.startupWatcherEnabled = false;
                    c.http.maxRequestSize = config.maxRequestBytes();
                    // a multipart body without Content-Length is cut here (UploadLimits checks the declared length)
                    c.jetty.multipartConfig.maxTotalRequestSize(BulkIssuance.MAX_CSV_BYTES + UploadLimits.FORM_OVERHEAD,
                            io.javalin.config.SizeUnit.BYTES);
                    c.router.ignoreTrailingSlashes = true;
                    if (certificate != null) {
                        c.jetty.addConnector((server, http) -> tlsConnector(server, http, certificate, config));
                    }
                    c.requestLogger.http((ctx, ms) -> {
                        RequestLog.log(ctx, ms);
                        metrics.http(ctx.method().name(), RequestLog.route(ctx), ctx.statusCode(),
                                ms == null ? 0 : ms / 1000.0);
                    });
                });
                Problems.register(app);
                app.before(ctx -> {
                    RequestLog.assign(ctx);
                    ctx.header("X-Content-Type-Options", "nosniff");
                    ctx.header("Referrer-Policy", "no-referrer");
                });
                opened.push(app::stop);
                app.start(config.host(), config.port());
            } catch (RuntimeException e) {
                throw new MicrocredException(Problem.UNAVAILABLE, "cannot start the HTTP server on " + config.host()
                        + ":" + config.port() + ": " + e.getMessage(), e);
            }
            String baseUrl = config.baseUrl() != null ? config.baseUrl()
                    : (certificate != null ? "https" : "http") + "://localhost:" + app.port();
            KeyRing sealed = new KeyRing(kek);
            LogKey logKey = LogKey.open(db, new TransparencyLogStore(), sealed, baseUrl, clock);
            DemoWitness demoWitness = null;
            List<TlogSettings.Witness> extraWitnesses = List.of();
            if (config.tlog().demoWitness()) {
                demoWitness = DemoWitness.start(config.dataDirectory(), logKey.origin(), logKey.verifier(), sealed);
                opened.push(demoWitness);
                extraWitnesses = List.of(TlogSettings.Witness.parse(demoWitness.url() + " " + demoWitness.vkey()));
            }
            Platform platform = wire(config, baseUrl, clock, db, kek, logKey, metrics, runBulkJobs, extraWitnesses,
                    checkpoints, anchors);
            opened.push(platform.sequencer());
            opened.push(platform.anchoring());
            opened.push(platform.bulk());
            if (config.adminToken() != null) {
                platform.tokens().registerAdmin(config.adminToken());
            }
            Bearer bearer = new Bearer(platform.tokens());
            UploadLimits.register(app, config.maxRequestBytes(), BulkIssuance.MAX_CSV_BYTES);
            app.before(platform.signIn()::before);
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
            SkillsServices skills = SkillsServices.of(platform, TaxonomyLoader.shared());
            new SkillsApi(platform, bearer, skills).register(app);
            new SkillsPages(platform, skills).register(app);
            CareerServices career = CareerServices.of(platform, skills);
            new CareerApi(platform, skills, career).register(app);
            new CareerPages(skills, career).register(app);
            new EmployerPages(skills, career).register(app);
            new CredibilityPages(platform, career).register(app);
            new AccountRoutes(platform, platform.accounts(), platform.signIn()).register(app);
            new ConsoleRoutes(platform).register(app);
            new BulkPages(platform).register(app);
            new BulkRoutes(platform, bearer).register(app);
            new OpsRoutes(platform).register(app);
            new WalletRoutes(platform).register(app);
            new AnchoringRoutes(platform.anchoring(), bearer).register(app);
            new TlogRoutes(platform).register(app);
            if (runBulkJobs) {
                platform.bulk().resumeUnfinished();
                platform.sequencer().start();
                platform.anchoring().start();
            }
            // with SMTP, the outbox is the queue and the record: mail is enqueued as before, then sent from it
            MailDelivery mail = config.smtp() == null ? null : MailDelivery.start(db, platform.store(),
                    new SmtpTransport(config.smtp(), clock), clock);
            if (mail != null) {
                opened.push(mail);
                LOG.info("mail delivery by smtp settings=\"{}\"", config.smtp());
            }
            if (certificate != null) {
                LOG.info("tls self-signed certificate sha256={} notAfter={} file={}", certificate.sha256Fingerprint(),
                        certificate.notAfter(), config.dataDirectory().resolve(TLS_DIRECTORY)
                                .resolve(SelfSignedCertificate.CERTIFICATE_FILE));
            }
            LOG.info("server started port={} db=\"{}\" ms={}", app.port(), db.product(),
                    (System.nanoTime() - started) / 1_000_000);
            return new MicrocredServer(app, platform, List.copyOf(routes), demoWitness, certificate, mail, career);
        } catch (RuntimeException | Error e) {
            closeAll(opened, e);
            throw e;
        }
    }

    /** Closes {@code opened} from the top; a failure to close is added to {@code cause}, the failure of start. */
    private static void closeAll(Deque<AutoCloseable> opened, Throwable cause) {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
    }

    /** An HTTPS connector (HTTP/1.1 over TLS) on the configured host and port, serving {@code certificate}. */
    private static ServerConnector tlsConnector(Server server, HttpConfiguration http, SelfSignedCertificate certificate,
                                                Config config) {
        char[] password = UUID.randomUUID().toString().toCharArray();
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(certificate.keyStore("microcred", password));
        tls.setKeyStorePassword(new String(password));
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer());
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(config.host());
        connector.setPort(config.port());
        return connector;
    }

    static Platform wire(Config config, String baseUrl, Clock clock, Database db, KeyEncryptionKey kek, LogKey logKey,
                         Metrics metrics, boolean runBulkJobs, List<TlogSettings.Witness> demoWitnesses,
                         CheckpointSource checkpoints, AnchorRecorder anchors) {
        Store store = Store.create();
        KeyRing keys = new KeyRing(kek);
        TransparencyLogStore logStore = new TransparencyLogStore();
        TlogSettings tlogSettings = config.tlog();
        List<TlogSettings.Witness> witnesses = new ArrayList<>(tlogSettings.witnesses());
        witnesses.addAll(demoWitnesses);
        TransparencyLog log = new TransparencyLog(db, logStore, logKey, witnesses, tlogSettings.quorum(), clock);
        Sequencer sequencer = new Sequencer(db, logStore, log, clock, tlogSettings.interval());
        log.onCommitted(sequencer::trigger);
        IssuerRegistry issuers = new IssuerRegistry(db, store, keys, baseUrl, clock, log);
        StatusRegistry status = new StatusRegistry(db, store, issuers, keys, clock, log);
        AchievementCatalog achievements = new AchievementCatalog(db, store, baseUrl, SkillsGraph::bundled, clock);
        Verification verification = new Verification(
                new PlatformFetcher(db, store, issuers, status, new GuardedHttpFetcher(), baseUrl), issuers.methods(),
                clock, metrics::verification);
        Issuance issuance = new Issuance(db, store, issuers, status, keys, clock, log,
                new MilestoneAwards(db, store, verification, clock));
        AccessTokens tokens = new AccessTokens(db, store, clock);
        AccountDirectory accounts = new AccountDirectory(db, store, LoginThrottle.perAccount(clock),
                LoginThrottle.perAddress(clock), baseUrl, clock);
        WebSignIn signIn = new WebSignIn(db, store, accounts, kek.toBase64().getBytes(StandardCharsets.US_ASCII),
                baseUrl.startsWith("https://"), clock);
        BulkIssuance bulk = new BulkIssuance(db, store, issuance, status, achievements, clock, runBulkJobs, n -> {
            metrics.issued("bulk", n);
            metrics.bulkRows("issued", n);
        });
        Anchoring anchoring = new Anchoring(db, new TlogAnchors(), java.util.Optional.ofNullable(config.anchoring()),
                checkpoints != null ? checkpoints : log::checkpoint,
                anchors != null ? anchors : new TransparencyLogRecorder(log), clock);
        return new Platform(config, baseUrl, clock, db, store, issuers, achievements, status, issuance, verification,
                tokens, accounts, signIn, metrics, bulk, log, sequencer, anchoring);
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

    /** The self-signed certificate served with {@code --https}, if any. */
    public Optional<SelfSignedCertificate> certificate() {
        return Optional.ofNullable(certificate);
    }

    /** The SMTP delivery of the outbox, when SMTP is configured. */
    public Optional<MailDelivery> mail() {
        return Optional.ofNullable(mail);
    }

    public int port() {
        return app.port();
    }

    public String baseUrl() {
        return platform.baseUrl();
    }

    /** Every endpoint registered, in registration order (the authorization matrix test covers each). */
    public List<Route> routes() {
        return routes;
    }

    public Platform platform() {
        return platform;
    }

    /** The career goal and employer services (the demo and tests seed through them). */
    public CareerServices career() {
        return career;
    }

    /** Stops the HTTP server and the bulk jobs (the batch in progress finishes), then closes the database. */
    @Override
    public void close() {
        try {
            app.stop();
            platform.bulk().close();
            platform.anchoring().close();
            platform.sequencer().close();
            if (demoWitness != null) {
                demoWitness.close();
            }
            if (mail != null) {
                mail.close();
            }
        } finally {
            platform.db().close();
        }
    }
}
