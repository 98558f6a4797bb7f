package dev.microcred.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.crypto.SelfSignedCertificate;
import dev.microcred.server.Config;
import dev.microcred.server.Demo;
import dev.microcred.server.MicrocredServer;
import dev.microcred.server.anchoring.AnchoringConfig;
import dev.microcred.server.tlog.TlogSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code microcred serve}: the platform's HTTP server, on the embedded H2 database by default. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run the microcred server (embedded database by default).",
        description = {"Serves the JSON API, VCALM, issuer DID documents, status lists and the public credential and",
            "verify pages. Data (the embedded H2 database, the generated key-encryption key) lives in --data.",
            "Flags override the environment: MICROCRED_PORT, MICROCRED_HOST, MICROCRED_DATA, MICROCRED_DB_URL,",
            "MICROCRED_BASE_URL, MICROCRED_KEK, MICROCRED_ADMIN_TOKEN, MICROCRED_TLOG_WITNESSES ('<url> <vkey>', comma",
            "separated), MICROCRED_TLOG_QUORUM (default: all witnesses), MICROCRED_HTTPS, MICROCRED_HTTPS_ANY_HOST,",
            "MICROCRED_SMTP_HOST/_PORT/_SECURITY/_USER/_PASSWORD/_FROM, and for anchoring checkpoints on an EVM chain",
            "MICROCRED_ANCHOR_RPC_URL, _CHAIN, _KEY_FILE (+ _KEY_PASSPHRASE) or _KEY, _INTERVAL, _MAX_FEE_GWEI.",
            "Stops on Ctrl-C."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:stopped", "2:could not start (one-line reason)"})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--demo", description = "load demo issuers, achievements, learners and credentials, and write "
            + "demo.json (base URL, logins, per-issuer slug, DID and VCALM API token) into the data directory")
    boolean demo;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default 8080; 0 picks a free one)")
    Integer port;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default ./data)")
    Path data;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "a PostgreSQL JDBC URL, e.g. jdbc:postgresql://localhost/microcred?user=u&password=p")
    String dbUrl;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "address to listen on (default 127.0.0.1)")
    String host;

    @Option(names = "--base-url", paramLabel = "URL", description = "the public URL, when behind a proxy")
    String baseUrl;

    @Option(names = "--tlog-witness", paramLabel = "'URL VKEY'",
            description = "a witness of the transparency log: its submission prefix and cosignature verifier key "
                    + "(repeatable; replaces MICROCRED_TLOG_WITNESSES)")
    java.util.List<String> witnesses;

    @Option(names = "--tlog-quorum", paramLabel = "N",
            description = "how many witnesses must cosign a checkpoint before it is published (default: all)")
    Integer quorum;

    @Option(names = "--https", description = "serve TLS on loopback with a self-signed certificate kept in DIR/tls "
            + "(for local wallets and conformance suites); prints its SHA-256 fingerprint")
    boolean https;

    @Option(names = "--https-any-host", description = "allow --https on a --host that is not loopback (clients must "
            + "pin the certificate, which names only localhost, 127.0.0.1 and ::1)")
    boolean httpsAnyHost;
    @Option(names = "--anchor-rpc", paramLabel = "URL",
            description = "anchor checkpoints through this EVM JSON-RPC URL (MICROCRED_ANCHOR_RPC_URL)")
    String anchorRpc;

    @Option(names = "--anchor-chain", paramLabel = "eip155:N", description = "the chain (MICROCRED_ANCHOR_CHAIN)")
    String anchorChain;

    @Option(names = "--anchor-key-file", paramLabel = "FILE", description = "the anchoring account's key: 64 hex"
            + " digits or an Ethereum key file (MICROCRED_ANCHOR_KEY_FILE)")
    String anchorKeyFile;

    @Option(names = "--anchor-interval", paramLabel = "DURATION", description = "how often: e.g. 24h (the"
            + " default), 7d, or 0 for on demand only (MICROCRED_ANCHOR_INTERVAL)")
    String anchorInterval;

    @Override
    public Integer call() throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        MicrocredServer server = start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "microcred-shutdown"));
        stopped.await();
        return ExitCode.OK;
    }

    /** Starts the server (and loads the demo), prints where it runs, and returns it running. */
    MicrocredServer start() {
        Map<String, String> env = new HashMap<>(System.getenv());
        putIfGiven(env, AnchoringConfig.RPC_URL, anchorRpc);
        putIfGiven(env, AnchoringConfig.CHAIN, anchorChain);
        putIfGiven(env, AnchoringConfig.KEY_FILE, anchorKeyFile);
        putIfGiven(env, AnchoringConfig.INTERVAL, anchorInterval);
        Config config = Config.fromEnvironment(env);
        if (port != null) {
            config = config.withPort(port);
        }
        if (data != null) {
            config = config.withDataDirectory(data);
        }
        if (dbUrl != null) {
            config = config.withDatabaseUrl(dbUrl);
        }
        if (host != null || https || httpsAnyHost) {
            // host and https together: the https check judges the host this command will listen on, whichever of
            // the two came from the environment
            boolean tls = https || config.https();
            boolean anyHost = httpsAnyHost || config.httpsAnyHost();
            config = config.withHttps(false, false);
            if (host != null) {
                config = config.withHost(host);
            }
            config = config.withHttps(tls, anyHost);
        }
        if (baseUrl != null) {
            config = config.withBaseUrl(baseUrl);
        }
        if (witnesses != null || quorum != null) {
            String list = witnesses != null ? String.join(",", witnesses) : System.getenv("MICROCRED_TLOG_WITNESSES");
            config = config.withTlog(TlogSettings.parse(list, quorum == null ? null : quorum.toString(), false));
        }
        if (demo) {
            // the demo publishes cosigned checkpoints: a local witness in this process joins the configured ones
            config = config.withTlog(config.tlog().withDemoWitness(true));
        }
        long start = System.nanoTime();
        MicrocredServer server = MicrocredServer.start(config);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("microcred is running at %s (ready in %d ms; data in %s)%n", server.baseUrl(),
                (System.nanoTime() - start) / 1_000_000, config.dataDirectory().toAbsolutePath());
        Path tlsDirectory = config.dataDirectory().resolve(MicrocredServer.TLS_DIRECTORY);
        server.certificate().ifPresent(c -> out.printf("TLS: self-signed certificate %s (SHA-256 %s, valid until %s);"
                + " trust exactly this certificate in the client%n",
                tlsDirectory.resolve(SelfSignedCertificate.CERTIFICATE_FILE).toAbsolutePath(),
                c.sha256Fingerprint(), c.notAfter()));
        if (demo) {
            Demo.Loaded loaded = Demo.load(server);
            out.println("demo data loaded; details for scripts in " + loaded.file().toAbsolutePath());
            out.println("  demo accounts (sign in at " + server.baseUrl() + "/login):");
            for (JsonNode login : loaded.content().path("logins")) {
                out.printf("    %-40s password %s  (%s)%n", login.path("email").asText(),
                        login.path("password").asText(Demo.PASSWORD), login.path("role").asText());
            }
            if (loaded.content().has("posting")) {
                out.println("  employer's job posting with ranked candidates: " + loaded.content().path("posting")
                        .asText() + "\n  a learner's career goal and plan (as ada@demo.microcred.dev): "
                        + loaded.content().path("careerGoal").asText());
            }
            for (JsonNode issuer : loaded.content().path("issuers")) {
                out.printf("  issuer %-10s %s  (API token in demo.json)%n", issuer.path("slug").asText(), issuer.path("did").asText());
            }
        }
        out.println("transparency log " + server.platform().tlog().key().origin() + ": " + server.baseUrl()
                + "/tlog/checkpoint, policy at " + server.baseUrl() + "/tlog/policy");
        if (config.anchoring() != null) {
            out.println("anchoring checkpoints: " + config.anchoring());
        }
        out.println("try: " + server.baseUrl() + "/verify   (Ctrl-C stops)");
        out.flush();
        return server;
    }

    private static void putIfGiven(Map<String, String> env, String name, String value) {
        if (value != null) {
            env.put(name, value);
        }
    }
}
