package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.accounts.Roles;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.store.Issuer;
import dev.microcred.store.Membership;
import dev.microcred.store.StoredAchievement;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Three more journeys in headless Chromium against a real server: (a) an issuer renews a credential from the console
 * and the public pages link the renewal and the renewed credential both ways (and the learner's wallet too); (b) an
 * issuer uploads a PNG as an achievement's image and the public page of a credential issued afterwards shows it,
 * loaded by the browser; (c) a learner clicks the wallet's VC-JWT download, and the downloaded file, pasted on the
 * {@code /verify} page, passes every check, the transparency log one included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalletJwtBrowserIT {
    static final String PASSWORD = "browser jwt password 123";
    static final String STAFF = "staff@jwt-journey.example";
    static final Pattern RENEWED = Pattern.compile("Renewed: issued credential ([0-9a-f-]{36})");

    MicrocredServer server;
    Platform p;
    Chromium chromium;
    Issuer issuer;
    StoredAchievement achievement;
    Path files;

    @BeforeAll
    void start() throws IOException {
        files = Files.createTempDirectory("microcred-jwt-journeys");
        server = MicrocredServer.start(Config.defaults().withPort(0).withDataDirectory(files.resolve("data"))
                .withDatabaseUrl(TestDatabases.h2()).withKeyEncryptionKey(KeyEncryptionKey.generate()));
        p = server.platform();
        issuer = p.issuers().create(new IssuerRegistry.NewIssuer("jwt-journey", "JWT Journey Academy", null, null,
                null, "web"));
        achievement = p.achievements().create(issuer, Json.parseObject("""
                {"name": "Portable Proof", "description": "Carries credentials between wallets.",
                 "criteria": "Moved one.", "validityDays": 365}
                """));
        p.accounts().signUp(STAFF, "Sam Staff", PASSWORD.toCharArray(), Roles.ISSUER_ADMIN);
        p.accounts().addMember(issuer, STAFF, Membership.STAFF);
        chromium = Chromium.start(server.baseUrl());
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    String learner() {
        String email = "l-" + UUID.randomUUID().toString().substring(0, 8) + "@jwt-journey.example";
        p.accounts().signUp(email, "Lea Learner", PASSWORD.toCharArray(), Roles.LEARNER);
        return email;
    }

    String issueTo(String email) {
        return p.issuance().issue(issuer, achievement, new Issuance.Recipient(email, null), null, null).stored().id();
    }

    void signIn(String email) {
        chromium.driver.manage().deleteAllCookies();
        chromium.open("/login");
        chromium.find("#f-email").sendKeys(email);
        chromium.find("#f-password").sendKeys(PASSWORD);
        chromium.submit(chromium.find("#login button[type=submit]"));
        chromium.await("#account-menu");
    }

    void onFailure(String name, ThrowingRunnable steps) throws Exception {
        try {
            steps.run();
        } catch (AssertionError | RuntimeException e) {
            chromium.screenshot(name);
            throw e;
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void anIssuerRenewsFromTheConsoleAndThePagesLinkBothWays() throws Exception {
        onFailure("renewal", () -> {
            String email = learner();
            String old = issueTo(email);
            signIn(STAFF);
            chromium.open("/console/" + issuer.slug() + "/credentials");
            chromium.submit(chromium.find("tr[data-credential='" + old + "']").findElement(
                    By.xpath(".//button[text()='Renew']")));
            Matcher m = RENEWED.matcher(chromium.await("#flash").getText());
            assertThat(m.find()).as(chromium.find("#flash").getText()).isTrue();
            String renewal = m.group(1);
            assertThat(renewal).isNotEqualTo(old);

            // the renewal's public page says what it renews; following the link, the old one says superseded
            chromium.open("/credentials/" + renewal);
            assertThat(chromium.await("#renews").getText()).contains("This credential renews").contains(old);
            chromium.submit(chromium.find("#renews a"));
            assertThat(chromium.driver.getCurrentUrl()).endsWith("/credentials/" + old);
            assertThat(chromium.await("#renewed-by").getText()).contains("Superseded: renewed by").contains(renewal);
            chromium.submit(chromium.find("#renewed-by a"));
            assertThat(chromium.driver.getCurrentUrl()).endsWith("/credentials/" + renewal);

            // the learner's wallet links them too
            signIn(email);
            chromium.open("/wallet/" + old);
            chromium.submit(chromium.await(".renewed-by a"));
            assertThat(chromium.driver.getCurrentUrl()).endsWith("/wallet/" + renewal);
            assertThat(chromium.await(".renews a").getAttribute("href")).endsWith("/wallet/" + old);
        });
    }

    @Test
    void anIssuerUploadsAnAchievementImageAndTheCredentialPageShowsIt() throws Exception {
        onFailure("image", () -> {
            StoredAchievement pictured = p.achievements().create(issuer, Json.parseObject("""
                    {"name": "Pictured", "description": "Has its own image.", "criteria": "c"}
                    """));
            BufferedImage drawn = new BufferedImage(48, 40, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = drawn.createGraphics();
            g.setColor(new Color(0x2a4d9b));
            g.fillRect(0, 0, 48, 40);
            g.dispose();
            Path png = files.resolve("badge.png");
            ImageIO.write(drawn, "png", png.toFile());

            signIn(STAFF);
            chromium.open("/console/" + issuer.slug() + "/achievements/" + pictured.id() + "/edit");
            chromium.find("#image-form input[type=file]").sendKeys(png.toAbsolutePath().toString());
            chromium.submit(chromium.find("#upload-image"));
            chromium.await("#current-image");
            Chromium.waitFor("the console's preview to load", () -> naturalWidth("#current-image") == 48);

            // issued after the upload: the achievement as stored now names its image
            StoredAchievement now = p.achievements().find(issuer, pictured.id()).orElseThrow();
            String id = p.issuance().issue(issuer, now, new Issuance.Recipient(learner(), null), null, null)
                    .stored().id();
            chromium.open("/credentials/" + id);
            String src = chromium.await("#achievement-image").getAttribute("src");
            assertThat(src).contains("/issuers/" + issuer.slug() + "/achievements/" + pictured.id() + "/image?v=");
            Chromium.waitFor("the credential page's image to load", () -> naturalWidth("#achievement-image") == 48);
            assertThat(naturalHeight("#achievement-image")).isEqualTo(40);
        });
    }

    long naturalWidth(String css) {
        return ((Number) ((JavascriptExecutor) chromium.driver).executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : -1", chromium.find(css))).longValue();
    }

    long naturalHeight(String css) {
        return ((Number) ((JavascriptExecutor) chromium.driver).executeScript(
                "return arguments[0].naturalHeight", chromium.find(css))).longValue();
    }

    @Test
    void aLearnerDownloadsTheJwtAndTheVerifyPagePassesEveryCheck() throws Exception {
        onFailure("jwt", () -> {
            String email = learner();
            String id = issueTo(email);
            Path downloads = Files.createDirectories(files.resolve("downloads-" + UUID.randomUUID()));
            chromium.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                    "downloadPath", downloads.toAbsolutePath().toString()));
            signIn(email);
            chromium.open("/wallet/" + id);
            chromium.await("#jwt").click();
            Path file = downloads.resolve("credential.jwt");
            Chromium.waitFor("the download", () -> Files.exists(file) && size(file) > 0);
            String jwt = Files.readString(file, StandardCharsets.US_ASCII);
            assertThat(jwt).isEqualTo(p.issuance().jwtForms().stored(id).orElseThrow());
            assertThat(jwt.split("\\.")).hasSize(3);
            assertThat(p.sequencer().catchUp(Duration.ofSeconds(60))).isTrue();

            chromium.open("/verify");
            ((JavascriptExecutor) chromium.driver).executeScript("arguments[0].value = arguments[1]",
                    chromium.find("form[action='/verify'] textarea[name=credential]"), jwt);
            chromium.submit(chromium.find("form[action='/verify'] button[type=submit]"));
            assertThat(chromium.await("#verification .verdict").getAttribute("data-outcome")).isEqualTo("valid");
            for (String check : new String[] {"parse", "context", "schema", "proof", "issuer-key", "status",
                "validity", "tlog"}) {
                assertThat(chromium.find("li[data-check='" + check + "']").getAttribute("data-outcome"))
                        .as(check).isEqualTo("passed");
            }
            assertThat(chromium.find("li[data-check='parse']").getText()).contains("JWT");
        });
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
