package org.convene.attendance;

import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.jooq.impl.DSL.select;

/**
 * The recording rules, with time moved by the test clock. The background sweep may run between two steps
 * of a test (it uses the same clock), so every test is written to hold whether or not it did.
 */
@IntegrationTest
class AttendanceServiceTest {

    private static final Instant START = Instant.parse("2031-03-10T10:00:00Z");
    private static final Instant END = Instant.parse("2031-03-10T11:00:00Z");

    @Autowired
    AttendanceService attendance;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    DSLContext db;

    long session;
    ConveneUser alex;

    record Row(long id, Instant joined, Instant left, Instant lastSeen) {
    }

    @BeforeEach
    void programme() {
        long conference = data.conference("Europe/London", LocalDate.of(2031, 3, 10), LocalDate.of(2031, 3, 14));
        session = data.session(conference, "Planning care together", START, END);
        alex = data.user();
        AccountFixtures.actAs(alex);
    }

    @AfterEach
    void reset() {
        SecurityContextHolder.clearContext();
        clock.reset();
    }

    private void at(String time) {
        clock.set(Instant.parse("2031-03-10T" + time + "Z"));
    }

    private static Instant t(String time) {
        return Instant.parse("2031-03-10T" + time + "Z");
    }

    private List<Row> intervals(ConveneUser user) {
        return db.select(ATTENDANCE_INTERVAL.ID, ATTENDANCE_INTERVAL.JOINED_AT, ATTENDANCE_INTERVAL.LEFT_AT,
                        ATTENDANCE_INTERVAL.LAST_SEEN_AT)
                .from(ATTENDANCE_INTERVAL)
                .where(ATTENDANCE_INTERVAL.USER_ID.eq(user.id()))
                .orderBy(ATTENDANCE_INTERVAL.JOINED_AT)
                .fetch(r -> new Row(r.value1(), r.value2(),
                        r.value3(), r.value4()));
    }

    private AttendanceVisit arrive() {
        return attendance.arrived(session).orElseThrow();
    }

    @Test
    void closing_the_tab_records_one_interval_from_arrival_to_leaving() {
        at("10:05:00");
        AttendanceVisit visit = arrive();
        at("10:05:30");
        assertThat(attendance.stillHere(visit)).isTrue();
        at("10:20:00");
        attendance.left(visit);

        assertThat(intervals(alex)).singleElement().satisfies(row -> {
            assertThat(row.joined()).isEqualTo(t("10:05:00"));
            assertThat(row.left()).isEqualTo(t("10:20:00"));
        });
    }

    @Test
    void nothing_is_recorded_before_the_start_after_the_end_or_for_someone_not_signed_in() {
        at("09:55:00");
        assertThat(attendance.arrived(session)).isEmpty();
        at("11:00:00");
        assertThat(attendance.arrived(session)).isEmpty();
        at("10:30:00");
        SecurityContextHolder.clearContext();
        assertThat(attendance.arrived(session)).isEmpty();
        assertThat(attendance.arrived(Long.MAX_VALUE)).isEmpty();

        assertThat(intervals(alex)).isEmpty();
    }

    @Test
    void coming_back_within_the_grace_period_continues_the_same_interval() {
        at("10:05:00");
        AttendanceVisit first = arrive();
        at("10:10:00");
        attendance.left(first);
        at("10:11:30");
        AttendanceVisit second = arrive();
        at("10:40:00");
        attendance.left(second);

        assertThat(second.intervalId()).isEqualTo(first.intervalId());
        assertThat(intervals(alex)).singleElement().satisfies(row -> {
            assertThat(row.joined()).isEqualTo(t("10:05:00"));
            assertThat(row.left()).isEqualTo(t("10:40:00"));
        });
    }

    @Test
    void a_lost_connection_reconnected_within_the_grace_period_is_one_interval_even_after_the_sweep() {
        at("10:05:00");
        AttendanceVisit first = arrive();
        at("10:05:30");
        attendance.stillHere(first);
        // the connection drops: no more heartbeats, and the sweep finds the page silent
        at("10:07:05");
        attendance.closeAbandoned();
        assertThat(intervals(alex)).singleElement().extracting(Row::left).isEqualTo(t("10:05:30"));

        at("10:07:20");
        AttendanceVisit again = arrive();
        at("10:30:00");
        attendance.left(again);

        assertThat(again.intervalId()).isEqualTo(first.intervalId());
        assertThat(intervals(alex)).singleElement().satisfies(row -> {
            assertThat(row.joined()).isEqualTo(t("10:05:00"));
            assertThat(row.left()).isEqualTo(t("10:30:00"));
        });
    }

