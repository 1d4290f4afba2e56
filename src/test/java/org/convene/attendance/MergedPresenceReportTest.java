package org.convene.attendance;

import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.ProgrammeFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;

/**
 * Every report figure counts a person once, however many windows, joins or phone calls overlap (the same merging
 * as the certificates' presence), and "met the attendance rule" follows the conference's rule.
 * The session runs 10:00-11:00 on Monday.
 */
@IntegrationTest
class MergedPresenceReportTest {

    private static final LocalDate MONDAY = LocalDate.of(2031, 11, 10);

    @Autowired
    AttendanceReportService reports;
    @Autowired
    PresenceService presence;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    DSLContext db;

    ProgrammeFixture fixture;
    ConferenceSummary week;
    long session;
    ConveneUser organiser;

    @BeforeEach
    void week() {
        fixture = new ProgrammeFixture(db);
        week = fixture.conference("Merged week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        session = fixture.session(week, "Planning care together").at(t("10:00"), t("11:00")).create();
        organiser = data.user(Role.ORGANISER);
        AccountFixtures.actAs(organiser);
    }

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        clock.reset();
        fixture.cleanUp();
    }

    private static Instant t(String time) {
        return Instant.parse("2031-11-10T" + time + ":00Z");
    }

    private void stay(ConveneUser user, String from, String to) {
        db.insertInto(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.SESSION_ID, session).set(ATTENDANCE_INTERVAL.USER_ID, user.id())
                .set(ATTENDANCE_INTERVAL.JOINED_AT, t(from)).set(ATTENDANCE_INTERVAL.LEFT_AT, t(to))
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, t(to))
                .execute();
    }

    private SessionFigures figures() {
        return reports.sessionReport(session, 1).orElseThrow().figures();
    }

    @Test
    void two_tabs_of_one_person_count_once_in_the_peak_and_the_minutes() {
        ConveneUser twoTabs = data.user();
        ConveneUser other = data.user();
        stay(twoTabs, "10:00", "10:40");
        stay(twoTabs, "10:10", "10:30");
        stay(other, "10:00", "10:20");

        SessionFigures f = figures();

        assertThat(f.attended()).isEqualTo(2);
        assertThat(f.peakConcurrent()).as("two people, though three windows were open at 10:10").isEqualTo(2);
        assertThat(f.peakAt()).isEqualTo(t("10:00"));
        assertThat(f.attendeeMinutes()).isCloseTo(60.0, within(1e-9));
        assertThat(f.meanMinutes()).isCloseTo(30.0, within(1e-9));
        assertThat(f.medianMinutes()).isCloseTo(30.0, within(1e-9));
        assertThat(reports.sessionReport(session, 1).orElseThrow().series().get(15).mostPresent()).isEqualTo(2);

        ConferenceOverview overview = reports.overview(week.slug()).orElseThrow();
        assertThat(overview.peakConcurrent()).isEqualTo(2);
        assertThat(overview.attendeeMinutes()).isCloseTo(60.0, within(1e-9));
        assertThat(overview.days()).containsExactly(new DayFigures(MONDAY, 2, 60.0));
    }

    @Test
    void the_page_and_a_phone_call_together_count_once_and_can_meet_the_rule_together() {
        ConveneUser caller = data.user();
        stay(caller, "10:00", "10:30");
        stay(caller, "10:20", "10:55");

        SessionFigures f = figures();

        assertThat(f.attended()).isEqualTo(1);
        assertThat(f.peakConcurrent()).isEqualTo(1);
        assertThat(f.attendeeMinutes()).as("55 minutes, not 65").isCloseTo(55.0, within(1e-9));
        assertThat(f.metRule()).as("55 of 60 minutes meets 85%").isEqualTo(1);
        assertThat(presence.presenceOf(session, caller.id()).orElseThrow().present().toMinutes())
                .as("the same presence as the certificates use").isEqualTo(55);
    }

    @Test
    void a_conference_rule_of_75_percent_counts_46_minutes_of_an_hour_as_met() throws Exception {
        stay(data.user(), "10:00", "10:46");
        assertThat(figures().metRule()).as("46 of 60 is short of 85%").isZero();
        assertThat(figures().rulePercent()).isEqualTo(85);

        presence.setRule(week.id(), new AttendanceRule(75));

        SessionFigures f = figures();
        assertThat(f.rulePercent()).isEqualTo(75);
        assertThat(f.metRule()).as("the cached figures follow the new rule").isEqualTo(1);
        StringWriter csv = new StringWriter();
        reports.writeCsv(AttendanceReportService.Table.SESSION_FIGURES, session, null, csv,
                AttendanceReportService.Progress.NONE);
        assertThat(csv.toString()).contains("Met the attendance rule (75%),1\r\n");
    }

    @Test
    void someone_still_there_counts_to_their_last_sign_of_life_merged_with_their_closed_stays() {
        ConveneUser stillHere = data.user();
        stay(stillHere, "10:00", "10:30");
        db.insertInto(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.SESSION_ID, session).set(ATTENDANCE_INTERVAL.USER_ID, stillHere.id())
                .set(ATTENDANCE_INTERVAL.JOINED_AT, t("10:20")).set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, t("10:50"))
                .execute();

        SessionFigures f = figures();

        assertThat(f.attended()).isEqualTo(1);
        assertThat(f.attendeeMinutes()).isCloseTo(50.0, within(1e-9));
        assertThat(reports.sessionReport(session, 1).orElseThrow().series().get(49).mostPresent()).isEqualTo(1);
        assertThat(reports.sessionReport(session, 1).orElseThrow().series().get(50).mostPresent()).isZero();
        ConferenceOverview overview = reports.overview(week.slug()).orElseThrow();
        assertThat(overview.uniqueAttendees()).isEqualTo(1);
        assertThat(overview.attendeeMinutes()).isCloseTo(50.0, within(1e-9));
        assertThat(overview.days()).containsExactly(new DayFigures(MONDAY, 1, 50.0));
    }

    @Test
    void a_stay_wholly_outside_the_session_times_is_not_attendance() {
        ConveneUser early = data.user();
        stay(early, "09:30", "09:55");

        SessionFigures f = figures();

        assertThat(f.attended()).isZero();
        assertThat(f.peakAt()).isNull();
        assertThat(reports.overview(week.slug()).orElseThrow().uniqueAttendees()).isZero();
    }
}
