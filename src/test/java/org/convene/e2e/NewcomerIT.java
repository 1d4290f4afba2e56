package org.convene.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.convene.TestConfig;
import org.convene.account.AccountFixtures;
import org.convene.programme.AccessFeature;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.ProgrammeFixture;
import org.convene.programme.TrackRef;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;

/**
 * A newcomer's first visit, end to end in a real browser: sign up through the form, find a session that is on
 * right now with the timetable's filters, put it on their agenda, see it there, open its page while it runs and
 * join it. The sessions are placed around the real time (the test app's clock runs in real time unless a test
 * sets it, and a browser test cannot share a fixed clock with the page's polling), in a conference of this
 * test's own that runs from yesterday to tomorrow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
class NewcomerIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Chromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;

    ProgrammeFixture programme;
    BrowserContext context;

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

    @AfterEach
    void cleanUp() {
        if (context != null) {
            context.close();
        }
        if (programme != null) {
            programme.cleanUp();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    @Test
    void a_newcomer_signs_up_filters_the_timetable_adds_a_live_session_to_their_agenda_and_joins_it() {
        programme = new ProgrammeFixture(db);
        String tag = programme.tag();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        // the session must sit on today's tab, which is today in the conference's zone: started at most
        // 5 minutes ago and never before local midnight, so the test also works just after midnight
        Instant localMidnight = LocalDate.now(LONDON).atStartOfDay(LONDON).toInstant();
        Instant liveStart = now.minus(5, ChronoUnit.MINUTES).isBefore(localMidnight) ? localMidnight
                : now.minus(5, ChronoUnit.MINUTES);
        LocalDate today = LocalDate.now(LONDON);
        ConferenceSummary week = programme.conference("Newcomers' week " + tag, LONDON.getId(),
                today.minusDays(1), today.plusDays(1));
        TrackRef wellbeing = programme.track(week, "Wellbeing", 0);
        TrackRef housing = programme.track(week, "Housing", 1);
        String wanted = "Living well with long Covid " + tag;
        String notCaptioned = "Peer support drop-in " + tag;
        String otherTrack = "Tenants' rights clinic " + tag;
        long live = programme.session(week, wanted).at(liveStart, now.plus(55, ChronoUnit.MINUTES))
                .track(wellbeing).access(AccessFeature.LIVE_CAPTIONS, AccessFeature.BSL_INTERPRETATION)
                .joinUrl("https://meet.example.org/long-covid-" + tag).create();
        programme.session(week, notCaptioned).at(liveStart, now.plus(50, ChronoUnit.MINUTES))
                .track(wellbeing).joinUrl("https://meet.example.org/drop-in-" + tag).create();
        programme.session(week, otherTrack).at(liveStart, now.plus(45, ChronoUnit.MINUTES))
                .track(housing).access(AccessFeature.LIVE_CAPTIONS).create();

        context = browser.newContext();
        Page page = context.newPage();
        List<Response> joins = new CopyOnWriteArrayList<>();
        context.onResponse(response -> {
            if (response.url().endsWith("/sessions/" + live + "/join")) {
                joins.add(response);
            }
        });

        // sign up through the real form, with an address nobody has used
        String email = AccountFixtures.uniqueEmail("newcomer");
        page.navigate(url(""));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign up")).click();
        assertThat(page.locator("main h1")).hasText("Create an account");
        page.fill("#displayName input", "Nia Newcomer");
        page.fill("#email input", email);
        page.fill("#password input", AccountFixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        assertThat(page.locator("header")).containsText("Signed in as Nia Newcomer");

        // open this week's timetable from the home page
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(week.name()))
                .first().click();
        assertThat(page.locator("main h1")).hasText(week.name());

        // narrow it down: live captions, in the Wellbeing track
        page.locator("vaadin-details-summary", new Page.LocatorOptions().setHasText("Filter sessions")).click();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Live captions")).check();
        assertThat(page.locator("#timetable-status")).containsText("match");
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Wellbeing")).check();
        assertThat(page.locator("#timetable-status")).containsText("1 session matches");
        // the filters live in the address, so the page can be shared as it is
        assertThat(page).hasURL(Pattern.compile("[?&]access="));
        assertThat(page).hasURL(Pattern.compile("[?&]track="));

        Locator card = page.locator(".cv-tt-card", new Page.LocatorOptions().setHasText(wanted));
        assertThat(card).containsText("Happening now");
        assertThat(card).containsText("Live captions");
        assertThat(page.locator(".cv-tt-card", new Page.LocatorOptions().setHasText(notCaptioned))).hasCount(0);
        assertThat(page.locator(".cv-tt-card", new Page.LocatorOptions().setHasText(otherTrack))).hasCount(0);

        // add it to the agenda; the page says so in its status line and the button changes
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add to my agenda: " + wanted)).click();
        assertThat(page.locator("#timetable-status")).hasText("Added \u201c" + wanted + "\u201d to your agenda.");
        assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove from my agenda: " + wanted)))
                .hasAttribute("aria-pressed", "true");

        // ... and finds it on My agenda
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My agenda")).click();
        assertThat(page.locator("main h1")).hasText("My agenda");
        Locator entry = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(wanted).setExact(true));
        assertThat(entry).isVisible();
        assertThat(page.locator("main")).not().containsText(notCaptioned);

        // open the session page while it runs: the Join link is open and so are the questions
        entry.click();
        assertThat(page.locator("main h1")).hasText(wanted);
        Locator join = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Join the session (opens in a new tab)"));
        assertThat(join).isVisible();
        assertThat(page.locator("#questions h2")).hasText("Questions");
        assertThat(page.locator("#qa-question")).isVisible();

        // joining goes through Convene (which records the arrival) and on to the meeting, in a new tab; the
        // meeting's address does not resolve here (and Playwright cannot route a noopener popup's first request),
        // so the test checks where Convene sent the browser
        Page meeting = page.waitForPopup(join::click);
        meeting.waitForCondition(() -> !joins.isEmpty());
        assertThat(joins.getFirst().status()).isEqualTo(303);
        assertThat(joins.getFirst().headerValue("location")).isEqualTo("https://meet.example.org/long-covid-" + tag);
        meeting.close();

        long userId = db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchSingle().value1();
        assertThat(db.fetchExists(AGENDA_ITEM, AGENDA_ITEM.USER_ID.eq(userId).and(AGENDA_ITEM.SESSION_ID.eq(live))))
                .isTrue();
        assertThat(db.fetchExists(ATTENDANCE_INTERVAL, ATTENDANCE_INTERVAL.USER_ID.eq(userId)
                .and(ATTENDANCE_INTERVAL.SESSION_ID.eq(live)))).as("the visit is recorded").isTrue();
    }
}
