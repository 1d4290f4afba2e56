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
import java.util.Map;

/**
 * A headless Chromium driven by Playwright with the flags this machine needs: Debian's (the chromium package) where
 * it is installed, as here and in CI; otherwise the one Playwright downloads for itself, on a machine that can reach
 * its download host, so that `mvn verify` passes on a fresh machine too.
 */
final class Chromium implements AutoCloseable {

    private static final Path DEBIAN_CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    final Browser browser;

    private Chromium() {
        boolean debian = Files.isExecutable(DEBIAN_CHROMIUM);
        playwright = debian
                // Playwright.create() would otherwise download its own browsers first, needed or not
                ? Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))
                : createDownloadingItsOwn();
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(ARGS);
        if (debian) {
            options.setExecutablePath(DEBIAN_CHROMIUM);
        }
        browser = playwright.chromium().launch(options);
    }

    private static Playwright createDownloadingItsOwn() {
        try {
            return Playwright.create();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The browser tests need Chromium. Install Debian's chromium package at "
                    + DEBIAN_CHROMIUM + " (apt-get install chromium; .ci/run does), or let Playwright download its own"
                    + " (it could not: " + e.getMessage() + ")", e);
        }
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

    /**
     * Presses Enter on the element, as a keyboard user would: once its web component is upgraded and has the focus.
     * A button not yet upgraded takes no focus, and Enter would then go nowhere (CI saw it, twice).
     */
    static void pressEnterOn(Page page, String selector) {
        page.waitForFunction("s => { const e = document.querySelector(s); return e !== null && e.matches(':defined'); }",
                selector);
        page.locator(selector).focus();
        page.waitForFunction("s => document.activeElement !== null && document.activeElement.matches(s)", selector);
        page.keyboard().press("Enter");
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
