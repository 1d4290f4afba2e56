package org.convene.attendance;

import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;

/** Marking people who joined by phone: who may, and which times are accepted. */
@IntegrationTest
class PhoneJoinServiceTest {

    @Autowired
    PhoneJoinService phone;
    @Autowired
    TestData data;
    @Autowired
    DSLContext db;
    @Autowired
    TestClock clock;
    @Autowired
    AttendanceService attendance;

    AttendanceFixture fixture;
    ConveneUser facilitator;
    ConveneUser caller;

    @BeforeEach
    void setUp() {
        fixture = new AttendanceFixture(db);
        facilitator = fixture.programme.user("Fay Facilitator");
        data.facilitate(fixture.session, facilitator);
        caller = fixture.programme.user("Carl Caller");
        clock.set(Instant.parse("2031-11-10T12:00:00Z"));
        AccountFixtures.actAs(facilitator);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        clock.reset();
        fixture.cleanUp();
    }

    private Map<String, String> problems(SaveResult<Long> result) {
        assertThat(result).isInstanceOf(SaveResult.Invalid.class);
        return ((SaveResult.Invalid<Long>) result).problems();
    }

    @Test
    void a_facilitator_marks_a_phone_join_which_becomes_a_closed_phone_interval() {
        SaveResult<Long> result = phone.mark(fixture.session, caller.id(), "10:05", "10.50am");

        assertThat(result).isInstanceOf(SaveResult.Saved.class);
        var row = db.selectFrom(ATTENDANCE_INTERVAL).where(ATTENDANCE_INTERVAL.USER_ID.eq(caller.id())).fetchSingle();
        assertThat(row.getSource()).isEqualTo(PresenceSource.PHONE);
        assertThat(row.getJoinedAt()).isEqualTo(Instant.parse("2031-11-10T10:05:00Z"));
        assertThat(row.getLeftAt()).isEqualTo(Instant.parse("2031-11-10T10:50:00Z"));
        assertThat(row.getLastSeenAt()).isEqualTo(row.getLeftAt());
        assertThat(phone.phoneJoins(fixture.session)).extracting(PhoneJoin::name, PhoneJoin::recordedBy)
                .containsExactly(tuple("Carl Caller", "Fay Facilitator"));
    }

    @Test
    void someone_who_deleted_their_attendance_is_not_marked_at_an_earlier_session() {
        AccountFixtures.actAs(caller);
        attendance.deleteMyAttendance();
        AccountFixtures.actAs(facilitator);

        assertThat(problems(phone.mark(fixture.session, caller.id(), "10:05", "10:50")))
                .containsEntry(PhoneJoinService.PERSON, AttendanceImportService.WITHDRAWN);
    }

    @Test
    void joining_in_the_ten_minutes_before_the_start_counts_from_the_start() {
        phone.mark(fixture.session, caller.id(), "9:55", "10:30");

        assertThat(phone.phoneJoins(fixture.session).getFirst().joinedAt()).isEqualTo(Instant.parse("2031-11-10T10:00:00Z"));
    }

    @Test
    void times_outside_the_session_or_in_the_wrong_order_are_refused_with_clear_messages() {
        assertThat(problems(phone.mark(fixture.session, caller.id(), "9:00", "11:30"))).containsExactly(
                Map.entry(PhoneJoinService.JOINED, "The time they joined must be from 9.50am to 11am, when the "
                        + "session ran."),
                Map.entry(PhoneJoinService.LEFT, "The time they left must be from 9.50am to 11am, when the "
                        + "session ran."));
        assertThat(problems(phone.mark(fixture.session, caller.id(), "10:30", "10:10"))).containsExactly(
                Map.entry(PhoneJoinService.LEFT, "The time they left must be after the time they joined."));
        assertThat(problems(phone.mark(fixture.session, null, "half ten", ""))).containsExactly(
                Map.entry(PhoneJoinService.PERSON, "Choose the person who joined by phone."),
                Map.entry(PhoneJoinService.JOINED, "The time they joined must be a time, like 10:05 or 2.30pm."),
                Map.entry(PhoneJoinService.LEFT, "Enter the time they left, like 10:05 or 2.30pm."));
    }

    @Test
    void a_leave_time_still_to_come_is_refused() {
        clock.set(Instant.parse("2031-11-10T10:20:00Z"));

        assertThat(problems(phone.mark(fixture.session, caller.id(), "10:05", "10:45"))).containsExactly(
                Map.entry(PhoneJoinService.LEFT, "The time they left has not come yet. Mark them once they have left."));
    }

    @Test
    void host_coordinators_and_organisers_may_mark_and_remove_phone_joins() {
        AccountFixtures.actAs(fixture.programme.coordinator(fixture.host));
        long id = ((SaveResult.Saved<Long>) phone.mark(fixture.session, caller.id(), "10:05", "10:45")).value();
        AccountFixtures.actAs(fixture.programme.organiser());

        phone.remove(fixture.session, id);

        assertThat(phone.phoneJoins(fixture.session)).isEmpty();
    }

    @Test
    void attendees_and_facilitators_of_other_sessions_may_not() {
        AccountFixtures.actAs(caller);
        assertThat(phone.mayMark(fixture.session)).isFalse();
        assertThatThrownBy(() -> phone.mark(fixture.session, caller.id(), "10:05", "10:45"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only the session's facilitators, its host organisation or an organiser may mark people "
                        + "who joined by phone.");
        long other = fixture.otherHostsSession(fixture.programme.host("Elsewhere"));
        AccountFixtures.actAs(facilitator);
        assertThatThrownBy(() -> phone.phoneJoins(other)).isInstanceOf(AccessDeniedException.class);
    }
}
