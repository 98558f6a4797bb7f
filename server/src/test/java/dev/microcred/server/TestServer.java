package dev.microcred.server;

import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.accounts.Roles;
import dev.microcred.store.Issuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The server of an integration test class: port 0, the fresh database {@code jdbcUrl} ({@link TestDatabases}), a
 * data directory and key-encryption key of its own; {@link #close} stops it and drops the database. Accounts are
 * signed up through the platform with {@link #PASSWORD} and signed in through the sign-in form. Not thread-safe.
 */
final class TestServer implements AutoCloseable {
    static final String PASSWORD = "test server password 123";
    private final MicrocredServer server;
    private final String url;

    private TestServer(MicrocredServer server, String url) {
        this.server = server;
        this.url = url;
    }

    /** A server over {@code jdbcUrl}. */
    static TestServer start(String jdbcUrl) {
        return start(jdbcUrl, null);
    }

    /** A server over {@code jdbcUrl} that accepts {@code adminToken} (null: none) as a platform admin's token. */
    static TestServer start(String jdbcUrl, String adminToken) {
        try {
            return new TestServer(MicrocredServer.start(Config.defaults().withPort(0)
                    .withDataDirectory(Files.createTempDirectory("microcred-it")).withDatabaseUrl(jdbcUrl)
                    .withKeyEncryptionKey(KeyEncryptionKey.generate()).withAdminToken(adminToken)), jdbcUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            TestDatabases.drop(jdbcUrl);
            throw e;
        }
    }

    String baseUrl() {
        return server.baseUrl();
    }

    Platform platform() {
        return server.platform();
    }

    List<MicrocredServer.Route> routes() {
        return server.routes();
    }

    /**
     * Signs up {@code email} with the platform role {@code role} and signs it in.
     *
     * @param browser as for {@link WebUser#WebUser(String, boolean)}
     */
    WebUser account(String email, String displayName, String role, boolean browser) {
        platform().accounts().signUp(email, displayName, PASSWORD.toCharArray(), role);
        return WebUser.signedIn(baseUrl(), email, PASSWORD, browser);
    }

    /** Signs up {@code email} as a member of {@code issuer} with {@code membership} and signs it in. */
    WebUser member(Issuer issuer, String membership, String email, String displayName, boolean browser) {
        platform().accounts().signUp(email, displayName, PASSWORD.toCharArray(), Roles.ISSUER_ADMIN);
        platform().accounts().addMember(issuer, email, membership);
        return WebUser.signedIn(baseUrl(), email, PASSWORD, browser);
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            TestDatabases.drop(url);
        }
    }
}
