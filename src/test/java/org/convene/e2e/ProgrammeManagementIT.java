package org.convene.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.convene.TestConfig;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.convene.programme.TrackRef;
import org.convene.core.time.DateTexts;
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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.HOST_COORDINATOR;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/**
 * Programme management in a real browser, on the production bundle: the session editor's Select, TimePicker and
 * check boxes, the lazy grid of /manage, the conflict message when two people save the same session, and a
 * partner host's CSV import through Vaadin's Upload, whose preview and result arrive by server push.
 * Every wait is on what the page says or shows; nothing sleeps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
class ProgrammeManagementIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;
    @Autowired
    AccountFixtures accounts;

    private ProgrammeFixture programme;
    private ConferenceSummary week;
    private TrackRef wellbeing;
    private HostRef host;
    private LocalDate tomorrow;
    private final List<Page> pages = new ArrayList<>();

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

    /** A conference from today to the day after tomorrow, so that tomorrow is one day among several. */
    @BeforeEach
    void createConference() {
        programme = new ProgrammeFixture(db);
        LocalDate today = LocalDate.now(LONDON);
        tomorrow = today.plusDays(1);
        week = programme.conference("Management week " + programme.tag(), LONDON.getId(), today, today.plusDays(2));
        wellbeing = programme.track(week, "Wellbeing", 0);
        programme.track(week, "Housing", 1);
        host = programme.host("Deaf Access Group");
    }

    @AfterEach
    void cleanUp() {
        for (Page page : pages) {
            page.context().close();
        }
        pages.clear();
        programme.cleanUp();
    }

    private Page signedIn(ConveneUser user) {
        Page page = chromium.signedIn(port, user);
        pages.add(page);
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    private ConveneUser coordinatorOf(HostRef organisation) {
        ConveneUser user = accounts.user("Hana Host", Role.HOST);
        db.insertInto(HOST_COORDINATOR).set(HOST_COORDINATOR.HOST_ID, organisation.id())
                .set(HOST_COORDINATOR.USER_ID, user.id()).set(HOST_COORDINATOR.ADDED_AT, Instant.now())
                .execute();
        return user;
    }

    /** Opens a Vaadin Select by its label and picks the option, as a mouse user would. */
    private static void choose(Page page, String selectId, String option) {
        page.locator("vaadin-select#" + selectId).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option).setExact(true)).click();
        assertThat(page.locator("vaadin-select#" + selectId)).containsText(option);
    }

    /** Types a time into a TimePicker and leaves the field, which is when the picker commits what was typed. */
    private static void typeTime(Page page, String pickerId, String time) {
        Locator input = page.locator("vaadin-time-picker#" + pickerId + " input");
        input.fill(time);
        input.press("Tab");
        assertThat(input).hasValue(time);
    }

    private static Locator status(Page page) {
        return page.locator("#editor-status");
    }

    @Test
    void an_organiser_adds_a_session_which_shows_in_the_list_and_on_the_timetable_and_a_conflict_can_be_resolved() {
        ConveneUser organiser = accounts.user("Olu Organiser", Role.ORGANISER);
        String title = "Signing at work: a beginners' taster " + programme.tag();
        Page page = signedIn(organiser);

        // from the hub, for this conference
        page.navigate(url("manage?conference=" + week.slug()));
        assertThat(page.locator("main h1")).hasText("Manage the programme");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a session")).click();
        assertThat(page.locator("main h1")).hasText("Add a session");

        page.locator("#title input").fill(title);
        choose(page, "format", "Workshop");
        choose(page, "day", DateTexts.day(tomorrow));
        typeTime(page, "start-time", "10:30");
        typeTime(page, "end-time", "11:45");
        choose(page, "track", "Wellbeing");
        choose(page, "host", host.name());
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Live captions")).check();
        page.locator("#save-session").click();

        assertThat(status(page)).containsText("The session has been added.");
        assertThat(page).hasURL(Pattern.compile("/manage/sessions/\\d+$"));
        long id = Long.parseLong(page.url().replaceAll(".*/", ""));
        var stored = db.selectFrom(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.eq(id)).fetchSingle();
        assertThat(stored.getTitle()).isEqualTo(title);
        assertThat(stored.getStartsAt()).isEqualTo(tomorrow.atTime(10, 30).atZone(LONDON).toInstant());
        assertThat(stored.getEndsAt()).isEqualTo(tomorrow.atTime(11, 45).atZone(LONDON).toInstant());
        assertThat(stored.getTrackId()).isEqualTo(wellbeing.id());
        assertThat(stored.getHostId()).isEqualTo(host.id());
        assertThat(stored.getLiveCaptions()).isTrue();
        assertThat(stored.getBslInterpretation()).isFalse();

        // who runs it: a facilitator by the email of their account, a speaker picked from the list of people
        ConveneUser facilitator = accounts.user("Femi Facilitator");
        page.locator("#facilitator-email input").fill(facilitator.email());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a facilitator")).click();
        assertThat(status(page)).hasText("Femi Facilitator is now a facilitator of this session.");
        String speaker = "Grace Okafor " + programme.tag();
        programme.person(speaker, "Deaf Access Group", "Grace teaches British Sign Language.");
        page.locator("#speaker input").pressSequentially("Okafor " + programme.tag());
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(speaker + " (Deaf Access Group)")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a speaker")).click();
        assertThat(status(page)).hasText(speaker + " is now a speaker of this session.");
        assertThat(page.locator("#speakers")).containsText(speaker);
        assertThat(page.locator("#facilitators")).containsText("Femi Facilitator");

        // it is in the hub's grid ...
        page.navigate(url("manage?conference=" + week.slug()));
        assertThat(page.locator("#manage-status")).hasText("1 session.");
        assertThat(page.locator("vaadin-grid-cell-content a", new Page.LocatorOptions().setHasText(title))).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Deaf Access Group")))
                .isVisible();

        // ... and on the public timetable, on its day, with its access feature
        page.navigate(url("conferences/" + week.slug() + "?day=" + tomorrow));
        Locator card = page.locator(".cv-tt-card", new Page.LocatorOptions().setHasText(title));
        assertThat(card).containsText("Live captions");
        assertThat(card).containsText("Wellbeing");

        // two browsers open the same session; the first saves, the second is told and loads the latest version
        Page mine = signedIn(organiser);
        Page theirs = signedIn(accounts.user("Tola Organiser", Role.ORGANISER));
        for (Page editor : List.of(mine, theirs)) {
            editor.navigate(url("manage/sessions/" + id));
            assertThat(editor.locator("main h1")).hasText("Change a session");
            assertThat(editor.locator("#title input")).hasValue(title);
        }
        String theirTitle = title + " (with BSL)";
        theirs.locator("#title input").fill(theirTitle);
        theirs.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(
                "British Sign Language (BSL) interpretation")).check();
        theirs.locator("#save-session").click();
        assertThat(status(theirs)).containsText("Your changes have been saved.");

        mine.locator("#capacity input").fill("40");
        mine.locator("#save-session").click();
        assertThat(status(mine)).containsText("Someone else changed this session while you were editing it.");
        assertThat(mine.locator("#editor-status")).isFocused();
        assertThat(mine.locator("#capacity input")).hasValue("40");
        mine.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Load the latest version")).click();
        assertThat(status(mine)).containsText("This is the latest version of the session.");
        assertThat(mine.locator("#title input")).hasValue(theirTitle);
        assertThat(mine.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(
                "British Sign Language (BSL) interpretation"))).isChecked();

        // with their changes in front of them, the second save goes through and keeps both
        mine.locator("#capacity input").fill("40");
        mine.locator("#save-session").click();
        assertThat(status(mine)).containsText("Your changes have been saved.");
        var merged = db.selectFrom(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.eq(id)).fetchSingle();
        assertThat(merged.getTitle()).isEqualTo(theirTitle);
        assertThat(merged.getCapacity()).isEqualTo(40);
        assertThat(merged.getBslInterpretation()).isTrue();
    }

    @Test
    void taking_a_recording_down_asks_first_with_the_safe_choice_focused() {
        LocalDate yesterday = LocalDate.now(LONDON).minusDays(1);
        ConferenceSummary past = programme.conference("Recorded week " + programme.tag(), LONDON.getId(), yesterday,
                yesterday.plusDays(2));
        long session = programme.session(past, "Recorded talk").host(host)
                .at(yesterday.atTime(10, 0), yesterday.atTime(11, 0)).create();
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.RECORDING_URL, "https://video.example.org/talk.mp4")
                .set(PROGRAMME_SESSION.RECORDING_PUBLISHED_AT, Instant.now())
                .where(PROGRAMME_SESSION.ID.eq(session)).execute();
        Page page = signedIn(accounts.user("Rita Organiser", Role.ORGANISER));
        page.navigate(url("manage/sessions/" + session + "/recording"));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take the recording down")).click();
        Locator dialog = page.getByRole(AriaRole.ALERTDIALOG);
        assertThat(dialog).isVisible();
        assertThat(dialog).hasAccessibleName("Take the recording down?");
        assertThat(dialog).containsText("the video itself stays where it is hosted");
        // Enter or Space at once must not take it down: the focus is on the button that keeps it
        assertThat(page.locator("#recording-takedown-cancel")).isFocused();
        page.keyboard().press("Enter");
        assertThat(dialog).isHidden();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take the recording down")))
                .isFocused();
        assertThat(db.select(PROGRAMME_SESSION.RECORDING_URL).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(session)).fetchSingle().value1())
                .isEqualTo("https://video.example.org/talk.mp4");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take the recording down")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take it down")).click();
        assertThat(page.locator("#recording-status")).hasText("Recording taken down. Attendees no longer see it.");
        assertThat(db.select(PROGRAMME_SESSION.RECORDING_URL).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(session)).fetchSingle().value1()).isNull();
    }

    @Test
    void a_partner_host_imports_sessions_from_a_csv_file_checks_the_preview_and_confirms() {
        ConveneUser coordinator = coordinatorOf(host);
        String first = "Deaf awareness for councils " + programme.tag();
        String second = "Captioning your own videos " + programme.tag();
        String csv = """
                reference,title,format,date,start,end,track,host,captions,bsl
                DAG-1,%s,Webinar,%s,10:00,11:00,Wellbeing,%s,yes,yes
                DAG-2,%s,Workshop,%s,14:00,15:30,Digital skills,%s,yes,no
                """.formatted(first, tomorrow, host.name(), second, tomorrow, host.name());

        Page page = signedIn(coordinator);
        page.navigate(url("manage/import"));
        assertThat(page.locator("main h1")).hasText("Import sessions from a spreadsheet");
        assertThat(page.locator("main")).containsText("You can import sessions for " + host.name());
        choose(page, "import-conference", week.name() + ", " + DateTexts.dayRange(week.firstDay(), week.lastDay()));

        // the file goes through Vaadin's Upload, as if chosen with "Choose CSV file"
        page.setInputFiles("#import-upload input[type=file]",
                new FilePayload("deaf-access-group.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#import-summary"))
                .hasText("2 sessions will be created, 0 updated, 0 unchanged.");
        assertThat(page.locator("#import-status")).containsText("Your file has been checked.");
        assertThat(page.locator("#import-problems")).hasCount(0);
        Locator rows = page.locator("#import-rows");
        assertThat(rows).containsText(first);
        assertThat(rows).containsText("Digital skills (new track)");
        assertThat(db.fetchCount(PROGRAMME_SESSION, PROGRAMME_SESSION.CONFERENCE_ID.eq(week.id())))
                .as("nothing is written before the import is confirmed").isZero();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 2 sessions")).click();
        assertThat(page.locator("#import-result")).containsText("Import finished: 2 sessions created, 0 updated, "
                + "0 unchanged. Also added: 1 new track.");
        assertThat(page.locator("#import-status")).containsText("Import finished");

        // the coordinator finds both in their list of sessions, and everyone on the timetable
        page.locator("#import-back").click();
        assertThat(page.locator("main h1")).hasText("Manage the programme");
        page.navigate(url("manage?conference=" + week.slug()));
        assertThat(page.locator("#manage-status")).hasText("2 sessions.");
        assertThat(page.locator("vaadin-grid-cell-content a", new Page.LocatorOptions().setHasText(first))).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content a", new Page.LocatorOptions().setHasText(second))).isVisible();

        page.navigate(url("conferences/" + week.slug() + "?day=" + tomorrow));
        assertThat(page.locator(".cv-tt-card", new Page.LocatorOptions().setHasText(first)))
                .containsText("BSL interpreted");
        assertThat(page.locator(".cv-tt-card", new Page.LocatorOptions().setHasText(second)))
                .containsText("Digital skills");
    }
}
