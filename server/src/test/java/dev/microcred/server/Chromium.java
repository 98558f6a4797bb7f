package dev.microcred.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven through {@code /usr/bin/chromedriver} for the browser journeys, with explicit waits (a
 * condition polled until a deadline, never a fixed sleep) generous enough for a loaded 2-core CI machine. Tests are
 * skipped when Chromium or its driver is absent. Not thread-safe (one browser per test class).
 */
final class Chromium implements AutoCloseable {
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path BINARY = Path.of("/usr/bin/chromium");
    /** How long a wait may take before the test fails: pages load in well under a second on an idle machine. */
    static final Duration PATIENCE = Duration.ofSeconds(45);

    final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private Chromium(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** Starts a browser for the server at {@code base}; skips the test class when Chromium is not installed. */
    static Chromium start(String base) throws IOException {
        assumeTrue(Files.isExecutable(DRIVER) && Files.isExecutable(BINARY),
                "/usr/bin/chromedriver or /usr/bin/chromium is absent (bash .ci/browser.sh installs them):"
                        + " browser journeys skipped");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        Path profile = Files.createTempDirectory("microcred-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(BINARY.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=1280,1600", "--force-device-scale-factor=1");
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE);
        return new Chromium(driver, base, profile);
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** The element, once it is on the page. */
    WebElement await(String css) {
        waitFor(css, () -> !driver.findElements(By.cssSelector(css)).isEmpty());
        return find(css);
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** Clicks a submit button (or link) and waits until the page it leads to has replaced this one and loaded. */
    void submit(WebElement button) {
        WebElement page = find("html");
        button.click();
        waitFor("the next page", () -> {
            try {
                page.getTagName();
                return false;
            } catch (WebDriverException e) {
                // stale, or (mid-navigation) "node does not belong to the document": this page is gone
            }
            try {
                return "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState"));
            } catch (WebDriverException e) {
                return false;
            }
        });
    }

    /** Polls {@code condition} until it holds; fails the test after {@link #PATIENCE}. */
    static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (WebDriverException e) {
                // the page changed under the condition (a reload): look again
            }
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

    /** Keeps a screenshot of the page in {@code target/browser-screenshots/NAME.png} (for a failed step). */
    void screenshot(String name) {
        try {
            Path dir = Path.of("target", "browser-screenshots");
            Files.createDirectories(dir);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | WebDriverException e) {
            // the original failure matters more
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (java.util.stream.Stream<Path> files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a profile left in the temporary directory is harmless
        }
    }
}
