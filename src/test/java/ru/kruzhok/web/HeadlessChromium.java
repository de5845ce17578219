package ru.kruzhok.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's system Chromium driven by Debian's ChromeDriver. Both paths are given explicitly so
 * Selenium Manager never tries to download a browser or a driver (the CI network is closed).
 * Every instance gets a fresh profile directory: a new profile is a new visitor of the web chat.
 */
final class HeadlessChromium {

    /** Debian's paths; overridable (-Dkruzhok.chromium=…, -Dkruzhok.chromedriver=…) for other systems. */
    static final String BROWSER = System.getProperty("kruzhok.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("kruzhok.chromedriver", "/usr/bin/chromedriver");

    /**
     * Selenium warns on every start that it has no DevTools bindings for this Chromium version; the
     * test uses only WebDriver, so the warning is noise. Held in a field so the setting is not
     * garbage-collected with the logger.
     */
    private static final java.util.logging.Logger SELENIUM = quietSelenium();

    private static java.util.logging.Logger quietSelenium() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.openqa.selenium");
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    private HeadlessChromium() {
    }

    /**
     * Fails (never skips) when the browser is missing: the web chat test is one the issue requires,
     * and .ci/run installs both packages on a clean machine.
     */
    static ChromeDriver start() {
        for (String path : new String[]{BROWSER, DRIVER}) {
            if (!new File(path).canExecute()) {
                throw new IllegalStateException(path + " is missing: the web chat test needs Debian's Chromium. "
                        + "Install it with `apt-get install -y chromium chromium-driver` (.ci/run does this on CI).");
            }
        }
        System.setProperty("webdriver.chrome.driver", DRIVER);
        Path profile;
        try {
            profile = Files.createTempDirectory("kruzhok-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        // Without the background-networking flags Chromium keeps dialing Google's hosts, which a
        // closed CI network refuses; --no-sandbox because CI runs as root.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-extensions", "--window-size=412,915",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        return new ChromeDriver(service, options);
    }
}
