package dev.ijoka.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the browser tests (*BrowserIT): Debian's {@code chromium}, driven through
 * Debian's {@code chromium-driver}, both named by path so that Selenium Manager never runs (it would try
 * to download a browser or a driver, and this machine's network is closed). The flags are the ones a
 * closed network needs: without the background-networking ones Chromium keeps trying to reach Google's
 * hosts. Each session has a fresh profile in a temporary directory, removed on close.
 *
 * <p>When Chromium or its driver is missing the tests fail (they do not skip): {@code .ci/run} installs
 * both, and a developer is told how to.
 */
final class BrowserSession implements AutoCloseable {

    /** Overridable with -Dijoka.chromium=... and -Dijoka.chromedriver=... for another installation. */
    static final Path CHROMIUM = Path.of(System.getProperty("ijoka.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("ijoka.chromedriver", "/usr/bin/chromedriver"));

    /** Where every browser test saves its screenshots; CI keeps target/ as artifacts. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    BrowserSession() {
        this(1400, 900);
    }

    BrowserSession(int width, int height) {
        requireInstalled();
        try {
            profile = Files.createTempDirectory("ijoka-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        // An alert must not be dismissed behind the test's back: the XSS test looks for one.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver d;
        try {
            d = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteProfile();
            throw e;
        }
        driver = d;
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Fails with the way to install them when Debian's chromium or chromium-driver is missing. */
    static void requireInstalled() {
        List<Path> missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(p -> !Files.isExecutable(p)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The browser tests need Debian's Chromium and its driver, and "
                    + missing + " is missing. Install them with\n"
                    + "    sudo apt-get install -y chromium chromium-driver\n"
                    + "(.ci/run does this by itself), or point -Dijoka.chromium and -Dijoka.chromedriver at another "
                    + "Chromium and its matching chromedriver. Nothing is downloaded at run time.");
        }
    }

    void open(String url) {
        driver.get(url);
    }

    /** Waits up to 20 s for a condition (the machine is shared and slow at times: no fixed sleeps). */
    <T> T await(Function<WebDriver, T> condition) {
        // Live updates replace elements under the test's feet: a stale one is looked up again on the next poll.
        return new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(25))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement awaitVisible(String css) {
        return await(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Resizes the window. */
    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Emulates the system's colour scheme ("dark" or "light") for {@code prefers-color-scheme}. */
    void colorScheme(String scheme) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia",
                java.util.Map.of("features", List.of(java.util.Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** The text the user sees on the page (the body's innerText). */
    String visibleText() {
        return (String) script("return document.body.innerText;");
    }

    boolean alertIsOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    /** The console's errors since the last call (Chromium hands each entry out once). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Saves the visible viewport as target/screenshots/{name}.png and returns its path. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
