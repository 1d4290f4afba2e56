package org.convene.attendance.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.core.security.ConveneUser;
import org.convene.timetable.ui.HomeView;
import org.convene.timetable.ui.SessionView;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;

/** The tracker as the session page uses it: recording while the page is open during the session. */
class AttendanceTrackerTest extends KaribuTest {

    private static final Instant START = Instant.parse("2031-06-02T10:00:00Z");

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;

    long session;
    ConveneUser alex;

    @BeforeEach
    void setUp() {
        long conference = data.conference("Europe/London", LocalDate.of(2031, 6, 2), LocalDate.of(2031, 6, 6));
        session = data.session(conference, "Easy read workshop", START, START.plusSeconds(3600));
        alex = data.user();
    }

    private void openSessionPage() {
        UI.getCurrent().navigate(SessionView.class, new RouteParameters("id", Long.toString(session)));
    }

    private static void poll() {
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
    }

    private Instant[] interval() {
        var row = db.select(ATTENDANCE_INTERVAL.JOINED_AT, ATTENDANCE_INTERVAL.LEFT_AT, ATTENDANCE_INTERVAL.LAST_SEEN_AT)
                .from(ATTENDANCE_INTERVAL).where(ATTENDANCE_INTERVAL.USER_ID.eq(alex.id())).fetchSingle();
        return new Instant[]{row.value1(), row.value2(), row.value3()};
    }

    @Test
    void an_open_page_records_from_opening_with_heartbeats_until_it_is_left() {
        login(alex);
        clock.set(START.plusSeconds(120));
        openSessionPage();

        AttendanceTracker tracker = _get(AttendanceTracker.class);
        assertThat(tracker.isVisible()).isTrue();
        assertThat(tracker.getElement().getTextRecursively()).contains("Convene records when you join and leave",
                "what we record and why");
        assertThat(interval()).containsExactly(START.plusSeconds(120), null, START.plusSeconds(120));

        clock.set(START.plusSeconds(155));
        poll();
        assertThat(interval()[2]).as("heartbeat").isEqualTo(START.plusSeconds(155));

        clock.set(START.plusSeconds(600));
        UI.getCurrent().navigate(HomeView.class);
        assertThat(interval()[1]).as("left when the page was left").isEqualTo(START.plusSeconds(600));
    }

    @Test
    void a_page_opened_before_the_start_begins_recording_when_the_session_starts() {
        login(alex);
        clock.set(START.minusSeconds(300));
        openSessionPage();
        assertThat(db.fetchCount(ATTENDANCE_INTERVAL, ATTENDANCE_INTERVAL.USER_ID.eq(alex.id()))).isZero();

        clock.set(START.plusSeconds(10));
        poll();
        assertThat(interval()[0]).isEqualTo(START.plusSeconds(10));
    }

    @Test
    void nothing_is_recorded_or_said_for_someone_not_signed_in() {
        clock.set(START.plusSeconds(120));
        openSessionPage();
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(AttendanceTracker.class)).as("hidden").isEmpty();
        assertThat(db.fetchCount(ATTENDANCE_INTERVAL, ATTENDANCE_INTERVAL.SESSION_ID.eq(session))).isZero();
    }
}
