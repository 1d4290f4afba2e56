package org.convene.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.convene.TestConfig;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;

/**
 * An organiser, in a real browser, goes from the navigation to a session's attendance report and downloads the
 * attendee list as CSV; the test reads the file the browser saved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
class OrganiserReportIT {

    private static final LocalDate MONDAY = LocalDate.of(2026, 6, 29);

    private static Chromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;
    @Autowired
    AccountFixtures accounts;

    ProgrammeFixture programme;
    Page page;

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
        if (page != null) {
            page.context().close();
        }
        if (programme != null) {
            programme.cleanUp();
        }
    }

    private void stay(long session, ConveneUser user, String from, String to) {
        db.insertInto(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.SESSION_ID, session).set(ATTENDANCE_INTERVAL.USER_ID, user.id())
                .set(ATTENDANCE_INTERVAL.JOINED_AT, Instant.parse(MONDAY + "T" + from + ":00Z"))
                .set(ATTENDANCE_INTERVAL.LEFT_AT, Instant.parse(MONDAY + "T" + to + ":00Z"))
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, Instant.parse(MONDAY + "T" + to + ":00Z"))
                .execute();
    }

    @Test
    void an_organiser_opens_a_session_report_and_downloads_the_attendee_list() throws IOException {
        programme = new ProgrammeFixture(db);
        String tag = programme.tag();
        ConferenceSummary week = programme.conference("Funders' week " + tag, "Europe/London", MONDAY, MONDAY.plusDays(4));
        HostRef host = programme.host("Carers Together");
        String title = "Planning care together " + tag;
        long session = programme.session(week, title)
                .at(Instant.parse(MONDAY + "T10:00:00Z"), Instant.parse(MONDAY + "T11:00:00Z")).host(host).create();
        ConveneUser named = accounts.user("Nadia Named");
        db.update(APP_USER).set(APP_USER.NAMED_IN_REPORTS, true).where(APP_USER.ID.eq(named.id())).execute();
        ConveneUser unnamed = accounts.user("Uri Unnamed");
        stay(session, named, "10:00", "10:55");
        stay(session, unnamed, "10:05", "10:30");

        page = chromium.signedIn(port, accounts.user("Orla Organiser", Role.ORGANISER));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Attendance reports")).click();
        assertThat(page.locator("main h1")).hasText("Attendance reports");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(week.name()).setExact(true)).click();
        assertThat(page.locator("main h1")).hasText("Attendance at " + week.name());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title).setExact(true)).click();
        assertThat(page.locator("main h1")).hasText("Attendance at " + title);
        assertThat(page.locator("main")).containsText("Attended (different people)");

        String fileName = "session-" + session + "-attendees.csv";
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Attendee list, names only with consent (CSV)")).click());
        assertThat(download.suggestedFilename()).isEqualTo(fileName);
        List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
        assertThat(lines).containsExactly(
                "Attendee,Named with consent,Joined (UTC),Left (UTC),Still there,Minutes",
                "Nadia Named,yes," + MONDAY + "T10:00:00Z," + MONDAY + "T10:55:00Z,no,55.0",
                "Attendee 1,no," + MONDAY + "T10:05:00Z," + MONDAY + "T10:30:00Z,no,25.0");
        // the page says the download finished, in its live region
        assertThat(page.locator("#status-" + fileName.replace('.', '-'))).hasText("Downloaded " + fileName + " (2 rows).");
    }
}
