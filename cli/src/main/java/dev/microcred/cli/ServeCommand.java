package dev.microcred.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.server.Config;
import dev.microcred.server.Demo;
import dev.microcred.server.MicrocredServer;
import java.io.PrintWriter;
import java.nio.file.Path;
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
            "MICROCRED_BASE_URL, MICROCRED_KEK, MICROCRED_ADMIN_TOKEN. Stops on Ctrl-C."},
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
        Config config = Config.fromEnvironment(System.getenv());
        if (port != null) {
            config = config.withPort(port);
        }
        if (data != null) {
            config = config.withDataDirectory(data);
        }
        if (dbUrl != null) {
            config = config.withDatabaseUrl(dbUrl);
        }
        if (host != null) {
            config = config.withHost(host);
        }
        if (baseUrl != null) {
            config = config.withBaseUrl(baseUrl);
        }
        long start = System.nanoTime();
        MicrocredServer server = MicrocredServer.start(config);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("microcred is running at %s (ready in %d ms; data in %s)%n", server.baseUrl(),
                (System.nanoTime() - start) / 1_000_000, config.dataDirectory().toAbsolutePath());
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
        out.println("try: " + server.baseUrl() + "/verify   (Ctrl-C stops)");
        out.flush();
        return server;
    }
}
