package org.convene.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Debian's Chromium, headless, driven by Playwright with the flags this machine needs; Playwright never
 * downloads a browser of its own (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 is set by failsafe and .ci/run).
 */
final class Chromium implements AutoCloseable {

    private static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");

    private final Playwright playwright;
    final Browser browser;

    private Chromium() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("Browser tests need Debian's chromium package at " + EXECUTABLE
                    + " (apt-get install chromium; .ci/run installs it)");
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    static Chromium launch() {
        return new Chromium();
    }

    /** Logs the user in through the real log-in form, in a browser context of their own. */
    Page signedIn(int port, ConveneUser user) {
        Page page = browser.newContext().newPage();
        page.navigate("http://localhost:" + port + "/login");
        page.fill("#email input", user.email());
        page.fill("#password input", AccountFixtures.PASSWORD);
        page.click("vaadin-button:has-text('Log in')");
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
