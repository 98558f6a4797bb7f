package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.accounts.Roles;
import dev.microcred.store.Outbox;
import dev.microcred.store.OutboxMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SMTP delivery against a real SMTP server in-process (GreenMail): claim and password-reset mails are sent from the
 * outbox and read back; with the server down, issuing still answers at once, the mail stays in the outbox with the
 * failure counted (no address in the record), and it goes once the server is up and the backoff has passed. Run on
 * H2 ({@link MailH2IT}) and PostgreSQL ({@link MailPostgresIT}).
 */
abstract class MailContract {
    static final String ADMIN = "admin-token-for-mail-tests-0123456789";
    static final String LOGIN = "microcred-smtp";
    static final String SMTP_PASSWORD = "smtp secret 4f1e";
    final List<AutoCloseable> open = new ArrayList<>();
    final List<String> urls = new ArrayList<>();

    abstract String jdbcUrl();

    /** A clock that tests move forward. */
    static final class MovableClock extends Clock {
        final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        void advance(Duration d) {
            offset.updateAndGet(o -> o.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        urls.forEach(TestDatabases::drop);
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    GreenMail smtpServer(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.setUser("sender@microcred.example", LOGIN, SMTP_PASSWORD);
        mail.start();
        open.add(mail::stop);
        return mail;
    }

    MicrocredServer server(int smtpPort, Clock clock) throws Exception {
        String url = jdbcUrl();
        urls.add(url);
        SmtpSettings smtp = SmtpSettings.fromEnvironment(Map.of("MICROCRED_SMTP_HOST", "127.0.0.1",
                "MICROCRED_SMTP_PORT", Integer.toString(smtpPort), "MICROCRED_SMTP_SECURITY", "none",
                "MICROCRED_SMTP_USER", LOGIN, "MICROCRED_SMTP_PASSWORD", SMTP_PASSWORD,
                "MICROCRED_SMTP_FROM", "badges@microcred.example"));
        MicrocredServer server = MicrocredServer.start(Config.defaults().withPort(0)
                .withDataDirectory(Files.createTempDirectory("microcred-mail-it")).withDatabaseUrl(url)
                .withKeyEncryptionKey(KeyEncryptionKey.generate()).withAdminToken(ADMIN).withSmtp(smtp), clock);
        open.add(server);
        return server;
    }

    /** Creates an issuer and an achievement and issues to {@code email} through the API; answers the response. */
    static JsonNode issue(Http http, String email) {
        Http.Response i = http.post("/api/issuers", ADMIN, "{\"slug\": \"mail-" + UUID.randomUUID().toString()
                .substring(0, 8) + "\", \"name\": \"Mail Academy\"}");
        String slug = i.json().path("slug").asText();
        String token = i.json().path("apiToken").path("token").asText();
        Http.Response a = http.post("/api/issuers/" + slug + "/achievements", token,
                "{\"name\": \"Mail Basics\", \"description\": \"d\", \"criteria\": \"c\"}");
        Http.Response r = http.post("/api/issuers/" + slug + "/credentials", token, "{\"achievementId\": \""
                + a.json().path("id").asText() + "\", \"recipient\": {\"email\": \"" + email + "\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static <T> T eventually(Supplier<Optional<T>> probe) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Optional<T> v = probe.get();
            if (v.isPresent()) {
                return v.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not within 10 s");
    }

    static OutboxMail mailTo(MicrocredServer server, String email) {
        Platform p = server.platform();
        List<OutboxMail> mails = p.db().read(c -> p.store().outbox().byRecipient(c, email));
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    static Outbox.Delivery delivery(MicrocredServer server, OutboxMail m) {
        Platform p = server.platform();
        return p.db().read(c -> p.store().outbox().delivery(c, m.id())).orElseThrow();
    }

    @Test
    void claimAndPasswordResetMailsAreSentBySmtpAndKeptInTheOutbox() throws Exception {
        GreenMail smtp = smtpServer(freePort());
        MicrocredServer server = server(smtp.getSmtp().getPort(), Clock.systemUTC());
        Http http = new Http(server.baseUrl());
        String learner = "learner-" + UUID.randomUUID() + "@example.org";
        JsonNode issued = issue(http, learner);

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage claim = smtp.getReceivedMessages()[0];
        assertThat(claim.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(learner);
        assertThat(claim.getFrom()[0].toString()).isEqualTo("badges@microcred.example");
        assertThat(claim.getSubject()).isEqualTo("You have earned: Mail Basics");
        String body = GreenMailUtil.getBody(claim);
        assertThat(body).contains(server.baseUrl() + "/claim/claim_", issued.path("url").asText());
        OutboxMail queued = mailTo(server, learner);
        Outbox.Delivery sent = eventually(() -> Optional.of(delivery(server, queued)).filter(d -> d.sentAt() != null));
        assertThat(sent.attempts()).isZero();

        String account = "reset-" + UUID.randomUUID() + "@example.org";
        server.platform().accounts().signUp(account, "Reset", "reset password 123".toCharArray(), Roles.LEARNER);
        WebUser visitor = new WebUser(server.baseUrl(), false);
        visitor.get("/password/forgot");
        assertThat(visitor.post("/password/forgot", Map.of("email", account)).status()).isEqualTo(200);
        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage reset = smtp.getReceivedMessages()[1];
        assertThat(reset.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(account);
        assertThat(GreenMailUtil.getBody(reset)).contains(server.baseUrl() + "/password/reset/reset_");
        assertThat(server.platform().config().toString()).doesNotContain(SMTP_PASSWORD);
    }

    @Test
    void mailThatCannotBeSentStaysInTheOutboxAndGoesOnceTheServerIsBack() throws Exception {
        int port = freePort();
        MovableClock clock = new MovableClock();
        MicrocredServer server = server(port, clock);
        Http http = new Http(server.baseUrl());
        String learner = "retry-" + UUID.randomUUID() + "@example.org";
        long started = System.nanoTime();
        JsonNode issued = issue(http, learner);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("issuing does not wait for SMTP")
                .isLessThan(Duration.ofSeconds(10));
        OutboxMail queued = mailTo(server, learner);

        Outbox.Delivery failed = eventually(() -> Optional.of(delivery(server, queued)).filter(d -> d.attempts() > 0));
        assertThat(failed.sentAt()).isNull();
        assertThat(failed.lastError()).contains("MailConnectException").doesNotContain(learner);
        assertThat(Duration.between(clock.instant(), failed.nextAttemptAt()))
                .isBetween(Duration.ofSeconds(20), Duration.ofSeconds(31));
        assertThat(server.mail().orElseThrow().deliverDue()).as("not due before the backoff").isZero();
        assertThat(failed.lastAttemptAt()).isNotNull();

        // the platform admin sees the attempts of each mail on /admin/outbox: count, last time, last error
        String admin = "admin-" + UUID.randomUUID() + "@example.org";
        server.platform().accounts().signUp(admin, "Admin", "admin password 123".toCharArray(), Roles.PLATFORM_ADMIN);
        WebUser operator = WebUser.signedIn(server.baseUrl(), admin, "admin password 123");
        String article = article(operator.get("/admin/outbox").body(), queued.id());
        assertThat(article).contains("data-attempts=\"1\"").contains("MailConnectException")
                .contains("<dd class=\"last-attempt\">" + failed.lastAttemptAt() + "</dd>")
                .contains("<dd class=\"next-attempt\">" + failed.nextAttemptAt() + "</dd>");
        JsonNode api = http.get("/api/admin/outbox", "Authorization", "Bearer " + ADMIN).json();
        JsonNode listed = java.util.stream.StreamSupport.stream(api.spliterator(), false)
                .filter(m -> m.path("id").asText().equals(queued.id())).findFirst().orElseThrow();
        assertThat(listed.path("delivery").path("attempts").asInt()).isEqualTo(1);
        assertThat(listed.path("delivery").path("lastError").asText()).contains("MailConnectException");
        assertThat(listed.path("delivery").path("lastAttemptAt").asText()).isEqualTo(failed.lastAttemptAt().toString());

        GreenMail smtp = smtpServer(port);
        assertThat(server.mail().orElseThrow().deliverDue()).as("still not due").isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
        clock.advance(Duration.ofSeconds(31));
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).contains(issued.path("url").asText());
        Outbox.Delivery delivered = eventually(() -> Optional.of(delivery(server, queued))
                .filter(d -> d.sentAt() != null));
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(delivered.lastAttemptAt()).isAfter(failed.lastAttemptAt());
        assertThat(article(operator.get("/admin/outbox").body(), queued.id())).contains("data-attempts=\"2\"")
                .contains("the last one sent it").doesNotContain("next-attempt");
        Thread.sleep(2 * dev.microcred.server.mail.MailDelivery.POLL.toMillis() + 500);
        assertThat(smtp.getReceivedMessages()).as("sent once").hasSize(1);
    }

    /** The outbox page's article of mail {@code id}. */
    static String article(String page, String id) {
        int start = page.indexOf("data-mail=\"" + id + "\"");
        assertThat(start).as("the mail on the outbox page").isNotNegative();
        return page.substring(start, page.indexOf("</article>", start));
    }
}
