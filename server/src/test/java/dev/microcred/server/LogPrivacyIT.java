package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.store.OutboxMail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server's logs after a learner's whole journey (sign up, credential issued to their email, claim link, public
 * share link, a failed sign-in, a password reset by mailed link, verification) hold one structured line per request,
 * with route templates and request ids, and none of the emails, names, passwords, tokens or links that identify
 * the learner. Runs in its own JVM logging at INFO to a file (the {@code log-privacy} surefire execution); skipped
 * elsewhere.
 */
class LogPrivacyIT {
    static final String ADMIN = "admin-token-for-log-privacy-0123456789";
    static final Pattern ACCESS = Pattern.compile(
            "request method=[A-Z]+ route=(\\S+) status=\\d{3} ms=-?\\d+ requestId=([0-9a-f]{16})$");

    static {
        // SLF4J opens its log file when the first logger is made: the directory must exist before
        String file = System.getProperty("org.slf4j.simpleLogger.logFile");
        if (file != null && !file.startsWith("System.")) {
            try {
                Files.createDirectories(Path.of(file).getParent());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void aJourneyLeavesNoPersonalDataOrTokensInTheLogs() throws Exception {
        String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
        assumeTrue(logFile != null && !logFile.startsWith("System."), "not the log-privacy execution");
        Path log = Path.of(logFile);
        long before = Files.exists(log) ? Files.size(log) : 0;
        List<String> secrets = new ArrayList<>();
        String email = "Jo.Learner+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String name = "Jo Privacy Learner";
        String password = "learner password " + UUID.randomUUID();
        secrets.addAll(List.of(email, email.toLowerCase(), name, password, ADMIN));
        try (MicrocredServer server = MicrocredServer.start(Config.defaults().withPort(0)
                .withDataDirectory(Files.createTempDirectory("microcred-logs")).withDatabaseUrl(TestDatabases.h2())
                .withKeyEncryptionKey(KeyEncryptionKey.generate()).withAdminToken(ADMIN))) {
            Http http = new Http(server.baseUrl());
            Platform p = server.platform();
            Http.Response issuer = http.post("/api/issuers", ADMIN, "{\"slug\": \"logs\", \"name\": \"Log Academy\"}");
            String token = issuer.json().path("apiToken").path("token").asText();
            secrets.add(token);
            String achievement = http.post("/api/issuers/logs/achievements", token,
                    "{\"name\": \"Logs\", \"description\": \"d\", \"criteria\": \"c\"}").json().path("id").asText();

            WebUser learner = new WebUser(server.baseUrl(), false);
            learner.get("/signup");
            assertThat(learner.post("/signup", Map.of("email", email, "name", name, "password", password)).status())
                    .isEqualTo(303);
            Http.Response issued = http.post("/api/issuers/logs/credentials", token, "{\"achievementId\": \""
                    + achievement + "\", \"recipient\": {\"email\": \"" + email + "\"}}");
            assertThat(issued.status()).isEqualTo(201);
            JsonNode credential = issued.json().path("credential");
            String recipientHash = credential.path("credentialSubject").path("identifier").get(0)
                    .path("identityHash").asText();
            secrets.add(recipientHash.replace("sha256$", ""));
            List<OutboxMail> mails = p.db().read(c -> p.store().outbox().byRecipient(c, email.toLowerCase()));
            String claim = find(mails.get(0).body(), "/claim/(claim_[A-Za-z0-9_-]+)");
            secrets.add(claim);
            assertThat(learner.get("/claim/" + claim).status()).isEqualTo(200);
            assertThat(learner.post("/claim/" + claim, Map.of()).status()).isEqualTo(303);
            String id = issued.json().path("id").asText();
            assertThat(learner.post("/wallet/" + id + "/visibility", Map.of("visibility", "public")).status())
                    .isEqualTo(303);
            String share = find(learner.get("/wallet/" + id).body(), "/share/(share_[A-Za-z0-9_-]+)");
            secrets.add(share);
            assertThat(http.get("/share/" + share).status()).isEqualTo(200);
            assertThat(http.post("/api/verify", null, credential.toString()).json().path("outcome").asText())
                    .isEqualTo("valid");
            assertThat(http.get("/credentials/" + id).status()).isEqualTo(200);

            WebUser stranger = new WebUser(server.baseUrl(), false);
            stranger.get("/login");
            assertThat(stranger.post("/login", Map.of("email", email, "password", "wrong " + password)).status())
                    .isEqualTo(401);
            stranger.get("/password/forgot");
            stranger.post("/password/forgot", Map.of("email", email));
            List<OutboxMail> all = p.db().read(c -> p.store().outbox().byRecipient(c, email.toLowerCase()));
            String reset = all.stream().filter(m -> m.kind().equals("password-reset")).findFirst().map(m ->
                    find(m.body(), "/password/reset/(reset_[A-Za-z0-9_-]+)")).orElseThrow();
            secrets.add(reset);
            String newPassword = "new learner password " + UUID.randomUUID();
            secrets.add(newPassword);
            assertThat(stranger.get("/password/reset/" + reset).status()).isEqualTo(200);
            assertThat(stranger.post("/password/reset/" + reset, Map.of("password", newPassword)).status())
                    .isIn(200, 303);
            assertThat(http.get("/claim/claim_not_a_real_token").status()).isEqualTo(404);
            assertThat(http.get("/no/such/" + email).status()).isEqualTo(404);
        }
        String written = Files.readString(log, StandardCharsets.UTF_8).substring((int) before);
        List<String> access = written.lines().filter(l -> l.contains("microcred.access")).toList();
        assertThat(access).as("one line per request").hasSizeGreaterThan(15);
        for (String line : access) {
            assertThat(ACCESS.matcher(line).find()).as(line).isTrue();
        }
        assertThat(access).anyMatch(l -> l.contains("route=/claim/{token} status=200"))
                .anyMatch(l -> l.contains("route=/share/{token}"))
                .anyMatch(l -> l.contains("route=/password/reset/{token}"))
                .anyMatch(l -> l.contains("route=(unmatched) status=404"));
        for (String secret : secrets) {
            assertThat(written).as("the log holds a secret or personal datum").doesNotContainIgnoringCase(secret);
        }
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}
