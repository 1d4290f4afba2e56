package org.convene.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.convene.TestConfig;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/**
 * axe-core in a real browser (Debian's Chromium, driven by Playwright; no browser download) on the main pages
 * and states: zero violations of the WCAG 2.0, 2.1 and 2.2 A and AA rules. Screenshots are kept in
 * target/screenshots at 1280 and 360 px wide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
class AccessibilityIT {

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static Chromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    AccountFixtures accounts;
    @Autowired
    DSLContext db;

    Page page;
    long sessionId;
    String slug;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
        browser = chromium.browser;
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void openPage() {
        sessionId = data.liveSession();
        slug = db.select(CONFERENCE.SLUG).from(CONFERENCE).join(PROGRAMME_SESSION)
                .on(PROGRAMME_SESSION.CONFERENCE_ID.eq(CONFERENCE.ID)).where(PROGRAMME_SESSION.ID.eq(sessionId))
                .fetchSingle().value1();
        page = browser.newPage();
    }

    @AfterEach
    void closePage() {
        page.close();
    }

    private void open(String path) {
        page.navigate("http://localhost:" + port + "/" + path);
        page.waitForSelector("main h1");
    }

    private void audit(String state) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
        List<Rule> violations = results.getViolations().stream().filter(v -> !knownUpstream(v)).toList();
        String report = violations.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(violations).as("axe violations on %s:%n%s", state, report).isEmpty();
        screenshot(state);
    }

    /**
     * The one finding we accept, because it is inside a Vaadin web component's shadow DOM and not ours to fix:
     * vaadin-tabs wraps its slotted tabs in a scroll container (div#scroll tabindex=-1) inside role="tablist", so
     * axe reports "children which are not allowed: div[tabindex]". The tabs themselves are still audited; any
     * other node or rule fails the build.
     */
    private static boolean knownUpstream(Rule violation) {
        return "aria-required-children".equals(violation.getId())
                && violation.getNodes().stream().allMatch(node -> String.valueOf(node.getTarget()).contains("vaadin-tabs")
                && String.valueOf(node.getAny()).contains("children which are not allowed: div[tabindex]"));
    }

    private void screenshot(String state) {
        String name = state.replaceAll("[^a-z0-9]+", "-");
        for (int width : new int[]{1280, 360}) {
            page.setViewportSize(width, 900);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Paths.get("target", "screenshots", name + "-" + width + ".png")));
        }
        page.setViewportSize(1280, 900);
    }

    private void logIn(ConveneUser user) {
        page.close();
        page = chromium.signedIn(port, user);
        page.waitForSelector("main h1");
    }

    @Test
    void public_pages_have_no_wcag_violations() {
        open("");
        audit("home");
        open("conferences/" + slug);
        audit("timetable");
        page.click("vaadin-details-summary:has-text('Filter sessions')");
        page.waitForSelector("vaadin-details[opened]");
        audit("timetable with filters open");
        open("sessions/" + sessionId);
        audit("session page with questions");
        open("sessions/" + sessionId + "/stage");
        audit("stage view");
    }

    @Test
    void log_in_and_sign_up_have_no_wcag_violations_including_their_error_summaries() {
        open("login");
        audit("log in");
        page.click("vaadin-button:has-text('Log in')");
        page.waitForSelector(".cv-error-summary a");
        audit("log in with errors");
        open("signup");
        audit("sign up");
    }

    @Test
    void signed_in_pages_have_no_wcag_violations() {
        logIn(accounts.user("Axe Auditor"));
        open("agenda");
        audit("my agenda");
        open("account");
        audit("account");
        open("sessions/" + sessionId);
        audit("session page signed in");
    }

    @Test
    void organiser_pages_have_no_wcag_violations() {
        logIn(accounts.user("Axe Organiser", org.convene.core.security.Role.ORGANISER));
        open("admin/users");
        audit("people and roles");
        open("sessions/" + sessionId + "/moderate");
        audit("moderation");
        open("reports");
        audit("reports index");
        open("reports/" + slug);
        audit("conference report");
        open("reports/sessions/" + sessionId);
        audit("session report");
    }
}