    @Test
    void coming_back_after_the_grace_period_starts_a_second_interval() {
        at("10:05:00");
        AttendanceVisit first = arrive();
        at("10:10:00");
        attendance.left(first);
        at("10:12:01");
        AttendanceVisit second = arrive();
        at("10:20:00");
        attendance.left(second);

        assertThat(second.intervalId()).isNotEqualTo(first.intervalId());
        assertThat(intervals(alex)).extracting(Row::joined, Row::left).containsExactly(
                org.assertj.core.groups.Tuple.tuple(t("10:05:00"), t("10:10:00")),
                org.assertj.core.groups.Tuple.tuple(t("10:12:01"), t("10:20:00")));
    }

    @Test
    void two_tabs_opened_together_share_one_interval() {
        at("10:05:00");
        AttendanceVisit one = arrive();
        AttendanceVisit two = arrive();

        assertThat(two.intervalId()).isEqualTo(one.intervalId());
        assertThat(intervals(alex)).hasSize(1);
    }

    @Test
    void after_a_crash_or_restart_open_intervals_are_closed_at_their_last_sign_of_life() {
        at("10:05:00");
        AttendanceVisit visit = arrive();
        at("10:06:00");
        attendance.stillHere(visit);
        // the app dies; it starts again at 10:20 and sweeps on start-up
        at("10:20:00");
        attendance.closeAbandoned();

        assertThat(intervals(alex)).singleElement().satisfies(row -> {
            assertThat(row.joined()).isEqualTo(t("10:05:00"));
            assertThat(row.left()).isEqualTo(t("10:06:00"));
        });
    }

    @Test
    void an_open_interval_silent_for_longer_than_the_grace_period_is_not_continued() {
        at("10:05:00");
        AttendanceVisit first = arrive();
        // no sweep has run yet (say the only node was down); the person opens the page again much later
        at("10:30:00");
        AttendanceVisit second = arrive();

        assertThat(second.intervalId()).isNotEqualTo(first.intervalId());
        assertThat(intervals(alex)).extracting(Row::joined, Row::left).containsExactly(
                org.assertj.core.groups.Tuple.tuple(t("10:05:00"), t("10:05:00")),
                org.assertj.core.groups.Tuple.tuple(t("10:30:00"), null));
    }

    @Test
    void a_heartbeat_after_a_long_pause_does_not_count_the_gap() {
        at("10:05:00");
        AttendanceVisit visit = arrive();
        long firstInterval = visit.intervalId();
        // the laptop slept for ten minutes, then the page carries on
        at("10:15:00");
        assertThat(attendance.stillHere(visit)).isTrue();

        assertThat(visit.intervalId()).isNotEqualTo(firstInterval);
        assertThat(intervals(alex)).extracting(Row::joined, Row::left).containsExactly(
                org.assertj.core.groups.Tuple.tuple(t("10:05:00"), t("10:05:00")),
                org.assertj.core.groups.Tuple.tuple(t("10:15:00"), null));
    }

    @Test
    void the_end_of_the_session_closes_intervals_at_the_end() {
        ConveneUser sam = data.user();
        AccountFixtures.actAs(sam);
        at("10:51:00");
        AttendanceVisit samVisit = attendance.arrived(session).orElseThrow();
        AccountFixtures.actAs(alex);
        at("10:59:00");
        AttendanceVisit alexVisit = arrive();
        at("10:59:40");
        attendance.stillHere(alexVisit);
        // Sam's page went quiet at 10:51 (no heartbeat since); Alex's was heard 20 seconds before the end
        at("11:01:00");
        attendance.closeAbandoned();

        assertThat(intervals(alex)).singleElement().extracting(Row::left).isEqualTo(END);
        assertThat(intervals(sam)).singleElement().extracting(Row::left).isEqualTo(t("10:51:00"));
        assertThat(attendance.stillHere(alexVisit)).as("nothing is recorded after the end").isFalse();
        assertThat(samVisit.intervalId()).isPositive();
    }

    @Test
    void leaving_after_the_end_is_recorded_as_leaving_at_the_end() {
        at("10:50:00");
        AttendanceVisit visit = arrive();
        at("11:03:00");
        attendance.left(visit);

        assertThat(intervals(alex)).singleElement().extracting(Row::left).isEqualTo(END);
    }

    @Test
    void a_visit_cannot_touch_someone_elses_interval() {
        at("10:05:00");
        AttendanceVisit visit = arrive();
        AttendanceVisit forged = new AttendanceVisit(session, data.user().id(), visit.intervalId());
        at("10:06:00");
        attendance.left(forged);

        assertThat(intervals(alex)).singleElement().extracting(Row::left).isNull();
    }

