package org.convene.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.convene.TestConfig;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.qa.QaService;
import org.convene.qa.QuestionView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asking and voting with the keyboard alone (Tab, Enter, Space, and typing), in a real browser: every control is
 * reachable in order, activates from the keyboard, and shows where focus is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
class KeyboardOnlyIT {

    private static final int MAX_TABS = 80;

    private static Chromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    AccountFixtures accounts;
    @Autowired
    QaService qa;

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

    /** Presses Tab until the focused element (inside shadow roots too) matches the test, or fails. */
    private static void tabTo(Page page, String description, String jsTest) {
        for (int i = 0; i < MAX_TABS; i++) {
            page.keyboard().press("Tab");
            boolean there = (Boolean) page.evaluate("() => { let e = document.activeElement;"
                    + " while (e && e.shadowRoot && e.shadowRoot.activeElement) { e = e.shadowRoot.activeElement; }"
                    + " const host = document.activeElement; return (" + jsTest + ")(host, e); }");
            if (there) {
                return;
            }
        }
        throw new AssertionError("Could not reach " + description + " with " + MAX_TABS + " presses of Tab");
    }

    private static boolean focusVisible(Page page) {
        return (Boolean) page.evaluate("() => { const e = document.activeElement; const s = getComputedStyle(e);"
                + " return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; }");
    }

    @Test
    void an_attendee_logs_in_asks_and_votes_with_the_keyboard_alone() {
        long session = data.liveSession();
        ConveneUser attendee = accounts.user("Kit Keyboard");
        ConveneUser other = accounts.user("Olive Other");
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(other, null, other.getAuthorities()));
        QuestionView theirs;
        try {
            theirs = qa.ask(session, "Is there a break halfway through?", false);
        } finally {
            SecurityContextHolder.clearContext();
        }

        Page page = browser.newContext().newPage();
        page.navigate("http://localhost:" + port + "/login");
        page.waitForSelector("main h1");
        tabTo(page, "the email field", "(host, e) => !!host.closest('#email')");
        page.keyboard().type(attendee.email());
        tabTo(page, "the password field", "(host, e) => !!host.closest('#password')");
        page.keyboard().type(AccountFixtures.PASSWORD);
        page.keyboard().press("Enter");
        page.waitForURL(url -> !url.contains("/login"));

        page.navigate("http://localhost:" + port + "/sessions/" + session);
        page.waitForSelector("#qa-question");
        tabTo(page, "the question field", "(host, e) => !!host.closest('#qa-question')");
        page.keyboard().type("Can I join by phone?");
        tabTo(page, "the Ask button", "(host, e) => host.tagName === 'VAADIN-BUTTON' && host.textContent.trim() === 'Ask'");
        assertThat(focusVisible(page)).as("focus is visible on the Ask button").isTrue();
        page.keyboard().press("Enter");
        page.waitForSelector(".cv-question:has-text('Can I join by phone?')");

        tabTo(page, "the up-vote button of someone else's question",
                "(host, e) => host.classList && host.classList.contains('cv-vote') && (host.getAttribute('aria-label') || '').includes('break halfway')");
        assertThat(focusVisible(page)).as("focus is visible on the up-vote button").isTrue();
        page.keyboard().press("Space");
        page.waitForSelector(".cv-question:has-text('break halfway') vaadin-button.cv-vote[aria-pressed='true']");

        assertThat(qa.snapshot(session).questions()).filteredOn(q -> q.id() == theirs.id())
                .singleElement().extracting(QuestionView::votes).isEqualTo(1);
        page.context().close();
    }
}
