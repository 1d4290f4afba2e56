package org.convene.organising;

import org.convene.agenda.AgendaEntry;
import org.convene.agenda.AgendaNotice;
import org.convene.programme.SessionStatus;

import org.convene.agenda.AgendaService;
import org.convene.agenda.CalendarService;
import org.convene.exchange.ScheduleExportService;
import org.convene.exchange.ScheduleFormat;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.db.Tables.PROGRAMME_SESSION;

@IntegrationTest
class SessionChangeServiceTest {

    private static final LocalDate MONDAY = LocalDate.of(2032, 11, 22);

    @Autowired
    SessionChangeService changes;
    @Autowired
    AgendaService agenda;
    @Autowired
    CalendarService calendars;
    @Autowired
    ScheduleExportService exports;
    @Autowired
    DSLContext db;
    @Autowired
    TestClock clock;

    ProgrammeFixture fixture;
    ConferenceSummary week;
    HostRef carers;
    HostRef council;
    long morning;
    long clashing;
    ConveneUser organiser;

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        week = fixture.conference("Changes week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        carers = fixture.host("Carers Together");
        council = fixture.host("Northshire Council");
        morning = fixture.session(week, "Caring at home").at(at(1, 10), at(1, 11)).host(carers)
                .joinUrl("https://meet.example.org/care").create();
        clashing = fixture.session(week, "Housing clinic").at(at(1, 10), at(1, 12)).host(council).create();
        organiser = fixture.account("Olu Organiser", Role.ORGANISER);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        clock.reset();
        fixture.cleanUp();
    }

    private LocalDateTime at(int day, int hour) {
        return MONDAY.plusDays(day).atTime(hour, 0);
    }

    private Instant instant(int day, int hour) {
        return at(day, hour).atZone(week.timeZone()).toInstant();
    }

    private int version(long sessionId) {
        return db.select(PROGRAMME_SESSION.VERSION).from(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.eq(sessionId))
                .fetchSingle().value1();
    }

    /** A move as the session editor or an import makes it: a new time and a new version. */
    private void move(long sessionId, int day, int startHour, int endHour) {
        db.update(PROGRAMME_SESSION)
                .set(PROGRAMME_SESSION.STARTS_AT, instant(day, startHour))
                .set(PROGRAMME_SESSION.ENDS_AT, instant(day, endHour))
                .set(PROGRAMME_SESSION.VERSION, PROGRAMME_SESSION.VERSION.plus(1))
                .where(PROGRAMME_SESSION.ID.eq(sessionId)).execute();
    }

