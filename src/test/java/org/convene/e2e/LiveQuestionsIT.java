package org.convene.e2e;

import static org.convene.qa.QaResults.saved;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.convene.TestConfig;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.qa.QaModerationService;
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


import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Two real browsers on one live session, as people would use it: an attendee asks, a facilitator approves in the
 * other browser, and the question appears for the attendee without a reload; the attendee's up-vote reaches the
 * facilitator's page. Everything travels through server push; nobody reloads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
class LiveQuestionsIT {

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

    private Page signedIn(ConveneUser user) {
        return chromium.signedIn(port, user);
    }

    private void as(ConveneUser user, Runnable action) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void a_question_approved_in_one_browser_appears_in_the_other_and_an_up_vote_travels_back() {
        long session = data.liveSession();
        ConveneUser facilitator = accounts.user("Fay Facilitator", Role.FACILITATOR);
        data.facilitate(session, facilitator);
        ConveneUser attendee = accounts.user("Ada Attendee");
        ConveneUser someoneElse = accounts.user("Sol Someone");
        as(facilitator, () -> moderation.updateSettings(session, true, true, true));
        QuestionView[] other = new QuestionView[1];
        as(someoneElse, () -> other[0] = saved(qa.ask(session, "Where can I find the slides afterwards?", false)));
        as(facilitator, () -> moderation.approve(other[0].id(), null));

        Page attendeePage = signedIn(attendee);
        attendeePage.navigate("http://localhost:" + port + "/sessions/" + session);
        Page facilitatorPage = signedIn(facilitator);
        facilitatorPage.navigate("http://localhost:" + port + "/sessions/" + session + "/moderate");
        assertThat(facilitatorPage.locator("h1")).containsText("Moderate questions");

        // the attendee asks; with pre-moderation it waits for approval, and says so to its author
        attendeePage.fill("#qa-question textarea", "Will there be British Sign Language in the afternoon?");
        attendeePage.click("vaadin-button:has-text('Ask')");
        assertThat(attendeePage.locator(".cv-qa")).containsText("Waiting for approval");

        // it reaches the facilitator's queue without a reload, and the facilitator approves it
        var pending = facilitatorPage.locator(".cv-mod-question", new Page.LocatorOptions()
                .setHasText("British Sign Language in the afternoon"));
        assertThat(pending).isVisible();
        pending.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName(java.util.regex.Pattern.compile("^Approve"))).first().click();

        // ... and the attendee sees it among everyone's questions, without reloading
        var approved = attendeePage.locator(".cv-question", new Page.LocatorOptions()
                .setHasText("British Sign Language in the afternoon"));
        assertThat(approved.first()).isVisible();

        // the attendee up-votes someone else's question; the facilitator's page shows the vote
        attendeePage.locator(".cv-question", new Page.LocatorOptions().setHasText("slides afterwards"))
                .locator("vaadin-button.cv-vote").click();
        assertThat(facilitatorPage.locator(".cv-mod-question", new Page.LocatorOptions().setHasText("slides afterwards")))
                .containsText("1 vote");

        attendeePage.context().close();
        facilitatorPage.context().close();
    }
}