    @Test
    void retention_deletes_attendance_that_ended_before_the_period_and_nothing_else() {
        clock.set(Instant.parse("2033-06-01T12:00:00Z"));
        Instant cutoff = Instant.parse("2033-06-01T12:00:00Z").minus(Duration.ofDays(365));
        long old = insert(alex, cutoff.minusSeconds(3600), cutoff.minusSeconds(1));
        long straddling = insert(alex, cutoff.minusSeconds(3600), cutoff.plusSeconds(1));
        long recent = insert(alex, cutoff.plusSeconds(86_400), cutoff.plusSeconds(90_000));
        db.insertInto(AGENDA_ITEM).set(AGENDA_ITEM.USER_ID, alex.id()).set(AGENDA_ITEM.SESSION_ID, session)
                .set(AGENDA_ITEM.ADDED_AT, START).execute();

        assertThat(attendance.applyRetention()).isGreaterThanOrEqualTo(1);

        assertThat(intervals(alex)).extracting(Row::id).containsExactly(straddling, recent).doesNotContain(old);
        assertThat(db.fetchCount(AGENDA_ITEM, AGENDA_ITEM.USER_ID.eq(alex.id()))).as("registrations stay").isEqualTo(1);
    }

    @Test
    void an_attendee_downloads_and_deletes_only_their_own_attendance() throws Exception {
        ConveneUser sam = data.user();
        insert(alex, t("10:05:00"), t("10:35:30"));
        insert(alex, t("10:40:00"), t("10:50:00"));
        insert(sam, t("10:00:00"), t("11:00:00"));

        List<MyAttendance> mine = attendance.myAttendance();
        assertThat(mine).extracting(MyAttendance::joinedAt).containsExactly(t("10:05:00"), t("10:40:00"));
        assertThat(mine.getFirst().sessionTitle()).isEqualTo("Planning care together");

        StringWriter csv = new StringWriter();
        assertThat(attendance.writeMyAttendanceCsv(csv)).isEqualTo(2);
        String[] lines = csv.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("Conference,Session,Session id,Joined (UTC),Left (UTC),Minutes");
        assertThat(lines[1]).endsWith(",Planning care together," + session + ",2031-03-10T10:05:00Z,2031-03-10T10:35:30Z,30.5");
        assertThat(lines).hasSize(3);

        assertThat(attendance.deleteMyAttendance()).isEqualTo(2);
        assertThat(intervals(alex)).isEmpty();
        assertThat(intervals(sam)).hasSize(1);
    }

    @Test
    void names_are_kept_out_of_reports_until_the_attendee_agrees() {
        assertThat(attendance.namedInReports()).isFalse();
        attendance.setNamedInReports(true);
        assertThat(attendance.namedInReports()).isTrue();
        attendance.setNamedInReports(false);
        assertThat(attendance.namedInReports()).isFalse();
    }

    private long insert(ConveneUser user, Instant joined, Instant left) {
        return db.insertInto(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.SESSION_ID, session).set(ATTENDANCE_INTERVAL.USER_ID, user.id())
                .set(ATTENDANCE_INTERVAL.JOINED_AT, joined)
                .set(ATTENDANCE_INTERVAL.LEFT_AT, left)
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, left)
                .returning(ATTENDANCE_INTERVAL.ID).fetchSingle().getId();
    }

    @Test
    void joining_a_conference_that_asks_for_an_account_needs_someone_signed_in() {
        db.update(CONFERENCE).set(CONFERENCE.JOIN_NEEDS_ACCOUNT, true)
                .where(CONFERENCE.ID.in(select(PROGRAMME_SESSION.CONFERENCE_ID).from(PROGRAMME_SESSION)
                        .where(PROGRAMME_SESSION.ID.eq(session)))).execute();
        at("10:05:00");

        assertThat(attendance.join(session)).isInstanceOf(JoinOutcome.Meeting.class);
        SecurityContextHolder.clearContext();
        assertThat(attendance.join(session)).isInstanceOf(JoinOutcome.SignInFirst.class);
    }

    @Test
    void a_stored_link_that_is_not_a_web_address_is_reported_and_no_arrival_recorded() {
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.JOIN_URL, "https://meet example org/room")
                .where(PROGRAMME_SESSION.ID.eq(session)).execute();
        at("10:05:00");

        assertThat(attendance.join(session)).isInstanceOf(JoinOutcome.LinkBroken.class);
        assertThat(intervals(alex)).isEmpty();
    }
}