    @Test
    void cancelling_tells_only_people_with_the_session_on_their_agenda_with_the_reason() {
        ConveneUser ada = fixture.user("Ada");
        ConveneUser bo = fixture.user("Bo");
        AccountFixtures.actAs(ada);
        agenda.add(morning);
        AccountFixtures.actAs(bo);
        agenda.add(clashing);

        AccountFixtures.actAs(organiser);
        int before = version(morning);
        clock.set(instant(0, 9));
        assertThat(changes.status(morning).onAgendas()).isEqualTo(1);
        assertThat(changes.cancel(morning, before, "  The speaker is unwell  "))
                .isEqualTo(new SessionChangeResult.Done(before + 1));
        assertThat(changes.status(morning).cancelledAt()).isEqualTo(instant(0, 9));

        AccountFixtures.actAs(ada);
        List<AgendaNotice> notices = agenda.myNotices();
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(AgendaNotice.Kind.CANCELLED);
            assertThat(n.sessionId()).isEqualTo(morning);
            assertThat(n.reason()).isEqualTo("The speaker is unwell");
        });
        AccountFixtures.actAs(bo);
        assertThat(agenda.myNotices()).isEmpty();
    }

    @Test
    void a_move_is_news_with_the_old_and_new_times_and_dismissing_it_keeps_it_dismissed() {
        ConveneUser ada = fixture.user("Ada");
        AccountFixtures.actAs(ada);
        agenda.add(morning);

        move(morning, 2, 14, 15);

        AgendaNotice notice = agenda.myNotices().getFirst();
        assertThat(notice.kind()).isEqualTo(AgendaNotice.Kind.MOVED);
        assertThat(notice.wasStartsAt()).isEqualTo(instant(1, 10));
        assertThat(notice.wasEndsAt()).isEqualTo(instant(1, 11));
        assertThat(notice.nowStartsAt()).isEqualTo(instant(2, 14));
        assertThat(notice.nowEndsAt()).isEqualTo(instant(2, 15));
        assertThat(notice.zone()).isEqualTo(week.timeZone());

        assertThat(agenda.dismiss(notice)).isTrue();
        assertThat(agenda.myNotices()).isEmpty();

        move(morning, 3, 9, 10);
        AgendaNotice again = agenda.myNotices().getFirst();
        assertThat(again.wasStartsAt()).as("the time Ada last knew").isEqualTo(instant(2, 14));
    }

    @Test
    void changes_before_someone_added_the_session_are_not_news_to_them() {
        move(morning, 2, 14, 15);
        AccountFixtures.actAs(organiser);
        changes.cancel(morning, version(morning), null);
        changes.restore(morning, version(morning));

        ConveneUser late = fixture.user("Late");
        AccountFixtures.actAs(late);
        agenda.add(morning);

        assertThat(agenda.myNotices()).isEmpty();
    }

    @Test
    void several_unseen_changes_make_one_notice_from_the_time_last_known_to_the_latest_state() {
        AccountFixtures.actAs(fixture.user("Ada"));
        agenda.add(morning);
        move(morning, 2, 14, 15);
        move(morning, 3, 14, 15);

        assertThat(agenda.myNotices()).singleElement().satisfies(n -> {
            assertThat(n.wasStartsAt()).isEqualTo(instant(1, 10));
            assertThat(n.nowStartsAt()).isEqualTo(instant(3, 14));
        });
    }

    @Test
    void restoring_clears_the_cancellation_and_tells_those_who_had_it() {
        ConveneUser ada = fixture.user("Ada");
        AccountFixtures.actAs(ada);
        agenda.add(morning);
        AccountFixtures.actAs(organiser);
        changes.cancel(morning, version(morning), "Unwell");
        int cancelledVersion = version(morning);

        assertThat(changes.restore(morning, cancelledVersion)).isEqualTo(new SessionChangeResult.Done(cancelledVersion + 1));
        SessionStatus status = changes.status(morning);
        assertThat(status.cancelled()).isFalse();
        assertThat(status.cancellationReason()).isNull();

        AccountFixtures.actAs(ada);
        assertThat(agenda.myNotices()).singleElement()
                .extracting(AgendaNotice::kind).isEqualTo(AgendaNotice.Kind.RESTORED);
    }

    @Test
    void a_stale_cancel_or_restore_is_a_conflict_and_a_long_reason_is_refused() {
        AccountFixtures.actAs(organiser);
        int loaded = version(morning);
        move(morning, 2, 14, 15);

        assertThat(changes.cancel(morning, loaded, null)).isInstanceOf(SessionChangeResult.Conflict.class);
        assertThat(changes.restore(morning, version(morning))).as("not cancelled")
                .isInstanceOf(SessionChangeResult.Conflict.class);
        assertThat(changes.cancel(morning, version(morning), "x".repeat(501)))
                .isEqualTo(new SessionChangeResult.Invalid("Reason must be 500 characters or fewer"));
        assertThat(changes.status(morning).cancelled()).isFalse();
    }

    @Test
    void only_organisers_and_the_sessions_own_host_may_cancel() {
        ConveneUser councilHost = coordinatorOf(council);
        AccountFixtures.actAs(councilHost);
        assertThatThrownBy(() -> changes.cancel(morning, version(morning), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> changes.status(morning)).isInstanceOf(AccessDeniedException.class);
        AccountFixtures.actAs(fixture.user("Ada"));
        assertThatThrownBy(() -> changes.restore(morning, version(morning))).isInstanceOf(AccessDeniedException.class);

        AccountFixtures.actAs(coordinatorOf(carers));
        assertThat(changes.cancel(morning, version(morning), null)).isInstanceOf(SessionChangeResult.Done.class);
    }

    @Test
    void someone_cannot_dismiss_a_notice_with_another_sessions_change() {
        AccountFixtures.actAs(fixture.user("Ada"));
        agenda.add(morning);
        agenda.add(clashing);
        move(clashing, 2, 14, 15);
        move(morning, 2, 9, 10);
        AgendaNotice aboutMorning = agenda.myNotices().stream().filter(n -> n.sessionId() == morning).findFirst()
                .orElseThrow();
        AgendaNotice forged = new AgendaNotice(aboutMorning.changeId(), clashing, "x", AgendaNotice.Kind.MOVED,
                aboutMorning.wasStartsAt(), aboutMorning.wasEndsAt(), aboutMorning.nowStartsAt(),
                aboutMorning.nowEndsAt(), week.timeZone(), null);

        assertThat(agenda.dismiss(forged)).isFalse();
        assertThat(agenda.myNotices()).hasSize(2);
    }

    @Test
    void a_cancelled_session_clashes_with_nothing_on_the_agenda() {
        AccountFixtures.actAs(fixture.user("Ada"));
        agenda.add(morning);
        agenda.add(clashing);
        assertThat(AgendaService.clashes(agenda.myAgenda())).hasSize(1);

        AccountFixtures.actAs(organiser);
        changes.cancel(morning, version(morning), null);
        AccountFixtures.actAs(fixture.user("Bo"));
        agenda.add(morning);
        agenda.add(clashing);

        assertThat(AgendaService.clashes(agenda.myAgenda())).isEmpty();
        assertThat(agenda.myAgenda()).filteredOn(AgendaEntry::cancelled).extracting(AgendaEntry::sessionId)
                .containsExactly(morning);
    }

    @Test
    void icalendar_says_cancelled_and_raises_the_sequence_on_cancel_and_on_move() throws Exception {
        int first = sequence(morning);
        assertThat(status(morning)).isEqualTo("CONFIRMED");

        AccountFixtures.actAs(organiser);
        changes.cancel(morning, version(morning), "Unwell");
        assertThat(status(morning)).isEqualTo("CANCELLED");
        assertThat(sequence(morning)).isEqualTo(first + 1);

        changes.restore(morning, version(morning));
        move(morning, 2, 14, 15);
        assertThat(status(morning)).isEqualTo("CONFIRMED");
        assertThat(sequence(morning)).isEqualTo(first + 3);

        changes.cancel(morning, version(morning), null);
        AccountFixtures.actAs(fixture.user("Ada"));
        agenda.add(morning);
        agenda.add(clashing);
        String token = calendars.renewFeed();
        Calendar feed = parse(calendars.feedCalendar(token).orElseThrow());
        assertThat(eventStatuses(feed)).containsEntry("session-" + morning + "@convene", "CANCELLED")
                .containsEntry("session-" + clashing + "@convene", "CONFIRMED");
        Calendar schedule = parse(exports.export(week.slug(), ScheduleFormat.ICS)
                .orElseThrow());
        assertThat(eventStatuses(schedule)).containsEntry("session-" + morning + "@convene", "CANCELLED");
        assertThat(event(schedule, morning).getProperty(Property.SEQUENCE).orElseThrow().getValue())
                .isEqualTo(Integer.toString(version(morning)));
    }

    @Test
    void schedule_app_exports_leave_cancelled_sessions_out() {
        AccountFixtures.actAs(organiser);
        changes.cancel(morning, version(morning), null);

        String xml = exports.export(week.slug(), ScheduleFormat.XML).orElseThrow();
        String json = exports.export(week.slug(), ScheduleFormat.JSON).orElseThrow();

        assertThat(xml).doesNotContain("Caring at home").contains("Housing clinic");
        assertThat(json).doesNotContain("Caring at home").contains("Housing clinic");
    }

    private ConveneUser coordinatorOf(HostRef host) {
        return fixture.coordinator("Hana Host", host);
    }

    private Calendar single(long sessionId) throws Exception {
        return parse(calendars.sessionCalendar(sessionId).orElseThrow());
    }

    private int sequence(long sessionId) throws Exception {
        return Integer.parseInt(event(single(sessionId), sessionId).getProperty(Property.SEQUENCE).orElseThrow().getValue());
    }

    private String status(long sessionId) throws Exception {
        return event(single(sessionId), sessionId).getProperty(Property.STATUS).orElseThrow().getValue();
    }

    private static VEvent event(Calendar calendar, long sessionId) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getProperty(Property.UID).orElseThrow().getValue().equals("session-" + sessionId + "@convene"))
                .findFirst().orElseThrow();
    }

    private static java.util.Map<String, String> eventStatuses(Calendar calendar) {
        java.util.Map<String, String> statuses = new java.util.HashMap<>();
        calendar.<VEvent>getComponents("VEVENT").forEach(e -> statuses.put(
                e.getProperty(Property.UID).orElseThrow().getValue(),
                e.getProperty(Property.STATUS).orElseThrow().getValue()));
        return statuses;
    }

    private static Calendar parse(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().hasErrors()).as("valid iCalendar").isFalse();
        return calendar;
    }

    @Test
    void a_cancellation_reason_with_a_nul_is_refused_and_nothing_is_cancelled() {
        AccountFixtures.actAs(organiser);
        assertThat(changes.cancel(morning, version(morning), "Speaker\u0000unwell"))
                .isEqualTo(new SessionChangeResult.Invalid("The reason contains a character that cannot be stored (a control character). Remove it and try again."));
        assertThat(changes.status(morning).cancelled()).isFalse();
    }
}
