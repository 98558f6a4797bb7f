package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.accounts.Roles;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.store.Issuer;
import dev.microcred.store.Membership;
import java.io.IOException;
import java.nio.file.Files;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The issuer's journey in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, installed by
 * {@code .ci/browser.sh}; skipped when {@code /usr/bin/chromedriver} is absent): sign in, create an achievement,
 * issue a credential and find it in the list; a visitor sees the public page say "Verified"; the issuer revokes it;
 * the public page and the verify page say revoked. A failing step leaves a screenshot in
 * {@code target/browser-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIT {
    static final String PASSWORD = "browser journey password";
    MicrocredServer server;
    Chromium chrome;
    ChromeDriver browser;
    Issuer issuer;

    @BeforeAll
    void start() throws IOException {
        assumeTrue(Files.isExecutable(Chromium.DRIVER) && Files.isExecutable(Chromium.BINARY),
                "/usr/bin/chromedriver or /usr/bin/chromium is absent (bash .ci/browser.sh installs them):"
                        + " browser journeys skipped");
        server = MicrocredServer.start(Config.defaults().withPort(0).withDataDirectory(
                Files.createTempDirectory("microcred-browser")).withDatabaseUrl(TestDatabases.h2())
                .withKeyEncryptionKey(KeyEncryptionKey.generate()));
        Platform p = server.platform();
        issuer = p.issuers().create(new IssuerRegistry.NewIssuer("browser-academy", "Browser Academy", null, null,
                null, "web"));
        p.accounts().signUp("issuer@browser.example", "Iris Issuer", PASSWORD.toCharArray(), Roles.ISSUER_ADMIN);
        p.accounts().addMember(issuer, "issuer@browser.example", Membership.ADMIN);
        chrome = Chromium.start(server.baseUrl());
        browser = chrome.driver;
    }

    @AfterAll
    void stop() {
        if (chrome != null) {
            chrome.close();
        }
        if (server != null) {
            server.close();
        }
    }

    void open(String path) {
        chrome.open(path);
    }

    WebElement find(String css) {
        return chrome.find(css);
    }

    void signIn() {
        open("/login");
        find("#f-email").sendKeys("issuer@browser.example");
        find("#f-password").sendKeys(PASSWORD);
        submit(find("#login button[type=submit]"));
        assertThat(find("#account-menu").getText()).isEqualTo("Iris Issuer");
    }

    void signOut() {
        submit(browser.findElement(By.xpath("//header//button[text()='Sign out']")));
        waitFor("the sign-in link after signing out", () -> !browser.findElements(By.linkText("Sign in")).isEmpty());
        assertThat(browser.findElements(By.id("account-menu"))).isEmpty();
    }

    void submit(WebElement button) {
        chrome.submit(button);
    }

    static void waitFor(String what, BooleanSupplier condition) {
        Chromium.waitFor(what, condition);
    }

    @Test
    void issuerIssuesAVisitorVerifiesTheIssuerRevokes() throws IOException {
        try {
            signIn();
            open("/console/" + issuer.slug() + "/achievements/new");
            find("#f-name").sendKeys("Data Wrangling <b>Basics</b>");
            find("#f-description").sendKeys("Cleans and reshapes tabular data.");
            find("#f-criteria").sendKeys("Pass the **practical** test. <script>alert(1)</script>");
            find("#f-eqfLevel option[value='4']").click();
            find("#f-ects").sendKeys("2");
            find("#f-workloadHours").sendKeys("50");
            find("#f-assessment").sendKeys("practical test");
            find("#f-validityDays").sendKeys("365");
            submit(find("#save"));
            assertThat(find("#achievements").getText()).contains("Data Wrangling <b>Basics</b>");

            open("/console/" + issuer.slug() + "/credentials/new");
            find("#f-recipient").sendKeys("learner@browser.example");
            submit(find("#issue"));
            String flash = find("#flash").getText();
            Matcher id = Pattern.compile("Issued credential ([0-9a-f-]{36})").matcher(flash);
            assertThat(id.find()).as(flash).isTrue();
            String credentialId = id.group(1);
            WebElement row = find("tr[data-credential='" + credentialId + "']");
            assertThat(row.getText()).contains("Data Wrangling <b>Basics</b>").contains("active");
            signOut();

            open("/credentials/" + credentialId);
            assertThat(find("#verdict").getText()).startsWith("Verified");
            assertThat(find("#criteria").getText()).contains("Pass the practical test. <script>alert(1)</script>");
            assertThat(find("#criteria strong").getText()).isEqualTo("practical");

            signIn();
            open("/console/" + issuer.slug() + "/credentials");
            row = find("tr[data-credential='" + credentialId + "']");
            row.findElement(By.name("reason")).sendKeys("issued in error");
            submit(row.findElement(By.xpath(".//button[text()='Revoke']")));
            assertThat(find("tr[data-credential='" + credentialId + "'] .state").getText())
                    .isEqualTo("revoked (issued in error)");
            open("/console/" + issuer.slug());
            assertThat(find("#total-issued").getText()).isEqualTo("1");
            assertThat(find("#issued-chart").getAttribute("aria-label")).contains("Credentials issued per week");
            signOut();

            open("/credentials/" + credentialId);
            assertThat(find("#verdict").getText()).startsWith("Revoked");
            String json = new Http(server.baseUrl()).get("/credentials/" + credentialId + "/credential.json").body();
            open("/verify");
            find("textarea[name=credential]").sendKeys(json);
            submit(find("form[action='/verify'] button[type=submit]"));
            assertThat(find("#verification").getText()).contains("Revoked: the issuer has withdrawn this credential.");
        } catch (AssertionError | RuntimeException e) {
            chrome.screenshot("issuerIssuesAVisitorVerifiesTheIssuerRevokes");
            throw e;
        }
    }
}
