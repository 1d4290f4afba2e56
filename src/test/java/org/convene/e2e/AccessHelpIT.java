package org.convene.e2e;

import com.microsoft.playwright.Page;
import org.convene.TestConfig;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Two real browsers on one live session: an attendee presses "Captions have stopped" and the facilitator's
 * moderation page, already open, shows it and says it, without a reload (server push, over the live notices).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
class AccessHelpIT {

    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    AccountFixtures accounts;

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
    void an_attendees_captions_have_stopped_reaches_the_facilitators_open_page_without_a_reload() {
        long session = data.liveSession();
        ConveneUser facilitator = accounts.user("Fay Facilitator", Role.FACILITATOR);
        data.facilitate(session, facilitator);
        ConveneUser attendee = accounts.user("Ada Attendee");

        Page facilitatorPage = chromium.signedIn(port, facilitator);
        facilitatorPage.navigate("http://localhost:" + port + "/sessions/" + session + "/moderate");
        assertThat(facilitatorPage.locator("#access-help-counts"))
                .containsText("Nobody has asked for help in the last 5 minutes.");

        Page attendeePage = chromium.signedIn(port, attendee);
        attendeePage.navigate("http://localhost:" + port + "/sessions/" + session);
        assertThat(attendeePage.locator("#access-help h2")).hasText("Tell the facilitator");
        // by keyboard, as many attendees use it
        Chromium.pressEnterOn(attendeePage, "#help-captions-stopped");
        assertThat(attendeePage.locator("#help-status")).hasText("Sent. The facilitators can see it.");
        assertThat(attendeePage.locator("#help-status")).hasAttribute("aria-live", "polite");

        assertThat(facilitatorPage.locator("#access-help-count-list")).containsText("Captions have stopped: 1");
        assertThat(facilitatorPage.locator("#access-help-announcer"))
                .hasText("Access help: Captions have stopped (1 in the last 5 minutes).");

        attendeePage.context().close();
        facilitatorPage.context().close();
    }
}
