package org.convene.e2e;

import com.microsoft.playwright.Page;
import org.convene.TestConfig;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/**
 * Two real browsers on a full session with one place: the second attendee joins the waiting list (by keyboard),
 * the first removes the session from their agenda, and the place goes to the one waiting, whose agenda page then
 * shows the session and "You have a place".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
class WaitingListIT {

    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    AccountFixtures accounts;
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
    void an_attendee_on_the_waiting_list_gets_the_place_when_someone_removes_the_session() {
        LocalDate day = LocalDate.now(ZoneId.of("Europe/London")).plusDays(10);
        long conference = data.conference("Europe/London", day, day.plusDays(1));
        String title = "Small co-design circle " + TestData.unique("w");
        long session = data.session(conference, title, day.atTime(10, 0).toInstant(ZoneOffset.UTC),
                day.atTime(11, 0).toInstant(ZoneOffset.UTC));
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.CAPACITY, 1).where(PROGRAMME_SESSION.ID.eq(session))
                .execute();
        ConveneUser holder = accounts.user("Hana Holder");
        ConveneUser waiter = accounts.user("Wes Waiting");
        String sessionPage = "http://localhost:" + port + "/sessions/" + session;

        Page holderPage = chromium.signedIn(port, holder);
        holderPage.navigate(sessionPage);
        holderPage.locator(".cv-agenda-toggle").click();
        assertThat(holderPage.locator(".cv-agenda-toggle")).hasText("Remove from my agenda");

        Page waiterPage = chromium.signedIn(port, waiter);
        waiterPage.navigate(sessionPage);
        assertThat(waiterPage.locator("#places-left")).hasText("Full. Nobody is waiting yet.");
        // by keyboard, as many attendees use it
        Chromium.pressEnterOn(waiterPage, ".cv-agenda-toggle");
        assertThat(waiterPage.locator(".cv-session-status")).containsText("You are on the waiting list for");
        assertThat(waiterPage.locator(".cv-agenda-toggle")).hasText("Leave the waiting list");

        holderPage.locator(".cv-agenda-toggle").click();
        assertThat(holderPage.locator(".cv-session-status")).containsText("Removed");

        waiterPage.navigate("http://localhost:" + port + "/agenda");
        assertThat(waiterPage.locator("h2:has-text('You have a place')")).isVisible();
        assertThat(waiterPage.locator(".cv-agenda-notices a:has-text('" + title + "')")).isVisible();
        assertThat(waiterPage.locator("main")).containsText(title);
        assertThat(waiterPage.locator(".cv-agenda-waiting")).isHidden();

        holderPage.context().close();
        waiterPage.context().close();
    }
}
