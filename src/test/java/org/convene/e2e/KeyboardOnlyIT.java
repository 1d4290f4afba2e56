package org.convene.e2e;

import static org.convene.qa.QaResults.saved;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.convene.TestConfig;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.qa.QaModerationService;
import org.convene.qa.QaService;
import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;


import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asking, voting and moderating with the keyboard alone (Tab, Enter, Space, and typing), in a real browser: every
 * control is reachable in order, activates from the keyboard, shows where focus is, and Tab always moves on.
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
    @Autowired
    QaModerationService moderation;

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
            if (focusedMatches(page, jsTest)) {
                return;
            }
        }
        throw new AssertionError("Could not reach " + description + " with " + MAX_TABS + " presses of Tab");
    }

    /** Like {@link #tabTo}, but accepts the element that already has focus (after an action moved it there). */
    private static void focusOn(Page page, String description, String jsTest) {
        if (!focusedMatches(page, jsTest)) {
            tabTo(page, description, jsTest);
        }
    }

    /** jsTest gets the focused element in the page (a shadow host) and the innermost focused element inside it. */
    private static boolean focusedMatches(Page page, String jsTest) {
        return (Boolean) page.evaluate("() => { let e = document.activeElement;"
                + " while (e && e.shadowRoot && e.shadowRoot.activeElement) { e = e.shadowRoot.activeElement; }"
                + " const host = document.activeElement; return (" + jsTest + ")(host, e); }");
    }

    private static boolean focusVisible(Page page) {
        return (Boolean) page.evaluate("() => { const e = document.activeElement; const s = getComputedStyle(e);"
                + " return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; }");
    }

    /** A JavaScript test for {@link #tabTo}: a Vaadin button whose accessible name starts with the words given. */
    private static String button(String nameStart, String questionWords) {
        return "(host, e) => host.tagName === 'VAADIN-BUTTON' && (host.getAttribute('aria-label') || '').startsWith('"
                + nameStart + "') && host.getAttribute('aria-label').includes('" + questionWords + "')";
    }

    private Page logInWithKeys(ConveneUser user) {
        Page page = browser.newContext().newPage();
        page.navigate("http://localhost:" + port + "/login");
        page.waitForSelector("main h1");
        tabTo(page, "the email field", "(host, e) => !!host.closest('#email')");
        page.keyboard().type(user.email());
        tabTo(page, "the password field", "(host, e) => !!host.closest('#password')");
        page.keyboard().type(AccountFixtures.PASSWORD);
        page.keyboard().press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    private void as(ConveneUser user, Runnable action) {
        AccountFixtures.actAs(user);
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void an_attendee_logs_in_asks_and_votes_with_the_keyboard_alone() {
        long session = data.liveSession();
        ConveneUser attendee = accounts.user("Kit Keyboard");
        ConveneUser other = accounts.user("Olive Other");
        QuestionView[] asked = new QuestionView[1];
        as(other, () -> asked[0] = saved(qa.ask(session, "Is there a break halfway through?", false)));
        QuestionView theirs = asked[0];

        Page page = logInWithKeys(attendee);

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

        // the question whose button has focus climbs past another: the list moves it, the focus stays on it
        long mine = qa.snapshot(session).questions().stream().filter(q -> q.text().equals("Can I join by phone?"))
                .findFirst().orElseThrow().id();
        ConveneUser first = accounts.user("Vic Voter");
        ConveneUser second = accounts.user("Val Voter");
        as(first, () -> qa.vote(mine, true));
        as(second, () -> qa.vote(mine, true));
        page.waitForFunction("() => document.querySelector('li.cv-question').textContent.includes('join by phone')");
        as(first, () -> qa.vote(theirs.id(), true));
        as(second, () -> qa.vote(theirs.id(), true));
        page.waitForFunction("() => document.querySelector('li.cv-question').textContent.includes('break halfway')");
        assertThat(page.evaluate("() => document.activeElement.classList.contains('cv-vote') "
                + "&& document.activeElement.getAttribute('aria-label').includes('break halfway')"))
                .as("focus stays on the up-vote button of the question that moved").isEqualTo(true);
        page.context().close();
    }

    @Test
    void a_facilitator_approves_dismisses_answers_and_puts_a_question_on_stage_with_the_keyboard_alone() {
        long session = data.liveSession();
        ConveneUser facilitator = accounts.user("Kai Keys", Role.FACILITATOR);
        data.facilitate(session, facilitator);
        ConveneUser asker = accounts.user("Asha Asker");
        as(facilitator, () -> moderation.updateSettings(session, true, true, true));
        QuestionView[] asked = new QuestionView[3];
        as(asker, () -> {
            asked[0] = saved(qa.ask(session, "Will the slides be shared afterwards?", false));
            asked[1] = saved(qa.ask(session, "Can you say more about direct payments?", false));
            asked[2] = saved(qa.ask(session, "Buy cheap watches at my website", false));
        });

        Page page = logInWithKeys(facilitator);
        page.navigate("http://localhost:" + port + "/sessions/" + session + "/moderate");
        page.waitForSelector(".cv-mod-question");
        var status = page.locator(".cv-mod-status");

        // approve: Enter on the first question's Approve button
        tabTo(page, "Approve on the slides question", button("Approve: ", "slides"));
        assertThat(focusVisible(page)).as("focus is visible on Approve").isTrue();
        page.keyboard().press("Enter");
        page.waitForSelector(".cv-mod-status:has-text('Approved: ')");

        // dismiss the spam with a reason: Enter opens the dialog with focus in the reason, Tab then Space confirms
        tabTo(page, "Dismiss on the spam question", button("Dismiss: ", "cheap watches"));
        assertThat(focusVisible(page)).as("focus is visible on Dismiss").isTrue();
        page.keyboard().press("Enter");
        page.waitForSelector("vaadin-dialog[opened]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
        page.waitForFunction("() => !!document.activeElement && !!document.activeElement.closest('#qa-dismiss-reason')");
        page.keyboard().type("This is advertising.");
        tabTo(page, "the Dismiss question button", "(host, e) => host.tagName === 'VAADIN-BUTTON' && host.textContent.trim() === 'Dismiss question'");
        assertThat(focusVisible(page)).as("focus is visible on the dialog's Dismiss question button").isTrue();
        page.keyboard().press("Space");
        page.waitForSelector(".cv-mod-status:has-text('Dismissed: ')");
        page.waitForSelector("vaadin-dialog[opened]", new Page.WaitForSelectorOptions()
                .setState(WaitForSelectorState.DETACHED));

        // answer, then put on stage, the approved question: both in the public list further down
        tabTo(page, "Mark answered on the slides question", button("Mark answered: ", "slides"));
        assertThat(focusVisible(page)).as("focus is visible on Mark answered").isTrue();
        page.keyboard().press("Enter");
        page.waitForSelector(".cv-mod-status:has-text('Marked answered: ')");
        focusOn(page, "Put on stage on the slides question", button("Put on stage: ", "slides"));
        assertThat(focusVisible(page)).as("focus is visible on Put on stage").isTrue();
        page.keyboard().press("Space");
        page.waitForSelector(".cv-mod-question:has-text('slides') .cv-badge-stage");
        assertThat(focusedMatches(page, button("Take off stage: ", "slides")))
                .as("focus stays on the stage button, which now takes the question off stage").isTrue();

        // no trap: Tab carries on past the lists to the form below them, and then out of the page's content
        tabTo(page, "the field for a question sent in by phone or email", "(host, e) => !!host.closest('#qa-behalf-text')");
        tabTo(page, "anything outside the moderation page's content", "(host, e) => !host.closest('.cv-moderation')");

        assertThat(status.textContent()).startsWith("On stage now: ");
        List<QuestionView> board = new ArrayList<>();
        as(facilitator, () -> board.addAll(qa.moderationBoard(session).questions()));
        assertThat(board).filteredOn(q -> q.id() == asked[0].id()).singleElement()
                .satisfies(q -> assertThat(q.pinned()).isTrue())
                .extracting(QuestionView::state).isEqualTo(QuestionState.ANSWERED);
        assertThat(board).filteredOn(q -> q.id() == asked[2].id()).singleElement()
                .satisfies(q -> assertThat(q.dismissReason()).isEqualTo("This is advertising."))
                .extracting(QuestionView::state).isEqualTo(QuestionState.DISMISSED);
        assertThat(board).filteredOn(q -> q.id() == asked[1].id()).singleElement()
                .extracting(QuestionView::state).isEqualTo(QuestionState.PENDING);
        page.context().close();
    }
}
