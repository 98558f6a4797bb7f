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
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The issuer's journey in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, installed by
 * {@code .ci/browser.sh}; skipped when {@code /usr/bin/chromedriver} is absent): sign in, create an achievement,
 * issue a credential and find it in the list; a visitor sees the public page say "Verified"; the issuer revokes it;
 * the public page and the verify page say revoked. A failing step leaves a screenshot in
 * {@code target/browser-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIT {
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final String PASSWORD = "browser journey password";
    MicrocredServer server;
    ChromeDriver browser;
    Path profile;
    Issuer issuer;

    @BeforeAll
    void start() throws IOException {
        assumeTrue(Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM),
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
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        profile = Files.createTempDirectory("microcred-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=1280,1600");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    void open(String path) {
        browser.get(server.baseUrl() + path);
    }

    WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
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

    /** Clicks a submit button and waits until the page it posted to has replaced this one. */
    void submit(WebElement button) {
        WebElement page = find("html");
        button.click();
        waitFor("the next page", () -> {
            try {
                page.getTagName();
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                // stale, or (Chromium, mid-navigation) "node does not belong to the document": this page is gone
            }
            try {
                return "complete".equals(((org.openqa.selenium.JavascriptExecutor) browser)
                        .executeScript("return document.readyState"));
            } catch (org.openqa.selenium.WebDriverException e) {
                return false; // the next page is still being loaded
            }
        });
    }

    /** Polls for a state the last click leads to (a form post may return before its page has loaded). */
    static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
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
            Path dir = Path.of("target", "browser-screenshots");
            Files.createDirectories(dir);
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(
                    "issuerIssuesAVisitorVerifiesTheIssuerRevokes.png"), StandardCopyOption.REPLACE_EXISTING);
            throw e;
        }
    }
}
