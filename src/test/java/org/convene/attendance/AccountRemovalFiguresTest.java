package org.convene.attendance;

import org.convene.IntegrationTest;
import org.convene.account.AccountFixtures;
import org.convene.account.PersonalDataService;
import org.convene.core.security.ConveneUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.attendance.MeetingReportsTest.sample;
import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.ATTENDANCE_IMPORT_ROW;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.WAITING_LIST_ENTRY;

/**
 * A person deleting their account, or an organiser anonymising someone, leaves every attendance figure adding up:
 * a session's registered, attended and no-shows, the conference overview and the host report (cached before the
 * deletion), the kept per-session counts of db/V34, and the meeting tool import's counts of stays, people and
 * people not matched, all equal to the same worked out from what is left.
 *
 * <pre>
 * S  10:00-11:00, 4 places   registered ada cleo dan eve; wally waiting
 *    Zoom report: ada (2 stays, matched), Ben Sample (no email), cleo (matched); dan and eve never came
 * W  12:00-13:00, no places  registered ada dan; ada came (Convene's page)
 * </pre>
 */
@IntegrationTest
class AccountRemovalFiguresTest {

    @Autowired
    AttendanceReportService reports;
    @Autowired
    AttendanceImportService imports;
    @Autowired
    PersonalDataService personalData;
    @Autowired
    DSLContext db;

    AttendanceFixture fixture;
    long walkIn;
    ConveneUser organiser;
    ConveneUser ada;
    ConveneUser cleo;
    ConveneUser dan;
    ConveneUser eve;
    ConveneUser wally;

