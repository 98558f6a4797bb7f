package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.accounts.Roles;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.server.issuing.StatusRegistry;
import dev.microcred.server.web.QrImages;
import dev.microcred.store.BulkJob;
import dev.microcred.store.Issuer;
import dev.microcred.store.Membership;
import dev.microcred.store.OutboxMail;
import dev.microcred.store.StoredAchievement;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * The journeys that {@link ConsoleBrowserIT} does not walk, in headless Chromium against a real server: (a) an
 * issuer uploads a CSV in the console, reads the per-row errors, starts issuing and watches the progress bar, counts
 * and ETA move live until the summary; (b) a learner follows the claim link from the mail, signs up, claims, finds
 * the credential in the wallet, imports credentials from elsewhere (an uploaded file and pasted JSON), shares one by
 * link and opens the link in a fresh session, where the page shows the credential and a QR code that decodes to the
 * link; (c) a visitor verifies the credential by uploading it on {@code /verify}, and after the issuer revokes it the
 * shared page and {@code /verify} both say revoked.
 *
 * <p>Bulk jobs do not run by themselves in this server: the test issues each batch ({@code bulk().step}) so that
 * the page is seen between the batch and the end of the job, however fast or slow the machine (a marker put in the
 * page before the batch shows that the counts changed in place, without a reload).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneysBrowserIT {
    static final String PASSWORD = "journey password 123";
    static final String LEARNER = "ada.journey@example.org";
    static final int OTHERS = 2;
    static final Path SAMPLES = Path.of(System.getProperty("microcred.shared", "../shared"), "data", "credentials",
            "dcc-vc-test-fixtures");
    MicrocredServer server;
    Platform p;
    Chromium chromium;
    Issuer issuer;
    StoredAchievement achievement;
    Path files;

    @BeforeAll
    void start() throws IOException {
        files = Files.createTempDirectory("microcred-journeys");
        server = MicrocredServer.start(Config.defaults().withPort(0).withDataDirectory(files.resolve("data"))
                .withDatabaseUrl(TestDatabases.h2()).withKeyEncryptionKey(KeyEncryptionKey.generate()),
                Clock.systemUTC(), false);
        p = server.platform();
        issuer = p.issuers().create(new IssuerRegistry.NewIssuer("journey-academy", "Journey Academy", null, null,
                null, "web"));
        achievement = p.achievements().create(issuer, Json.parseObject("""
                {"name": "Spreadsheet Modelling", "description": "Builds models in spreadsheets.",
                 "criteria": "Passed the **modelling** project.", "eqfLevel": 5}
                """));
        p.accounts().signUp("staff@journey.example", "Sam Staff", PASSWORD.toCharArray(), Roles.ISSUER_ADMIN);
        p.accounts().addMember(issuer, "staff@journey.example", Membership.STAFF);
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

    void signIn(String email) {
        chromium.open("/login");
        chromium.find("#f-email").sendKeys(email);
        chromium.find("#f-password").sendKeys(PASSWORD);
        chromium.submit(chromium.find("#login button[type=submit]"));
        chromium.await("#account-menu");
    }

    void signOut() {
        chromium.submit(chromium.driver.findElement(By.xpath("//header//button[text()='Sign out']")));
        chromium.await("header a[href='/login']");
    }

    /** The QR code in {@code figure}, from Chromium's rendering of it, decoded. */
    String qrOnScreen(WebElement figure) throws IOException {
        WebElement svg = figure.findElement(By.tagName("svg"));
        ((org.openqa.selenium.JavascriptExecutor) chromium.driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", svg);
        byte[] png = svg.getScreenshotAs(OutputType.BYTES);
        return QrImages.decode(ImageIO.read(new ByteArrayInputStream(png)));
    }

    @Test
    void issuerIssuesByCsvLearnerClaimsImportsAndSharesVisitorVerifiesUntilRevoked() throws Exception {
        try {
            String credentialId = issueByCsv();
            String shareUrl = claimImportAndShare(credentialId);
            verifyThenRevoke(credentialId, shareUrl);
        } catch (AssertionError | RuntimeException e) {
            chromium.screenshot("issuerIssuesByCsvLearnerClaimsImportsAndSharesVisitorVerifiesUntilRevoked");
            throw e;
        }
    }

    /** (a) The console's bulk page, from the upload to the summary; answers the learner's credential. */
    String issueByCsv() throws Exception {
        StringBuilder csv = new StringBuilder("email,validUntil\n").append(LEARNER).append(",2031-06-30\n")
                .append("not-an-email,\n").append("<script>alert('csv')</script>,\n");
        for (int i = 0; i < OTHERS; i++) {
            csv.append("learner").append(i).append("@journey.example,\n");
        }
        Path file = files.resolve("graduates.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        int valid = OTHERS + 1;

        signIn("staff@journey.example");
        chromium.open("/console/" + issuer.slug());
        chromium.submit(chromium.driver.findElement(By.linkText("Issue in bulk (CSV)")));
        chromium.find("#f-achievementId option[value='" + achievement.id() + "']").click();
        chromium.find("#f-file").sendKeys(file.toAbsolutePath().toString());
        chromium.submit(chromium.find("#check"));

        assertThat(chromium.await("#rows-total").getText()).isEqualTo(Integer.toString(valid + 2));
        assertThat(chromium.find("#rows-valid").getText()).isEqualTo(Integer.toString(valid));
        assertThat(chromium.find("#rows-invalid").getText()).isEqualTo("2");
        assertThat(chromium.find("#row-errors tr[data-row='2']").getText()).contains("email")
                .contains("not an email address");
        assertThat(chromium.find("#row-errors tr[data-row='3']").getText()).contains("not an email address");
        assertThat(chromium.driver.getPageSource()).doesNotContain("alert('csv')");
        String jobPage = chromium.driver.getCurrentUrl();
        String job = jobPage.substring(jobPage.lastIndexOf('/') + 1);
        assertThat(chromium.find("#start").getText()).isEqualTo("Issue " + valid + " credentials");
        chromium.submit(chromium.find("#start"));

        assertThat(chromium.await("#job-state").getText()).isEqualTo("running");
        assertThat(chromium.find("#count-issued").getText()).isEqualTo("0");
        assertThat(chromium.find("#progress-bar").getAttribute("max")).isEqualTo(Integer.toString(valid));
        ((org.openqa.selenium.JavascriptExecutor) chromium.driver).executeScript(
                "document.body.setAttribute('data-before-the-batch', 'still here')");
        assertThat(p.bulk().step(job)).as("the batch is issued; the job finishes at the next step").isTrue();
        Chromium.waitFor("the batch on the page", () -> chromium.find("#count-issued").getText()
                .equals(Integer.toString(valid)));
        assertThat(chromium.find("body").getAttribute("data-before-the-batch")).as("updated live, not reloaded")
                .isEqualTo("still here");
        assertThat(chromium.find("#progress-bar").getAttribute("value")).isEqualTo(Integer.toString(valid));
        assertThat(chromium.find("#progress-text").getText()).isEqualTo(valid + " of " + valid + " rows");
        assertThat(chromium.find("#count-pending").getText()).isEqualTo("0");
        assertThat(chromium.find("#eta").getText()).isEqualTo("finishing");
        String rate = chromium.find("#rate").getText();
        assertThat(rate).matches("[0-9.]+ per second");
        assertThat(Double.parseDouble(rate.substring(0, rate.indexOf(' ')))).as(rate).isGreaterThan(0);
        assertThat(chromium.present("#result")).isFalse();
        while (p.bulk().step(job)) {
            // the next batch
        }
        assertThat(p.bulk().job(issuer, job).state()).isEqualTo(BulkJob.DONE);
        assertThat(chromium.await("#result-verdict").getText()).isEqualTo("Done: " + valid + " issued, 0 issued"
                + " before (kept, not issued twice), 0 failed, 2 rows with errors left out.");
        assertThat(chromium.find("#count-issued").getText()).isEqualTo(Integer.toString(valid));
        WebElement first = chromium.find("#result-rows tr[data-row='1']");
        assertThat(first.getText()).contains(LEARNER).contains("issued");
        String credentialId = first.findElement(By.tagName("a")).getText();
        assertThat(credentialId).matches("[0-9a-f-]{36}");
        chromium.submit(chromium.find("#all-credentials"));
        assertThat(chromium.find("main").getText()).contains(valid + " issued");
        signOut();
        return credentialId;
    }

    /** (b) Claim from the mail, wallet, two imports, sharing; answers the share link. */
    String claimImportAndShare(String credentialId) throws Exception {
        List<OutboxMail> mails = p.db().read(c -> p.store().outbox().byRecipient(c, LEARNER));
        assertThat(mails).hasSize(1);
        Matcher link = Pattern.compile(Pattern.quote(server.baseUrl()) + "(/claim/[A-Za-z0-9_-]+)")
                .matcher(mails.get(0).body());
        assertThat(link.find()).as(mails.get(0).subject()).isTrue();
        chromium.open(link.group(1));
        assertThat(chromium.find("#title").getText()).isEqualTo("Spreadsheet Modelling");
        chromium.submit(chromium.driver.findElement(By.linkText("create an account")));
        chromium.find("#f-email").sendKeys(LEARNER);
        chromium.find("#f-name").sendKeys("Ada <b>Journey</b>");
        chromium.find("#f-password").sendKeys(PASSWORD);
        chromium.submit(chromium.find("#signup button[type=submit]"));
        chromium.submit(chromium.await("#claim button[type=submit]"));
        assertThat(chromium.driver.getCurrentUrl()).endsWith("/wallet/" + credentialId);
        assertThat(chromium.find("#status").getText()).isEqualTo("valid");
        assertThat(chromium.find("#account-menu").getText()).isEqualTo("Ada <b>Journey</b>");

        chromium.open("/wallet");
        assertThat(chromium.find("#wallet a[href='/wallet/" + credentialId + "']").getText())
                .isEqualTo("Spreadsheet Modelling");
        Path uploaded = SAMPLES.resolve("v2--dataIntegrityProof--didKey--legacyRegistry-noStatus-noExpiry-alignments"
                + ".json");
        chromium.find("#import input[type=file]").sendKeys(uploaded.toRealPath().toString());
        chromium.submit(chromium.find("#import button[type=submit]"));
        assertThat(chromium.find("#outcome").getText()).isEqualTo("valid");
        String uploadedTitle = chromium.find("#title").getText();
        chromium.open("/wallet");
        String pasted = Files.readString(SAMPLES.resolve("v2--dataIntegrityProof--didKey--legacyRegistry-noStatus-noExpiry-minimal.json"));
        chromium.find("#import textarea[name=credential]").sendKeys(pasted);
        chromium.submit(chromium.find("#import button[type=submit]"));
        assertThat(chromium.find("#outcome").getText()).isEqualTo("valid");
        String pastedTitle = chromium.find("#title").getText();
        chromium.open("/wallet");
        assertThat(chromium.find("#imports").getText()).contains(uploadedTitle).contains(pastedTitle);

        chromium.open("/wallet/" + credentialId);
        assertThat(chromium.present("#qr")).as("no QR code while private").isFalse();
        chromium.submit(chromium.driver.findElement(By.xpath("//button[text()='Share by link']")));
        String shareUrl = chromium.find("#share-link").getText();
        assertThat(shareUrl).startsWith(server.baseUrl() + "/share/");
        assertThat(qrOnScreen(chromium.find("#qr"))).isEqualTo(shareUrl);

        chromium.driver.manage().deleteAllCookies();
        chromium.driver.get(shareUrl);
        assertThat(chromium.present("#account-menu")).isFalse();
        assertThat(chromium.find("#title").getText()).isEqualTo("Spreadsheet Modelling");
        assertThat(chromium.find("#issuer").getText()).isEqualTo("Journey Academy");
        assertThat(chromium.find("#verdict").getText()).startsWith("Verified");
        assertThat(qrOnScreen(chromium.find("#qr"))).isEqualTo(shareUrl);
        return shareUrl;
    }

    /** (c) A visitor uploads the credential on /verify; after revocation the share page and /verify say so. */
    void verifyThenRevoke(String credentialId, String shareUrl) throws Exception {
        Path json = files.resolve("credential.json");
        Files.writeString(json, new Http(server.baseUrl()).get("/credentials/" + credentialId + "/credential.json")
                .body());
        chromium.open("/verify");
        chromium.find("form[action='/verify'] input[type=file]").sendKeys(json.toAbsolutePath().toString());
        chromium.submit(chromium.find("form[action='/verify'] button[type=submit]"));
        assertThat(chromium.find("#verification").getText()).contains("Verified: the credential is authentic");

        p.status().change(issuer, credentialId, StatusRegistry.Change.REVOKE, "journey ended");
        chromium.driver.get(shareUrl);
        assertThat(chromium.find("#verdict").getText()).startsWith("Revoked");
        chromium.open("/verify");
        chromium.find("form[action='/verify'] input[type=file]").sendKeys(json.toAbsolutePath().toString());
        chromium.submit(chromium.find("form[action='/verify'] button[type=submit]"));
        assertThat(chromium.find("#verification").getText()).contains("Revoked: the issuer has withdrawn this"
                + " credential.");
    }
}
