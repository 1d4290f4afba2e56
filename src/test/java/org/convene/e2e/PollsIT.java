package org.convene.e2e;

import com.microsoft.playwright.Page;
import org.convene.TestConfig;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.polls.PollDraft;
import org.convene.polls.PollService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A poll answered with the keyboard alone, in a real browser: the facilitator opens it, it appears on the
 * attendee's session page without a reload, the attendee reaches it with Tab, chooses with Space and an arrow key,
 * submits with Enter, and the result appears on the stage view open in another browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
class PollsIT {

    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    AccountFixtures accounts;
    @Autowired
    PollService polls;

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
    void a_poll_is_answered_by_keyboard_only_and_the_result_reaches_the_stage() {
        long session = data.liveSession();
        ConveneUser facilitator = accounts.user("Fay Facilitator", Role.FACILITATOR);
        data.facilitate(session, facilitator);
        ConveneUser attendee = accounts.user("Kim Keyboard");

        Page stage = chromium.browser.newContext().newPage();
        stage.navigate("http://localhost:" + port + "/sessions/" + session + "/stage");
        Page page = chromium.signedIn(port, attendee);
        page.navigate("http://localhost:" + port + "/sessions/" + session);
        page.waitForSelector("main h1");

        AccountFixtures.actAs(facilitator);
        long pollId;
        try {
            pollId = ((SaveResult.Saved<Long>) polls.prepare(session,
                    new PollDraft("Can you see the slides?", List.of("Yes", "No"), false, true))).value();
            polls.open(pollId);
        } finally {
            SecurityContextHolder.clearContext();
        }

        // the poll arrives without a reload, and is announced politely
        String first = "poll-" + pollId + "-option-1";
        assertThat(page.locator("#" + first)).isVisible();
        assertThat(page.locator("#polls-announcements")).hasText("A poll has opened: Can you see the slides?");

        // Tab until the first answer has focus, as a keyboard user would
        for (int i = 0; i < 300 && !first.equals(activeId(page)); i++) {
            page.keyboard().press("Tab");
        }
        org.assertj.core.api.Assertions.assertThat(activeId(page)).isEqualTo(first);
        page.keyboard().press("Space");
        page.keyboard().press("ArrowDown");
        org.assertj.core.api.Assertions.assertThat(activeId(page)).isEqualTo("poll-" + pollId + "-option-2");
        page.keyboard().press("Tab");
        org.assertj.core.api.Assertions.assertThat(activeId(page)).isEqualTo("poll-" + pollId + "-submit");
        page.keyboard().press("Enter");
        assertThat(page.locator("#poll-" + pollId + "-status"))
                .hasText("Thank you. Your answer is saved: No. You can change it until the poll closes.");

        // the stage shows the result as it comes in
        assertThat(stage.locator("#stage-poll-" + pollId)).containsText("1 of 1 chose No (100%)");

        page.context().close();
        stage.context().close();
    }

    private static String activeId(Page page) {
        return String.valueOf(page.evaluate("() => document.activeElement ? document.activeElement.id : ''"));
    }
}
