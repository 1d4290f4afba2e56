package org.convene.attendance;

import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.programme.HostRef;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.convene.attendance.MeetingReportsTest.sample;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.ATTENDANCE_IMPORT_ROW;
import static org.convene.db.Tables.ATTENDANCE_IMPORT_ROW;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;

/** Imports of meeting tools' reports against the real database: matching, replacing, removing, who may. */
@IntegrationTest
class AttendanceImportServiceTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    AttendanceImportService imports;
    @Autowired
    AttendanceService attendance;
    @Autowired
    DSLContext db;
    @Autowired
    TestClock clock;
    @Autowired
    AttendancePersonalData personalData;

    AttendanceFixture fixture;
    ConveneUser organiser;
    ConveneUser ada;
    ConveneUser cleo;

    @BeforeEach
    void setUp() {
        fixture = new AttendanceFixture(db);
        organiser = fixture.programme.organiser();
        ada = withEmail(fixture.programme.user("Ada Example"), "ada@example.org");
        cleo = withEmail(fixture.programme.user("Cleo Test"), "cleo@example.org");
        AccountFixtures.actAs(organiser);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        clock.reset();
        fixture.cleanUp();
    }

    private ConveneUser withEmail(ConveneUser user, String email) {
        db.update(APP_USER).set(APP_USER.EMAIL, email).where(APP_USER.ID.eq(user.id())).execute();
        return user;
    }

    private AttendanceImportService.Outcome.Saved save(MeetingTool tool, String file) {
        AttendanceImportService.Outcome outcome = imports.save(fixture.session, tool, file, sample(file), LONDON);
        assertThat(outcome).as(outcome.toString()).isInstanceOf(AttendanceImportService.Outcome.Saved.class);
        return (AttendanceImportService.Outcome.Saved) outcome;
    }

    record Interval(long userId, Instant joined, @Nullable Instant left, PresenceSource source) {
    }

    private List<Interval> intervals() {
        return db.select(ATTENDANCE_INTERVAL.USER_ID, ATTENDANCE_INTERVAL.JOINED_AT, ATTENDANCE_INTERVAL.LEFT_AT,
                        ATTENDANCE_INTERVAL.SOURCE)
                .from(ATTENDANCE_INTERVAL).where(ATTENDANCE_INTERVAL.SESSION_ID.eq(fixture.session))
                .orderBy(ATTENDANCE_INTERVAL.USER_ID, ATTENDANCE_INTERVAL.JOINED_AT)
                .fetch(r -> new Interval(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private static Instant at(String time) {
        return Instant.parse("2031-11-10T" + time + "Z");
    }

    @Test
    void zoom_import_matches_by_email_and_adds_closed_intervals_within_the_session() {
        AttendanceImportService.Outcome.Saved saved = save(MeetingTool.ZOOM, "zoom-participants.csv");

        assertThat(saved.summary().stays()).isEqualTo(4);
        assertThat(saved.summary().people()).isEqualTo(3);
        assertThat(saved.summary().unmatchedPeople()).isEqualTo(1);
        assertThat(intervals()).containsExactly(
                new Interval(ada.id(), at("10:00:00"), at("10:40:00"), PresenceSource.IMPORT),
                new Interval(ada.id(), at("10:45:00"), at("11:00:00"), PresenceSource.IMPORT),
                new Interval(cleo.id(), at("10:00:00"), at("11:00:00"), PresenceSource.IMPORT));
        assertThat(imports.unmatched(fixture.session)).extracting(UnmatchedParticipant::name, UnmatchedParticipant::stays)
                .containsExactly(tuple("Ben Sample", 1));
    }

    @Test
    void a_matched_person_sees_their_report_lines_in_their_data_and_deleting_them_forgets_those_lines() {
        save(MeetingTool.ZOOM, "zoom-participants.csv");

        assertThat(personalData.exportFor(ada.id())).filteredOn(t -> t.name().equals("meeting-reports"))
                .singleElement().satisfies(t -> assertThat(t.rows()).hasSize(2)
                        .allSatisfy(row -> assertThat(row).contains("ZOOM", "ada@example.org")));
        personalData.forget(ada.id());

        assertThat(db.fetchCount(ATTENDANCE_IMPORT_ROW, ATTENDANCE_IMPORT_ROW.EMAIL.eq("ada@example.org"))).isZero();
        assertThat(imports.unmatched(fixture.session)).extracting(UnmatchedParticipant::name)
                .containsExactly("Ben Sample");
    }

    @Test
    void teams_and_bigbluebutton_imports_are_kept_side_by_side() {
        save(MeetingTool.TEAMS, "teams-attendance.csv");
        save(MeetingTool.BIGBLUEBUTTON, "bbb-learning-dashboard.json");

        assertThat(imports.imports(fixture.session)).extracting(ImportSummary::tool)
                .containsExactlyInAnyOrder(MeetingTool.TEAMS, MeetingTool.BIGBLUEBUTTON);
        assertThat(intervals()).filteredOn(i -> i.userId() == ada.id()).hasSize(4);
        assertThat(imports.unmatched(fixture.session)).extracting(UnmatchedParticipant::name)
                .containsExactly("Dev Person", "Eve Sample", "Phone 07700 900123");
    }

    @Test
    void the_preview_shows_matches_and_saves_nothing() {
        ImportPreview preview = imports.preview(fixture.session, MeetingTool.ZOOM, sample("zoom-participants.csv"),
                LONDON);

        ImportPreview.Ready ready = (ImportPreview.Ready) preview;
        assertThat(ready.people()).isEqualTo(3);
        assertThat(ready.matchedPeople()).isEqualTo(2);
        assertThat(ready.rows()).extracting(ImportPreview.Row::account)
                .containsExactly("Ada Example", "Ada Example", null, "Cleo Test");
        assertThat(ready.replaces()).isNull();
        assertThat(intervals()).isEmpty();
    }

    @Test
    void a_bad_file_saves_nothing_and_says_which_line_is_wrong() {
        byte[] bad = """
                Name (original name),User email,Join time,Leave time
                Ada Example,ada@example.org,11/10/2031 10:00:00 AM,11/10/2031 10:40:00 AM
                Cleo Test,cleo@example.org,11/10/2031 10:00:00 AM,abc
                """.getBytes(StandardCharsets.UTF_8);

        AttendanceImportService.Outcome outcome = imports.save(fixture.session, MeetingTool.ZOOM, "bad.csv", bad, LONDON);

        assertThat(outcome).isEqualTo(new AttendanceImportService.Outcome.Refused(
                List.of("Line 3: the leave time 'abc' is not a time.")));
        assertThat(imports.imports(fixture.session)).isEmpty();
        assertThat(intervals()).isEmpty();
    }

    @Test
    void a_report_of_another_day_is_refused() {
        byte[] otherDay = """
                Name (original name),User email,Join time,Leave time
                Ada Example,ada@example.org,2031-12-01 10:00:00,2031-12-01 10:40:00
                """.getBytes(StandardCharsets.UTF_8);

        AttendanceImportService.Outcome outcome = imports.save(fixture.session, MeetingTool.ZOOM, "x.csv", otherDay,
                LONDON);

        assertThat(((AttendanceImportService.Outcome.Refused) outcome).problems().getFirst())
                .startsWith("None of the times in the file are during the session");
    }

    @Test
    void importing_the_same_tools_report_again_replaces_the_first_and_counts_nothing_twice() {
        save(MeetingTool.ZOOM, "zoom-participants.csv");
        List<Interval> first = intervals();
        ImportPreview.Ready again = (ImportPreview.Ready) imports.preview(fixture.session, MeetingTool.ZOOM,
                sample("zoom-participants.csv"), LONDON);

        save(MeetingTool.ZOOM, "zoom-participants.csv");

        assertThat(again.replaces()).isNotNull();
        assertThat(intervals()).isEqualTo(first);
        assertThat(imports.imports(fixture.session)).hasSize(1);
    }

    @Test
    void an_unconfirmed_account_is_not_matched_by_itself_and_is_flagged() {
        db.update(APP_USER).setNull(APP_USER.EMAIL_CONFIRMED_AT).where(APP_USER.ID.eq(cleo.id())).execute();

        save(MeetingTool.ZOOM, "zoom-participants.csv");

        assertThat(intervals()).extracting(Interval::userId).containsOnly(ada.id());
        assertThat(imports.unmatched(fixture.session)).extracting(UnmatchedParticipant::name,
                UnmatchedParticipant::unconfirmedAccount).containsExactly(tuple("Ben Sample", false),
                tuple("Cleo Test", true));
    }

    @Test
    void matching_by_hand_adds_every_stay_of_the_participant_and_survives_a_new_import() {
        save(MeetingTool.ZOOM, "zoom-participants.csv");
        ConveneUser ben = fixture.programme.user("Ben Sample");
        fixture.register(ben);
        UnmatchedParticipant unmatched = imports.unmatched(fixture.session).getFirst();
        List<PersonChoice> found = imports.findPeople(fixture.session, "ben sam");

        imports.match(fixture.session, unmatched.rowId(), found.getFirst().userId());

        assertThat(found).extracting(PersonChoice::userId).containsExactly(ben.id());
        assertThat(imports.unmatched(fixture.session)).isEmpty();
        assertThat(intervals()).filteredOn(i -> i.userId() == ben.id()).containsExactly(
                new Interval(ben.id(), at("10:05:00"), at("10:50:00"), PresenceSource.IMPORT));

        save(MeetingTool.ZOOM, "zoom-participants.csv");

        assertThat(imports.unmatched(fixture.session)).isEmpty();
        assertThat(db.fetchCount(ATTENDANCE_IMPORT_ROW, ATTENDANCE_IMPORT_ROW.BY_HAND.isTrue())).isGreaterThan(0);
    }

    @Test
    void undoing_a_hand_match_takes_its_stays_away_and_a_new_import_does_not_bring_it_back() {
        save(MeetingTool.ZOOM, "zoom-participants.csv");
        ConveneUser ben = fixture.programme.user("Ben Sample");
        fixture.register(ben);
        imports.match(fixture.session, imports.unmatched(fixture.session).getFirst().rowId(), ben.id());
        HandMatch match = imports.handMatched(fixture.session).getFirst();

        boolean undone = imports.undoMatch(fixture.session, match.rowId());

        assertThat(undone).isTrue();
        assertThat(match.account()).isEqualTo("Ben Sample");
        assertThat(imports.handMatched(fixture.session)).isEmpty();
        assertThat(intervals()).extracting(Interval::userId).doesNotContain(ben.id());
        assertThat(imports.unmatched(fixture.session)).extracting(UnmatchedParticipant::name)
                .containsExactly("Ben Sample");
        assertThat(imports.undoMatch(fixture.session, match.rowId())).isFalse();

        save(MeetingTool.ZOOM, "zoom-participants.csv");

        assertThat(intervals()).extracting(Interval::userId).doesNotContain(ben.id());
        assertThat(imports.unmatched(fixture.session)).extracting(UnmatchedParticipant::name)
                .containsExactly("Ben Sample");
    }

    @Test
    void undoing_leaves_matches_made_by_email_alone() {
        save(MeetingTool.ZOOM, "zoom-participants.csv");
        long adasRow = db.select(ATTENDANCE_IMPORT_ROW.ID).from(ATTENDANCE_IMPORT_ROW)
                .where(ATTENDANCE_IMPORT_ROW.USER_ID.eq(ada.id())).limit(1).fetchSingle().value1();

        assertThat(imports.undoMatch(fixture.session, adasRow)).isFalse();
        assertThat(intervals()).filteredOn(i -> i.userId() == ada.id()).hasSize(2);
    }

    @Test
    void only_those_who_may_import_may_undo_a_match() {
        save(MeetingTool.ZOOM, "zoom-participants.csv");
        ConveneUser ben = fixture.programme.user("Ben Sample");
        fixture.register(ben);
        imports.match(fixture.session, imports.unmatched(fixture.session).getFirst().rowId(), ben.id());
        long row = imports.handMatched(fixture.session).getFirst().rowId();
        ConveneUser facilitator = fixture.programme.user("Fay Facilitator");
        AccountFixtures.actAs(facilitator);

        assertThatThrownBy(() -> imports.undoMatch(fixture.session, row)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.handMatched(fixture.session)).isInstanceOf(AccessDeniedException.class);
        assertThat(intervals()).extracting(Interval::userId).contains(ben.id());
    }

    @Test
    void deleting_my_attendance_deletes_my_report_lines_and_a_new_import_does_not_bring_them_back() {
        save(MeetingTool.ZOOM, "zoom-participants.csv");
        clock.set(at("12:00:00"));
        AccountFixtures.actAs(ada);

        attendance.deleteMyAttendance();

        assertThat(db.fetchCount(ATTENDANCE_IMPORT_ROW, ATTENDANCE_IMPORT_ROW.USER_ID.eq(ada.id())
                .or(ATTENDANCE_IMPORT_ROW.EMAIL.eq("ada@example.org")))).isZero();
        assertThat(intervals()).extracting(Interval::userId).doesNotContain(ada.id());
        AccountFixtures.actAs(organiser);
        ImportPreview.Ready again = (ImportPreview.Ready) imports.preview(fixture.session, MeetingTool.ZOOM,
                sample("zoom-participants.csv"), LONDON);
        assertThat(again.rows()).extracting(ImportPreview.Row::name).doesNotContain("Ada Example (Ada)");
        assertThat(again.notes()).contains("2 joins and leaves are of someone who deleted their attendance records "
                + "after this session. Convene leaves them out.");

        save(MeetingTool.ZOOM, "zoom-participants.csv");

        assertThat(intervals()).extracting(Interval::userId).doesNotContain(ada.id()).contains(cleo.id());
        assertThat(db.fetchCount(ATTENDANCE_IMPORT_ROW, ATTENDANCE_IMPORT_ROW.EMAIL.eq("ada@example.org"))).isZero();
        assertThat(imports.unmatched(fixture.session)).extracting(UnmatchedParticipant::name)
                .containsExactly("Ben Sample");
    }

    @Test
    void a_person_who_deleted_their_attendance_is_not_matched_by_hand_to_an_earlier_session() {
        save(MeetingTool.ZOOM, "zoom-participants.csv");
        ConveneUser ben = fixture.programme.user("Ben Sample");
        fixture.register(ben);
        clock.set(at("12:00:00"));
        AccountFixtures.actAs(ben);
        attendance.deleteMyAttendance();
        AccountFixtures.actAs(organiser);
        long row = imports.unmatched(fixture.session).getFirst().rowId();

        assertThatThrownBy(() -> imports.match(fixture.session, row, ben.id()))
                .isInstanceOf(AccessDeniedException.class).hasMessage(AttendanceImportService.WITHDRAWN);
        assertThat(intervals()).extracting(Interval::userId).doesNotContain(ben.id());
    }

    @Test
    void sessions_after_deleting_my_attendance_count_me_again() {
        clock.set(Instant.parse("2031-11-09T12:00:00Z"));
        AccountFixtures.actAs(ada);
        attendance.deleteMyAttendance();
        AccountFixtures.actAs(organiser);

        save(MeetingTool.ZOOM, "zoom-participants.csv");

        assertThat(intervals()).extracting(Interval::userId).contains(ada.id());
    }

    @Test
    void people_outside_the_conference_are_found_only_by_their_whole_email() {
        ConveneUser stranger = withEmail(fixture.programme.user("Zed Stranger"), "zed.stranger@example.org");

        assertThat(imports.findPeople(fixture.session, "Zed")).isEmpty();
        assertThat(imports.findPeople(fixture.session, "Zed.Stranger@example.org"))
                .extracting(PersonChoice::userId).containsExactly(stranger.id());
        assertThat(imports.findPeople(fixture.session, "z")).isEmpty();
    }

    @Test
    void removing_an_import_removes_its_intervals_and_keeps_convenes_own() {
        fixture.stay(cleo, "10:00", "10:30");
        long importId = save(MeetingTool.ZOOM, "zoom-participants.csv").summary().id();

        imports.remove(fixture.session, importId);

        assertThat(intervals()).containsExactly(
                new Interval(cleo.id(), at("10:00:00"), at("10:30:00"), PresenceSource.CONVENE));
        assertThat(imports.imports(fixture.session)).isEmpty();
    }

    @Test
    void a_partner_host_may_import_for_its_own_sessions_only() {
        ConveneUser coordinator = fixture.programme.coordinator(fixture.host);
        HostRef other = fixture.programme.host("Another organisation");
        long othersSession = fixture.otherHostsSession(other);
        AccountFixtures.actAs(coordinator);

        save(MeetingTool.ZOOM, "zoom-participants.csv");

        assertThatThrownBy(() -> imports.save(othersSession, MeetingTool.ZOOM, "z.csv",
                sample("zoom-participants.csv"), LONDON)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.unmatched(othersSession)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void attendees_and_facilitators_may_not_import() {
        ConveneUser attendee = fixture.programme.attendee();
        AccountFixtures.actAs(attendee);

        assertThat(imports.mayImport(fixture.session)).isFalse();
        assertThatThrownBy(() -> imports.preview(fixture.session, MeetingTool.ZOOM, sample("zoom-participants.csv"),
                LONDON)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only the session's host organisation or an organiser may change it.");
    }

    @Test
    void a_page_arriving_never_continues_an_imported_interval() {
        save(MeetingTool.ZOOM, "zoom-participants.csv");
        clock.set(at("10:59:00"));
        AccountFixtures.actAs(cleo);

        attendance.arrived(fixture.session);

        assertThat(intervals()).filteredOn(i -> i.userId() == cleo.id()).containsExactly(
                new Interval(cleo.id(), at("10:00:00"), at("11:00:00"), PresenceSource.IMPORT),
                new Interval(cleo.id(), at("10:59:00"), null, PresenceSource.CONVENE));
    }
}
