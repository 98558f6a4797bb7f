package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.accounts.Roles;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.server.skills.TaxonomyLoader;
import dev.microcred.store.Issuer;
import dev.microcred.store.StoredAchievement;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The career journeys in headless Chromium (set up like {@link ConsoleBrowserIT}; skipped without
 * {@code /usr/bin/chromedriver}): a learner searches an occupation, sets it as their goal and sees the profile, gap
 * and plan drawn from their wallet, and their progress move when they earn a credential; an employer creates a posting
 * from an occupation, finds the discoverable learner as a pseudonymous candidate, shortlists and contacts them, the
 * learner accepts in their wallet, and only then the employer sees their name and email. A failing step leaves a
 * screenshot in {@code target/browser-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CareerBrowserIT {
    static final String PASSWORD = "career journey password";
    static final String LEARNER = "lin@browser.example";
    static final String EMPLOYER = "emma@browser.example";
    MicrocredServer server;
    Platform p;
    Chromium chrome;
    ChromeDriver browser;
    Issuer issuer;
    StoredAchievement testing;

    @BeforeAll
    void start() throws IOException {
        assumeTrue(Files.isExecutable(Chromium.DRIVER) && Files.isExecutable(Chromium.BINARY),
                "/usr/bin/chromedriver or /usr/bin/chromium is absent: browser journeys skipped");
        server = MicrocredServer.start(Config.defaults().withPort(0).withDataDirectory(
                Files.createTempDirectory("microcred-career-browser")).withDatabaseUrl(TestDatabases.h2())
                .withKeyEncryptionKey(KeyEncryptionKey.generate()));
        p = server.platform();
        TaxonomyLoader.shared().await(Duration.ofMinutes(5));
        issuer = p.issuers().create(new IssuerRegistry.NewIssuer("journey-academy", "Journey Academy", null, null,
                null, "key"));
        StoredAchievement programming = achievement("Programming Foundations", "onet:element/2.B.3.e");
        testing = achievement("Software Testing", "onet:element/2.B.3.m");
        // the plan draws on a catalogue entry for the testing achievement: it states the level it teaches
        new dev.microcred.server.skills.Catalogues(p.db(), p.store(), p.baseUrl(),
                dev.microcred.skills.graph.SkillsGraph::bundled, p.clock()).replace(issuer, Json.parse("""
                [{"id": "software-testing", "name": "Software Testing", "achievementUrl": "%s",
                  "skills": [{"id": "2.B.3.m", "level": 5}], "workloadHours": 20}]
                """.formatted(p.baseUrl() + "/issuers/" + issuer.slug() + "/achievements/" + testing.id())));
        p.accounts().signUp(LEARNER, "Lin Learner", PASSWORD.toCharArray(), Roles.LEARNER);
        p.accounts().signUp(EMPLOYER, "Emma Employer", PASSWORD.toCharArray(), Roles.VERIFIER);
        earn(programming);
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

    StoredAchievement achievement(String name, String skill) {
        return p.achievements().create(issuer, Json.parseObject("""
                {"name": "%s", "description": "d", "criteria": "c", "skills": ["%s"], "eqfLevel": 4,
                 "workloadHours": 20}
                """.formatted(name, skill)));
    }

    void earn(StoredAchievement a) {
        String id = p.issuance().issue(issuer, a, new Issuance.Recipient(LEARNER, null), null, null).stored().id();
        String account = p.db().read(c -> p.store().accounts().byEmail(c, LEARNER)).orElseThrow().id();
        p.db().inTransaction(c -> p.store().credentials().claim(c, id, account, p.clock().instant()));
    }

    void open(String path) {
        chrome.open(path);
    }

    WebElement find(String css) {
        return chrome.find(css);
    }

    void signIn(String email, String name) {
        open("/login");
        find("#f-email").sendKeys(email);
        find("#f-password").sendKeys(PASSWORD);
        submit(find("#login button[type=submit]"));
        assertThat(find("#account-menu").getText()).isEqualTo(name);
    }

    void signOut() {
        submit(browser.findElement(By.xpath("//header//button[text()='Sign out']")));
        waitFor("the sign-in link", () -> !browser.findElements(By.linkText("Sign in")).isEmpty());
    }

    void submit(WebElement button) {
        chrome.submit(button);
    }

    static void waitFor(String what, BooleanSupplier condition) {
        Chromium.waitFor(what, condition);
    }

    int closeness() {
        String label = find("svg[aria-label^='closeness']").getAttribute("aria-label");
        Matcher m = Pattern.compile("closeness (\\d+)%").matcher(label);
        assertThat(m.find()).as(label).isTrue();
        return Integer.parseInt(m.group(1));
    }

    void screenshotOnFailure(String name, Runnable journey) throws IOException {
        try {
            journey.run();
        } catch (AssertionError | RuntimeException e) {
            chrome.screenshot(name);
            throw e;
        }
    }

    @Test
    @Order(1)
    void learnerSetsAGoalAndFollowsThePlan() throws IOException {
        screenshotOnFailure("learnerSetsAGoalAndFollowsThePlan", () -> {
            signIn(LEARNER, "Lin Learner");
            open("/wallet/goal");
            assertThat(find("#no-goal").getText()).contains("No goal yet");
            find("#q").sendKeys("computer programmers");
            submit(find("#search button[type=submit]"));
            WebElement hit = find("#results li[data-occupation='onet:occupation/15-1251.00']");
            submit(hit.findElement(By.xpath(".//button[text()='Set as my goal']")));
            assertThat(find("#goal").getText()).isEqualTo("Computer Programmers");
            assertThat(find("#plan-headline").getText()).isNotBlank();
            assertThat(find("svg[aria-label^='Skills profile']").findElements(By.cssSelector("rect")))
                    .as("the profile draws a bar for the proven skill, beside its two legend keys").hasSizeGreaterThan(2);
            assertThat(find("#gap-explanation").getText()).isNotBlank();
            assertThat(find("#plan-explanation").getText()).isNotBlank();
            assertThat(browser.findElements(By.cssSelector("ol.checks li")).stream().map(WebElement::getText)
                    .anyMatch(t -> t.startsWith("Software Testing"))).as("the plan takes the testing achievement")
                    .isTrue();
            int before = closeness();

            earn(testing);
            open("/wallet/goal");
            assertThat(closeness()).as("progress as credentials are earned").isGreaterThan(before);
            assertThat(find("#plan-headline").getText()).as("the plan is on the page").isNotBlank();
            assertThat(browser.findElements(By.cssSelector("ol.checks li")).stream().map(WebElement::getText)
                    .noneMatch(t -> t.startsWith("Software Testing"))).isTrue();

            open("/wallet/employers");
            assertThat(find("#discoverable").getText()).contains("not discoverable");
            submit(browser.findElement(By.xpath("//button[text()='Become discoverable']")));
            assertThat(find("#discoverable").getText()).startsWith("You are discoverable");
            signOut();
        });
    }

    @Test
    @Order(2)
    void employerPostsMatchesShortlistsContactsAndSeesTheIdentityAfterAcceptance() throws IOException {
        screenshotOnFailure("employerPostsMatchesShortlistsContacts", () -> {
            signIn(EMPLOYER, "Emma Employer");
            open("/employer");
            find("#q").sendKeys("computer programmers");
            submit(find("#search button[type=submit]"));
            WebElement hit = find("#results li[data-occupation='onet:occupation/15-1251.00']");
            WebElement title = hit.findElement(By.name("title"));
            title.clear();
            title.sendKeys("Junior programmer");
            submit(hit.findElement(By.xpath(".//button[text()='Create a posting from this occupation']")));
            assertThat(find("#title").getText()).isEqualTo("Junior programmer");
            String posting = browser.getCurrentUrl();

            WebElement candidate = find("#candidates li.candidate");
            String pseudonym = candidate.getAttribute("data-candidate");
            assertThat(pseudonym).startsWith("candidate-");
            assertThat(find("#candidates").getText()).doesNotContain("Lin").doesNotContain(LEARNER)
                    .contains("proves");
            candidate.findElement(By.tagName("summary")).click();
            assertThat(candidate.getText()).contains("\u201cProgramming Foundations\u201d by Journey Academy (no standing"
                    + " recorded)");
            submit(candidate.findElement(By.xpath(".//button[text()='Shortlist']")));
            assertThat(find("#shortlist").getText()).contains(pseudonym);
            candidate = find("#candidates li.candidate[data-candidate='" + pseudonym + "']");
            candidate.findElement(By.name("message")).sendKeys("Would you talk to us about the junior role?");
            submit(candidate.findElement(By.xpath(".//button[text()='Ask to contact']")));
            WebElement row = find("#contacts tr[data-candidate='" + pseudonym + "']");
            assertThat(row.findElement(By.className("state")).getText()).isEqualTo("pending");
            assertThat(row.findElement(By.className("identity")).getText()).isEqualTo("hidden until they accept");
            signOut();

            signIn(LEARNER, "Lin Learner");
            open("/wallet/employers");
            WebElement request = find("#requests tbody tr");
            assertThat(request.getText()).contains("Emma Employer").contains("Junior programmer")
                    .contains("Would you talk to us about the junior role?");
            submit(request.findElement(By.xpath(".//button[text()='Accept']")));
            assertThat(find("#requests tbody tr .state").getText()).isEqualTo("accepted");
            signOut();

            signIn(EMPLOYER, "Emma Employer");
            browser.get(posting);
            row = find("#contacts tr[data-candidate='" + pseudonym + "']");
            assertThat(row.findElement(By.className("state")).getText()).isEqualTo("accepted");
            assertThat(row.findElement(By.className("identity")).getText()).isEqualTo("Lin Learner <" + LEARNER + ">");
        });
    }
}
