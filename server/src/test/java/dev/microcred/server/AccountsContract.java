package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.accounts.Roles;
import dev.microcred.store.OutboxMail;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Accounts over real HTTP: sign-up, sign-in, sign-out, cookies, CSRF, the sign-in throttle, password reset through
 * the outbox (read by the platform admin's page). Run on H2 ({@link AccountsH2IT}) and PostgreSQL
 * ({@link AccountsPostgresIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccountsContract {
    static final String PASSWORD = "correct horse battery";
    MicrocredServer server;
    String url;

    abstract String jdbcUrl();

    @BeforeAll
    void start() throws Exception {
        url = jdbcUrl();
        server = MicrocredServer.start(Config.defaults().withPort(0).withDataDirectory(
                Files.createTempDirectory("microcred-accounts")).withDatabaseUrl(url)
                .withKeyEncryptionKey(KeyEncryptionKey.generate()));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (url != null) {
            TestDatabases.drop(url);
        }
    }

    static String email() {
        return "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    WebUser signUp(String email, String name) {
        WebUser u = new WebUser(server.baseUrl());
        assertThat(u.get("/signup").status()).isEqualTo(200);
        Http.Response r = u.post("/signup", Map.of("email", email, "name", name, "password", PASSWORD,
                "role", "learner"));
        assertThat(r.status()).as(r.body()).isEqualTo(303);
        return u;
    }

    @Test
    void signUpSignsInWithAHardenedCookieAndSignOutEndsTheSession() {
        String email = email();
        WebUser u = signUp(email, "Ada <script>alert(1)</script>");
        Http.Response account = u.get("/account");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body()).contains("Ada &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>")
                .contains(Roles.LEARNER);
        assertThat(account.header("Content-Security-Policy")).contains("default-src 'none'");

        WebUser again = new WebUser(server.baseUrl());
        again.get("/login");
        Http.Response login = again.post("/login", Map.of("email", email.toUpperCase(), "password", PASSWORD,
                "next", "/account"));
        assertThat(login.status()).isEqualTo(303);
        assertThat(login.header("Location")).isEqualTo("/account");
        List<String> setCookies = login.raw().headers().allValues("Set-Cookie");
        assertThat(setCookies).anySatisfy(c -> assertThat(c).startsWith("mc_session=session_").contains("HttpOnly")
                .contains("SameSite=Lax").contains("Path=/").doesNotContain("Secure"));
        again.get("/account");
        assertThat(again.post("/logout", Map.of()).status()).isEqualTo(303);
        Http.Response after = again.get("/account");
        assertThat(after.status()).isEqualTo(303);
        assertThat(after.header("Location")).isEqualTo("/login?next=%2Faccount");
        assertThat(new Http(server.baseUrl()).get("/account").status()).as("a machine client is told 401")
                .isEqualTo(401);
    }

    @Test
    void signInRefusesOffSiteRedirects() {
        String email = email();
        signUp(email, "Redirected");
        for (String next : List.of("https://evil.example/", "//evil.example", "/\\evil.example")) {
            WebUser u = new WebUser(server.baseUrl());
            u.get("/login");
            Http.Response r = u.post("/login", Map.of("email", email, "password", PASSWORD, "next", next));
            assertThat(r.header("Location")).isEqualTo("/account");
        }
    }

    @Test
    void formsWithoutTheSessionsCsrfTokenAreRefused() {
        WebUser u = signUp(email(), "Csrf");
        u.get("/account");
        assertThat(u.post("/logout", Map.of("csrf", "forged")).status()).isEqualTo(403);
        assertThat(u.post("/logout", Map.of("csrf", "")).status()).isEqualTo(403);
        assertThat(u.get("/account").status()).as("still signed in").isEqualTo(200);
        WebUser stranger = new WebUser(server.baseUrl());
        stranger.get("/login");
        String anonymousToken = stranger.csrf();
        WebUser noCookie = new WebUser(server.baseUrl());
        Http.Response r = noCookie.post("/login", Map.of("csrf", anonymousToken, "email", "x@example.org",
                "password", PASSWORD));
        assertThat(r.status()).as("another visitor's pre-session token").isEqualTo(403);
        assertThat(r.body()).contains("reload the page");
    }

    @Test
    void repeatedFailuresAreThrottledEvenWithTheRightPassword() {
        String email = email();
        signUp(email, "Throttled");
        WebUser u = new WebUser(server.baseUrl());
        u.get("/login");
        for (int i = 0; i < 5; i++) {
            Http.Response r = u.post("/login", Map.of("email", email, "password", "wrong password " + i));
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.body()).contains("wrong email or password");
        }
        Http.Response blocked = u.post("/login", Map.of("email", email, "password", PASSWORD));
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.header("Retry-After")).isNotBlank();
    }

    @Test
    void passwordResetByMailedLinkWorksOnceAndEndsOldSessions() {
        String email = email();
        WebUser old = signUp(email, "Forgetful");
        old.get("/account");
        WebUser u = new WebUser(server.baseUrl());
        u.get("/password/forgot");
        Http.Response sent = u.post("/password/forgot", Map.of("email", email));
        assertThat(sent.status()).isEqualTo(200);
        Http.Response unknown = u.post("/password/forgot", Map.of("email", "nobody-" + email));
        assertThat(unknown.body()).as("no hint whether an account exists")
                .contains("If an account has this email");

        String adminEmail = email();
        server.platform().accounts().signUp(adminEmail, "Admin", PASSWORD.toCharArray(), Roles.PLATFORM_ADMIN);
        WebUser admin = WebUser.signedIn(server.baseUrl(), adminEmail, PASSWORD);
        Http.Response outbox = admin.get("/admin/outbox");
        assertThat(outbox.status()).isEqualTo(200);
        assertThat(outbox.body()).contains(email).contains("Reset your microcred password");
        assertThat(old.get("/admin/outbox").status()).as("a learner may not read the outbox").isEqualTo(403);

        List<OutboxMail> mails = server.platform().db().read(c -> server.platform().store().outbox()
                .byRecipient(c, email));
        Matcher link = Pattern.compile(Pattern.quote(server.baseUrl()) + "(/password/reset/reset_[A-Za-z0-9_-]+)")
                .matcher(mails.get(0).body());
        assertThat(link.find()).isTrue();
        assertThat(u.get(link.group(1)).status()).isEqualTo(200);
        assertThat(u.post(link.group(1), Map.of("password", "short")).status()).isEqualTo(400);
        Http.Response done = u.post(link.group(1), Map.of("password", "a brand new passphrase"));
        assertThat(done.status()).isEqualTo(303);
        assertThat(u.get(link.group(1)).status()).as("used once").isEqualTo(404);
        assertThat(old.get("/account").status()).as("old sessions end").isEqualTo(303);
        WebUser.signedIn(server.baseUrl(), email, "a brand new passphrase");
        WebUser stale = new WebUser(server.baseUrl());
        stale.get("/login");
        assertThat(stale.post("/login", Map.of("email", email, "password", PASSWORD)).status()).isEqualTo(401);
    }

    @Test
    void signUpRefusesTakenEmailsAndWeakPasswords() {
        String email = email();
        signUp(email, "First");
        WebUser u = new WebUser(server.baseUrl());
        u.get("/signup");
        Http.Response taken = u.post("/signup", Map.of("email", email, "name", "Second", "password", PASSWORD));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("already has an account");
        Http.Response weak = u.post("/signup", Map.of("email", email(), "name", "Weak", "password", "123"));
        assertThat(weak.status()).isEqualTo(400);
        Http.Response admin = u.post("/signup", Map.of("email", email(), "name", "Sneaky", "password", PASSWORD,
                "role", Roles.PLATFORM_ADMIN));
        assertThat(admin.status()).isEqualTo(303);
        assertThat(u.get("/account").body()).contains("learner").doesNotContain(Roles.PLATFORM_ADMIN);
    }
}
