package dev.microcred.server;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.anchoring.AnchoringConfig;
import dev.microcred.server.tlog.TlogSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a server runs: where it listens, where its data lives, which database, which key-encryption key, and the
 * public base URL that credential ids, status list URLs and {@code did:web} DIDs are built from. Immutable.
 *
 * <p>{@link #fromEnvironment} reads {@code MICROCRED_PORT}, {@code MICROCRED_HOST}, {@code MICROCRED_DATA},
 * {@code MICROCRED_DB_URL}, {@code MICROCRED_KEK}, {@code MICROCRED_BASE_URL}, {@code MICROCRED_ADMIN_TOKEN},
 * {@code MICROCRED_TLOG_WITNESSES}, {@code MICROCRED_TLOG_QUORUM}, {@code MICROCRED_HTTPS},
 * {@code MICROCRED_HTTPS_ANY_HOST}, the {@code MICROCRED_SMTP_*} variables ({@link SmtpSettings#fromEnvironment})
 * and the {@code MICROCRED_ANCHOR_*} variables of {@link AnchoringConfig};
 * command-line flags override them through the {@code with...} methods.
 *
 * @param host the interface to listen on ({@code 127.0.0.1} by default)
 * @param port the port; 0 picks a free one
 * @param dataDirectory where the embedded database (and, without {@code MICROCRED_KEK}, a generated key-encryption
 *     key file) live
 * @param databaseUrl a JDBC URL, or null for the embedded H2 database in {@code dataDirectory}
 * @param keyEncryptionKey seals issuer keys at rest, or null to use (and create) {@code dataDirectory/microcred.kek}
 * @param baseUrl the public URL of the server without a trailing slash, or null for
 *     {@code http://localhost:<port>}
 * @param adminToken a platform-admin API token accepted from the environment (its hash is stored), or null
 * @param maxRequestBytes the largest request body accepted
 * @param tlog the transparency log's witnesses, quorum and sequencer interval ({@code MICROCRED_TLOG_WITNESSES},
 *     {@code MICROCRED_TLOG_QUORUM})
 * @param https serve TLS with a self-signed certificate kept in {@code dataDirectory/tls} (local wallet and
 *     conformance testing); the default base URL becomes {@code https://localhost:<port>}
 * @param httpsAnyHost allow {@code https} on a host that is not loopback (the certificate still names only
 *     localhost, 127.0.0.1 and ::1: clients must pin it)
 * @param smtp the SMTP server mail is delivered through, or null to leave mail in the outbox
 * @param anchoring how checkpoints are anchored on a chain, or null: not anchored
 */
public record Config(String host, int port, Path dataDirectory, String databaseUrl, KeyEncryptionKey keyEncryptionKey,
                     String baseUrl, String adminToken, long maxRequestBytes, TlogSettings tlog, boolean https,
                     boolean httpsAnyHost, SmtpSettings smtp, AnchoringConfig anchoring) {
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 2L << 20;

    public Config {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "port out of range: " + port);
        }
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (baseUrl != null) {
            baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            URI uri = URI.create(baseUrl);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "the base URL must be an http(s) URL: " + baseUrl);
            }
        }
        Objects.requireNonNull(tlog, "tlog");
        if (https && !httpsAnyHost && !isLoopback(host)) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "--https serves a self-signed certificate for local"
                    + " testing and listens on loopback only; " + host + " is not loopback (use --https-any-host to"
                    + " force it, or put a TLS-terminating proxy in front and set --base-url)");
        }
        if (maxRequestBytes < 1024) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "maxRequestBytes too small: " + maxRequestBytes);
        }
    }

    /** Defaults: loopback, port 8080, {@code ./data}, embedded H2, generated key-encryption key. */
    public static Config defaults() {
        return new Config("127.0.0.1", DEFAULT_PORT, Path.of("data"), null, null, null, null,
                DEFAULT_MAX_REQUEST_BYTES, TlogSettings.none(), false, false, null, null);
    }

    /** The defaults overridden by the {@code MICROCRED_*} variables of {@code env} (pass {@code System.getenv()}). */
    public static Config fromEnvironment(Map<String, String> env) {
        Config c = defaults();
        if (present(env, "MICROCRED_HOST")) {
            c = c.withHost(env.get("MICROCRED_HOST"));
        }
        if (present(env, "MICROCRED_PORT")) {
            try {
                c = c.withPort(Integer.parseInt(env.get("MICROCRED_PORT").strip()));
            } catch (NumberFormatException e) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "MICROCRED_PORT is not a number");
            }
        }
        if (present(env, "MICROCRED_DATA")) {
            c = c.withDataDirectory(Path.of(env.get("MICROCRED_DATA")));
        }
        if (present(env, "MICROCRED_DB_URL")) {
            c = c.withDatabaseUrl(env.get("MICROCRED_DB_URL"));
        }
        if (present(env, KeyEncryptionKey.ENVIRONMENT_VARIABLE)) {
            c = c.withKeyEncryptionKey(KeyEncryptionKey.fromEnvironment(env));
        }
        if (present(env, "MICROCRED_BASE_URL")) {
            c = c.withBaseUrl(env.get("MICROCRED_BASE_URL"));
        }
        if (present(env, "MICROCRED_ADMIN_TOKEN")) {
            c = c.withAdminToken(env.get("MICROCRED_ADMIN_TOKEN").strip());
        }
        if (present(env, "MICROCRED_TLOG_WITNESSES") || present(env, "MICROCRED_TLOG_QUORUM")) {
            c = c.withTlog(TlogSettings.parse(env.get("MICROCRED_TLOG_WITNESSES"), env.get("MICROCRED_TLOG_QUORUM"),
                    false));
        }
        boolean anyHost = flag(env, "MICROCRED_HTTPS_ANY_HOST");
        if (flag(env, "MICROCRED_HTTPS") || anyHost) {
            c = c.withHttps(flag(env, "MICROCRED_HTTPS"), anyHost);
        }
        c = c.withSmtp(SmtpSettings.fromEnvironment(env));
        c = c.withAnchoring(AnchoringConfig.fromEnvironment(env).orElse(null));
        return c;
    }

    private static boolean flag(Map<String, String> env, String name) {
        if (!present(env, name)) {
            return false;
        }
        String v = env.get(name).strip().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("1") || v.equals("yes")) {
            return true;
        }
        if (v.equals("false") || v.equals("0") || v.equals("no")) {
            return false;
        }
        throw new MicrocredException(Problem.INVALID_REQUEST, name + " must be true or false");
    }

    /** Whether {@code host} is {@code localhost} or a loopback address literal (127.0.0.0/8, ::1); names are not resolved. */
    public static boolean isLoopback(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        if (h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            return true;
        }
        return h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    private static boolean present(Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isBlank();
    }

    public Config withHost(String host) {
        return with(c -> c.host = host);
    }

    public Config withPort(int port) {
        return with(c -> c.port = port);
    }

    public Config withDataDirectory(Path dataDirectory) {
        return with(c -> c.dataDirectory = dataDirectory);
    }

    public Config withDatabaseUrl(String databaseUrl) {
        return with(c -> c.databaseUrl = databaseUrl);
    }

    public Config withKeyEncryptionKey(KeyEncryptionKey keyEncryptionKey) {
        return with(c -> c.keyEncryptionKey = keyEncryptionKey);
    }

    public Config withBaseUrl(String baseUrl) {
        return with(c -> c.baseUrl = baseUrl);
    }

    public Config withAdminToken(String adminToken) {
        return with(c -> c.adminToken = adminToken);
    }

    public Config withMaxRequestBytes(long maxRequestBytes) {
        return with(c -> c.maxRequestBytes = maxRequestBytes);
    }

    public Config withTlog(TlogSettings tlog) {
        return with(c -> c.tlog = tlog);
    }

    /** With TLS on ({@code https}); {@code anyHost} allows a host that is not loopback. */
    public Config withHttps(boolean https, boolean anyHost) {
        return with(c -> {
            c.https = https;
            c.httpsAnyHost = anyHost;
        });
    }

    public Config withSmtp(SmtpSettings smtp) {
        return with(c -> c.smtp = smtp);
    }

    public Config withAnchoring(AnchoringConfig anchoring) {
        return with(c -> c.anchoring = anchoring);
    }

    /** A copy of this configuration with {@code change} applied to its components (checked again). */
    private Config with(Consumer<Components> change) {
        Components c = new Components(this);
        change.accept(c);
        return c.config();
    }

    /** The components of a configuration while a {@code with...} method changes one; a new component is added here. */
    private static final class Components {
        String host;
        int port;
        Path dataDirectory;
        String databaseUrl;
        KeyEncryptionKey keyEncryptionKey;
        String baseUrl;
        String adminToken;
        long maxRequestBytes;
        TlogSettings tlog;
        boolean https;
        boolean httpsAnyHost;
        SmtpSettings smtp;
        AnchoringConfig anchoring;

        Components(Config c) {
            host = c.host;
            port = c.port;
            dataDirectory = c.dataDirectory;
            databaseUrl = c.databaseUrl;
            keyEncryptionKey = c.keyEncryptionKey;
            baseUrl = c.baseUrl;
            adminToken = c.adminToken;
            maxRequestBytes = c.maxRequestBytes;
            tlog = c.tlog;
            https = c.https;
            httpsAnyHost = c.httpsAnyHost;
            smtp = c.smtp;
            anchoring = c.anchoring;
        }

        Config config() {
            return new Config(host, port, dataDirectory, databaseUrl, keyEncryptionKey, baseUrl, adminToken,
                    maxRequestBytes, tlog, https, httpsAnyHost, smtp, anchoring);
        }
    }

    @Override
    public String toString() {
        return "Config[" + host + ":" + port + ", data=" + dataDirectory + ", db="
                + (databaseUrl == null ? "embedded" : databaseUrl.replaceAll("password=[^&;]*", "password=***"))
                + ", baseUrl=" + baseUrl + (https ? ", https" : "") + (smtp == null ? "" : ", " + smtp)
                + (anchoring == null ? "" : ", " + anchoring) + "]";
    }
}