    @BeforeEach
    void setUp() {
        fixture = new AttendanceFixture(db);
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.CAPACITY, 4)
                .where(PROGRAMME_SESSION.ID.eq(fixture.session)).execute();
        walkIn = fixture.programme.session(fixture.week, "Drop-in chat").host(fixture.host)
                .at(at("12:00"), at("13:00")).create();
        organiser = fixture.programme.organiser();
        ada = withEmail(fixture.programme.user("Ada Example"), "ada@example.org");
        cleo = withEmail(fixture.programme.user("Cleo Test"), "cleo@example.org");
        dan = fixture.programme.user("Dan Person");
        eve = fixture.programme.user("Eve Person");
        wally = fixture.programme.user("Wally Waiting");
        register(fixture.session, ada, cleo, dan, eve);
        register(walkIn, ada, dan);
        db.insertInto(WAITING_LIST_ENTRY).set(WAITING_LIST_ENTRY.SESSION_ID, fixture.session)
                .set(WAITING_LIST_ENTRY.USER_ID, wally.id()).set(WAITING_LIST_ENTRY.JOINED_AT, at("09:00")).execute();
        db.insertInto(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.SESSION_ID, walkIn).set(ATTENDANCE_INTERVAL.USER_ID, ada.id())
                .set(ATTENDANCE_INTERVAL.JOINED_AT, at("12:00")).set(ATTENDANCE_INTERVAL.LEFT_AT, at("12:40"))
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, at("12:40")).execute();
        AccountFixtures.actAs(organiser);
        AttendanceImportService.Outcome outcome = imports.save(fixture.session, MeetingTool.ZOOM,
                "zoom-participants.csv", sample("zoom-participants.csv"), ZoneId.of("Europe/London"));
        assertThat(outcome).isInstanceOf(AttendanceImportService.Outcome.Saved.class);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        fixture.cleanUp();
    }

    private static Instant at(String time) {
        return Instant.parse("2031-11-10T" + time + ":00Z");
    }

    private ConveneUser withEmail(ConveneUser user, String email) {
        db.update(APP_USER).set(APP_USER.EMAIL, email).where(APP_USER.ID.eq(user.id())).execute();
        return user;
    }

    private void register(long session, ConveneUser... users) {
        for (ConveneUser user : users) {
            db.insertInto(AGENDA_ITEM).set(AGENDA_ITEM.USER_ID, user.id()).set(AGENDA_ITEM.SESSION_ID, session)
                    .set(AGENDA_ITEM.ADDED_AT, at("08:00")).execute();
        }
    }

    private ImportSummary zoom() {
        return imports.imports(fixture.session).getFirst();
    }

    /** Every figure equals the same worked out from the agendas, presence and import rows that are left. */
    private void assertFiguresAddUp() {
        AccountFixtures.actAs(organiser);
        int registeredWithPlaces = 0;
        int noShows = 0;
        for (long session : List.of(fixture.session, walkIn)) {
            List<Long> agenda = db.select(AGENDA_ITEM.USER_ID).from(AGENDA_ITEM)
                    .where(AGENDA_ITEM.SESSION_ID.eq(session)).fetch(AGENDA_ITEM.USER_ID);
            List<Long> present = db.resultQuery("select user_id from attendance_presence_of(array[?]::bigint[], "
                    + "null, true)", session).fetch(r -> r.get(0, Long.class));
            int absent = (int) agenda.stream().filter(user -> !present.contains(user)).count();
            SessionFigures f = reports.sessionReport(session, 5).orElseThrow().figures();
            assertThat(f.registered()).isEqualTo(agenda.size());
            assertThat(f.attended()).isEqualTo(present.size());
            assertThat(f.noShows()).isEqualTo(f.noShowsCounted() ? absent : 0);
            if (f.noShowsCounted()) {
                registeredWithPlaces += agenda.size();
                noShows += absent;
            }
            int keptPresent = (int) agenda.stream().filter(present::contains).count();
            assertThat(db.resultQuery("select registered || ' ' || registered_present from attendance_session_count "
                    + "where session_id = ?", session).fetchOne(0, String.class))
                    .as("db/V34's kept counts").isEqualTo(agenda.size() + " " + keptPresent);
        }
        ConferenceOverview overview = reports.overview(fixture.week.slug()).orElseThrow();
        assertThat(overview.registered()).isEqualTo(registeredWithPlaces);
        assertThat(overview.noShows()).isEqualTo(noShows);
        assertThat(overview.uniqueAttendees()).isEqualTo(db.resultQuery("select count(distinct user_id) from "
                + "attendance_presence_of(array[?, ?]::bigint[], null, true)", fixture.session, walkIn).fetchOne(0,
                Integer.class));
        HostReport host = reports.hostReport(fixture.week.slug(), fixture.host.id()).orElseThrow();
        assertThat(host.registered()).isEqualTo(registeredWithPlaces);
        assertThat(host.noShows()).isEqualTo(noShows);

        ImportSummary zoom = zoom();
        var rows = db.selectFrom(ATTENDANCE_IMPORT_ROW).where(ATTENDANCE_IMPORT_ROW.IMPORT_ID.eq(zoom.id())).fetch();
        assertThat(zoom.stays()).isEqualTo(rows.size());
        assertThat(zoom.people()).isEqualTo((int) rows.stream().map(r -> r.getName() + "|" + r.getEmail())
                .distinct().count());
        assertThat(zoom.unmatchedPeople()).isEqualTo((int) rows.stream().filter(r -> r.getUserId() == null)
                .map(r -> r.getName() + "|" + r.getEmail()).distinct().count());
    }

    @Test
    void the_figures_worked_out_by_hand_add_up_before_anyone_leaves() {
        assertFiguresAddUp();
        SessionFigures s = reports.sessionReport(fixture.session, 5).orElseThrow().figures();
        assertThat(s.registered()).isEqualTo(4);
        assertThat(s.attended()).as("ada and cleo from the report; Ben matched nobody").isEqualTo(2);
        assertThat(s.noShows()).as("dan and eve").isEqualTo(2);
        assertThat(zoom()).extracting(ImportSummary::stays, ImportSummary::people, ImportSummary::unmatchedPeople)
                .containsExactly(4, 3, 1);
        assertThat(reports.overview(fixture.week.slug()).orElseThrow().registered()).as("S only").isEqualTo(4);
    }

    @Test
    void deleting_your_account_takes_you_out_of_every_figure_and_the_import_counts_what_is_left() {
        assertFiguresAddUp();

        AccountFixtures.actAs(ada);
        personalData.deleteMyAccount();

        assertFiguresAddUp();
        SessionFigures s = reports.sessionReport(fixture.session, 5).orElseThrow().figures();
        assertThat(s.registered()).as("ada's place went to wally, who is waiting no more").isEqualTo(4);
        assertThat(s.attended()).as("cleo").isEqualTo(1);
        assertThat(s.noShows()).as("dan, eve and wally").isEqualTo(3);
        assertThat(zoom()).as("ada's two lines went with her account")
                .extracting(ImportSummary::stays, ImportSummary::people, ImportSummary::unmatchedPeople)
                .containsExactly(2, 2, 1);
        SessionFigures w = reports.sessionReport(walkIn, 5).orElseThrow().figures();
        assertThat(w.registered()).isEqualTo(1);
        assertThat(w.attended()).isZero();
        assertThat(reports.overview(fixture.week.slug()).orElseThrow().uniqueAttendees()).isEqualTo(1);
    }

    @Test
    void an_organiser_anonymising_people_leaves_every_figure_adding_up() {
        assertFiguresAddUp();

        personalData.anonymise(eve.id());
        assertFiguresAddUp();
        assertThat(reports.sessionReport(fixture.session, 5).orElseThrow().figures().noShows())
                .as("dan and wally, who had eve's place").isEqualTo(2);

        personalData.anonymise(cleo.id());
        assertFiguresAddUp();
        assertThat(zoom()).extracting(ImportSummary::stays, ImportSummary::people, ImportSummary::unmatchedPeople)
                .containsExactly(3, 2, 1);
        ConferenceOverview overview = reports.overview(fixture.week.slug()).orElseThrow();
        assertThat(overview.registered()).as("ada, dan and wally; nobody was waiting for cleo's place").isEqualTo(3);
        assertThat(overview.noShows()).as("dan and wally").isEqualTo(2);
    }
}
