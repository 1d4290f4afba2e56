package org.convene.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.convene.TestConfig;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/**
 * Vaadin under Convene's Content-Security-Policy, in a real browser: the log-in form, the home page, a live
 * session's questions (push over a WebSocket), a recording that plays as a video file from another host, and an
 * organiser's report with its chart. Any directive the browser enforces against them fails the test (the page's
 * securitypolicyviolation events and the console's "Content Security Policy" messages).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
class ContentSecurityPolicyIT {

    private static final String RECORD_VIOLATIONS = "document.addEventListener('securitypolicyviolation', e => "
            + "(window.__cspViolations = window.__cspViolations || [])"
            + ".push(e.violatedDirective + ' blocked ' + e.blockedURI));";

    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    AccountFixtures fixtures;
    @Autowired
    TestData data;
    @Autowired
    DSLContext db;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void vaadin_pages_push_video_and_the_chart_work_under_the_policy() {
        ConveneUser organiser = fixtures.user("Policy Organiser", Role.ORGANISER);
        long live = data.liveSession();
        long conference = db.select(PROGRAMME_SESSION.CONFERENCE_ID).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(live)).fetchSingle().value1();
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS);
        long recorded = data.session(conference, TestData.unique("Recorded"), yesterday, yesterday.plusSeconds(3600));
        db.update(PROGRAMME_SESSION)
                .set(PROGRAMME_SESSION.RECORDING_URL, "https://video.example.org/recorded.mp4")
                .set(PROGRAMME_SESSION.CAPTIONS_URL, "https://video.example.org/recorded.vtt")
                .set(PROGRAMME_SESSION.RECORDING_PUBLISHED_AT, Instant.now())
                .where(PROGRAMME_SESSION.ID.eq(recorded)).execute();
        String slug = db.select(CONFERENCE.SLUG).from(CONFERENCE).where(CONFERENCE.ID.eq(conference)).fetchSingle().value1();

        List<String> console = new CopyOnWriteArrayList<>();
        BrowserContext context = chromium.browser.newContext();
        context.addInitScript(RECORD_VIOLATIONS);
        context.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                console.add(message.text());
            }
        });
        Page page = context.newPage();
        List<String> violations = new CopyOnWriteArrayList<>();

        // The log-in form itself, as Chromium.signedIn fills it (form-action, the log-in page's scripts)
        page.navigate("http://localhost:" + port + "/login");
        page.fill("#email input", organiser.email());
        page.fill("#password input", AccountFixtures.PASSWORD);
        page.click("vaadin-button:has-text('Log in')");
        page.waitForURL(url -> !url.contains("/login"));

        for (String path : List.of("/", "/sessions/" + live, "/sessions/" + recorded, "/reports/" + slug)) {
            page.navigate("http://localhost:" + port + path);
            page.waitForLoadState();
            page.waitForTimeout(1500);
            Object seen = page.evaluate("() => window.__cspViolations || []");
            ((List<?>) seen).forEach(v -> violations.add(path + ": " + v));
            if (path.equals("/sessions/" + live)) {
                assertThat(page.locator("text=Questions").first().isVisible()).as("the live questions panel").isTrue();
            }
            if (path.equals("/sessions/" + recorded)) {
                assertThat(page.locator("video").count()).as("the recording's player").isEqualTo(1);
            }
        }

        assertThat(violations).isEmpty();
        assertThat(console).isEmpty();
        context.close();
    }
}
