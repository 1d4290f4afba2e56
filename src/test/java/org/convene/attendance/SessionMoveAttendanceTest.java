package org.convene.attendance;

import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.organising.SessionAdminService;
import org.convene.organising.SessionForEditing;
import org.convene.organising.SessionSaveResult;
import org.convene.programme.SessionDraft;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.attendance.MeetingReportsTest.sample;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;

/** Imported and phone stays are cut again when the session's times change in its editor, and the figures follow. */
@IntegrationTest
class SessionMoveAttendanceTest {

    @Autowired
    AttendanceImportService imports;
    @Autowired
    PhoneJoinService phone;
    @Autowired
    PresenceService presence;
    @Autowired
    AttendanceReportService reports;
    @Autowired
    SessionAdminService sessions;
    @Autowired
    DSLContext db;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;

    AttendanceFixture fixture;
    ConveneUser organiser;
    ConveneUser ada;
    ConveneUser caller;

    @BeforeEach
    void setUp() {
        fixture = new AttendanceFixture(db);
        organiser = fixture.programme.organiser();
        ada = fixture.programme.user("Ada Example");
        db.update(APP_USER).set(APP_USER.EMAIL, "ada@example.org").where(APP_USER.ID.eq(ada.id())).execute();
        caller = fixture.programme.user("Carl Caller");
        clock.set(at("12:00"));
        AccountFixtures.actAs(organiser);
        // Ada: 09:58:10 to 10:40:00 and 10:45:00 to 11:00:30 in the report
        imports.save(fixture.session, MeetingTool.ZOOM, "zoom.csv", sample("zoom-participants.csv"),
                AttendanceImportServiceTest.LONDON);
        phone.mark(fixture.session, caller.id(), "9:55", "10:30");
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        clock.reset();
        fixture.cleanUp();
    }

    private static Instant at(String time) {
        return Instant.parse("2031-11-10T" + time + ":00Z");
    }

    private void move(String from, String to) {
        SessionForEditing session = sessions.forEditing(fixture.session).orElseThrow();
        SessionDraft d = session.toDraft();
        SessionSaveResult result = sessions.update(fixture.session, session.version(), new SessionDraft(
                d.conferenceId(), d.reference(), d.title(), d.summaryMarkdown(), d.format(), at(from), at(to),
                d.trackId(), d.hostId(), d.joinUrl(), d.capacity(), d.access(), d.accessNotes()), true);
        assertThat(result).as(result.toString()).isInstanceOf(SessionSaveResult.Saved.class);
    }

    private Duration present(ConveneUser user) {
        return presence.presenceOf(fixture.session, user.id()).map(PersonPresence::present).orElse(Duration.ZERO);
    }

    @Test
    void a_session_that_ran_longer_gains_the_imported_and_phone_time_that_was_cut_off() {
        assertThat(present(ada)).isEqualTo(Duration.ofMinutes(55));
        assertThat(present(caller)).isEqualTo(Duration.ofMinutes(30));

        move("09:50", "11:10");

        assertThat(present(ada)).isEqualTo(Duration.ofMinutes(57).plusSeconds(20));
        assertThat(present(caller)).isEqualTo(Duration.ofMinutes(35));
        assertThat(phone.phoneJoins(fixture.session).getFirst().joinedAt()).isEqualTo(at("09:55"));
    }

    @Test
    void a_session_moved_later_loses_what_no_longer_falls_in_it_and_gets_it_back_when_moved_back() {
        move("10:30", "11:00");

        assertThat(present(ada)).isEqualTo(Duration.ofMinutes(25));
        assertThat(present(caller)).isZero();
        assertThat(reports.sessionReport(fixture.session, 5).orElseThrow().figures().attended()).isEqualTo(1);
        assertThat(db.fetchCount(ATTENDANCE_INTERVAL, ATTENDANCE_INTERVAL.SESSION_ID.eq(fixture.session)
                .and(ATTENDANCE_INTERVAL.JOINED_AT.lt(at("10:30"))).and(ATTENDANCE_INTERVAL.IMPORT_ID.isNotNull())))
                .isZero();

        move("10:00", "11:00");

        assertThat(present(ada)).isEqualTo(Duration.ofMinutes(55));
        assertThat(present(caller)).isEqualTo(Duration.ofMinutes(30));
        assertThat(reports.sessionReport(fixture.session, 5).orElseThrow().figures().attended()).isEqualTo(2);
    }
}
