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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/**
 * The presence kept as intervals change (db/V34: per person per session, per session per minute, per conference
 * day per person) always equals the same figures worked out from scratch from the intervals, through every way
 * intervals change: arriving, heartbeats, leaving, coming back within the grace period, the sweep, retention, a
 * person deleting their attendance, a removed account, a session moved in time and a conference's time zone.
 * And the reports, which add the people still there to the kept rows, equal each person's presence from scratch.
 */
@IntegrationTest
class KeptPresenceTest {

    private static final LocalDate MONDAY = LocalDate.of(2031, 11, 10);

    @Autowired
    AttendanceService attendance;
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
    @Autowired
    PlatformTransactionManager transactions;

    ProgrammeFixture fixture;
    ConferenceSummary week;
    long session;
    long later;
    ConveneUser alex;
    ConveneUser sam;
    ConveneUser organiser;

    @BeforeEach
    void week() {
        fixture = new ProgrammeFixture(db);
        week = fixture.conference("Kept week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        session = fixture.session(week, "Planning care together").at(t("10:00"), t("11:00")).capacity(20).create();
        later = fixture.session(week, "Easy read workshop").at(t("10:30"), t("11:30")).create();
        alex = data.user();
        sam = data.user();
        organiser = data.user(Role.ORGANISER);
    }

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        clock.reset();
        fixture.cleanUp();
    }

    private static Instant t(String time) {
        return Instant.parse("2031-11-10T" + (time.length() == 5 ? time + ":00" : time) + "Z");
    }

    private void at(String time) {
        clock.set(t(time));
    }

    private void stay(long sessionId, ConveneUser user, String from, String to) {
        db.insertInto(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.SESSION_ID, sessionId).set(ATTENDANCE_INTERVAL.USER_ID, user.id())
                .set(ATTENDANCE_INTERVAL.JOINED_AT, t(from)).set(ATTENDANCE_INTERVAL.LEFT_AT, t(to))
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, t(to))
                .execute();
    }

    private void register(long sessionId, ConveneUser... users) {
        for (ConveneUser user : users) {
            db.insertInto(AGENDA_ITEM).set(AGENDA_ITEM.USER_ID, user.id()).set(AGENDA_ITEM.SESSION_ID, sessionId)
                    .set(AGENDA_ITEM.ADDED_AT, t("09:00")).execute();
        }
    }

    private AttendanceVisit arrive(ConveneUser user, long sessionId) {
        AccountFixtures.actAs(user);
        return attendance.arrived(sessionId).orElseThrow();
    }

    /** The kept rows of this week, as text, in a fixed order. */
    private List<String> kept() {
        Long[] sessions = {session, later};
        List<String> rows = new java.util.ArrayList<>(db.resultQuery("""
                        select 'presence ' || session_id || ' ' || user_id || ' ' || day || ' ' || seconds || ' ' || minutes
                        from attendance_presence where session_id = any (?) order by session_id, user_id""", (Object) sessions)
                .fetch(r -> r.get(0, String.class)));
        rows.addAll(db.resultQuery("""
                        select 'minute ' || session_id || ' ' || minute || ' ' || arrivals || ' ' || departures
                        from attendance_minute where session_id = any (?) and (arrivals <> 0 or departures <> 0)
                        order by session_id, minute""", (Object) sessions)
                .fetch(r -> r.get(0, String.class)));
        rows.addAll(db.resultQuery("""
                        select 'day ' || day || ' ' || user_id || ' ' || sessions || ' ' || seconds
                        from attendance_day_person where conference_id = ? order by day, user_id""", week.id())
                .fetch(r -> r.get(0, String.class)));
        rows.addAll(db.resultQuery("""
                        select 'count ' || session_id || ' ' || registered || ' ' || registered_present
                        from attendance_session_count
                        where session_id = any (?) and (registered <> 0 or registered_present <> 0)
                        order by session_id""", (Object) sessions)
                .fetch(r -> r.get(0, String.class)));
        return rows;
    }

    /** The same rows worked out from scratch from the closed intervals. */
    private List<String> fromScratch() {
        Long[] sessions = {session, later};
        String scratch = """
                with p as (
                    select m.session_id, m.user_id, attendance_seconds(m.present) as seconds,
                           attendance_minutes(m.present) as minutes,
                           (ps.starts_at at time zone c.time_zone)::date as day
                    from attendance_presence_of(?, null, false) m
                    join programme_session ps on ps.id = m.session_id
                    join conference c on c.id = ps.conference_id
                )
                """;
        List<String> rows = new java.util.ArrayList<>(db.resultQuery(scratch + """
                        select 'presence ' || session_id || ' ' || user_id || ' ' || day || ' ' || seconds || ' ' || minutes
                        from p order by session_id, user_id""", (Object) sessions)
                .fetch(r -> r.get(0, String.class)));
        rows.addAll(db.resultQuery(scratch + """
                        select 'minute ' || session_id || ' ' || minute || ' ' || sum(a) || ' ' || sum(d)
                        from (select session_id, lower(r) as minute, 1 as a, 0 as d from p, unnest(p.minutes) r
                              union all
                              select session_id, upper(r), 0, 1 from p, unnest(p.minutes) r) x
                        group by session_id, minute order by session_id, minute""", (Object) sessions)
                .fetch(r -> r.get(0, String.class)));
        rows.addAll(db.resultQuery(scratch + """
                        select 'day ' || day || ' ' || user_id || ' ' || count(*) || ' ' || sum(seconds)
                        from p group by day, user_id order by day, user_id""", (Object) sessions)
                .fetch(r -> r.get(0, String.class)));
        rows.addAll(db.resultQuery(scratch + """
                        select 'count ' || a.session_id || ' ' || count(*) || ' ' || count(p.user_id)
                        from agenda_item a
                        left join p on p.session_id = a.session_id and p.user_id = a.user_id
                        where a.session_id = any (?)
                        group by a.session_id order by a.session_id""", sessions, sessions)
                .fetch(r -> r.get(0, String.class)));
        return rows;
    }

    /** Kept equals from scratch, and the reports (kept plus people still there) equal presence from scratch. */
    private void assertKeptMatchesFromScratch() {
        // one snapshot for both reads: the background sweep may close intervals between two statements
        TransactionTemplate snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        snapshot.executeWithoutResult(tx -> assertThat(kept()).isEqualTo(fromScratch()));
        AccountFixtures.actAs(organiser);
        int registered = 0;
        int noShows = 0;
        java.util.Set<Long> everyone = new java.util.HashSet<>();
        double minutes = 0;
        // per conference day (the day each session starts in the conference's zone): its people and minutes
        java.util.Map<LocalDate, java.util.Set<Long>> dayPeople = new java.util.TreeMap<>();
        java.util.Map<LocalDate, Double> dayMinutes = new java.util.TreeMap<>();
        for (long id : List.of(session, later)) {
            List<PersonPresence> people = presence.presenceAt(id);
            people.forEach(p -> everyone.add(p.userId()));
            double sessionMinutes = people.stream().mapToLong(p -> p.present().toSeconds()).sum() / 60.0;
            minutes += sessionMinutes;
            if (!people.isEmpty()) {
                LocalDate day = db.resultQuery("""
                                select (ps.starts_at at time zone c.time_zone)::date from programme_session ps
                                join conference c on c.id = ps.conference_id where ps.id = ?""", id)
                        .fetchSingle(r -> r.get(0, LocalDate.class));
                people.forEach(p -> dayPeople.computeIfAbsent(day, d -> new java.util.HashSet<>()).add(p.userId()));
                dayMinutes.merge(day, sessionMinutes, Double::sum);
            }
            List<Long> present = people.stream().map(PersonPresence::userId).toList();
            List<Long> agenda = db.select(AGENDA_ITEM.USER_ID).from(AGENDA_ITEM).where(AGENDA_ITEM.SESSION_ID.eq(id))
                    .fetch(AGENDA_ITEM.USER_ID);
            // registrations and no-shows count only where adding took a place (places or approval)
            boolean takesPlaces = db.fetchExists(db.selectFrom(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.eq(id),
                    PROGRAMME_SESSION.CAPACITY.isNotNull().or(PROGRAMME_SESSION.REGISTRATION_NEEDS_APPROVAL)));
            int sessionNoShows = takesPlaces ? (int) agenda.stream().filter(user -> !present.contains(user)).count() : 0;
            if (takesPlaces) {
                registered += agenda.size();
            }
            noShows += sessionNoShows;
            SessionFigures f = reports.sessionReport(id, 1).orElseThrow().figures();
            assertThat(f.registered()).isEqualTo(agenda.size());
            assertThat(f.noShows()).isEqualTo(sessionNoShows);
            assertThat(f.attended()).isEqualTo(people.size());
            assertThat(f.attendeeMinutes()).isCloseTo(
                    people.stream().mapToLong(p -> p.present().toSeconds()).sum() / 60.0, within(1e-6));
            assertThat(f.metRule()).isEqualTo((int) people.stream().filter(PersonPresence::metRule).count());
        }
        for (SessionFigures ranked : reports.sessionRanking(week.id(), 0, 10)) {
            assertThat(ranked).as("the ranking's one statement and the session's report agree")
                    .usingRecursiveComparison().ignoringFields("computedAt")
                    .isEqualTo(reports.sessionReport(ranked.sessionId(), 1).orElseThrow().figures());
        }
        ConferenceOverview overview = reports.overview(week.slug()).orElseThrow();
        assertThat(overview.uniqueAttendees()).isEqualTo(everyone.size());
        assertThat(overview.attendeeMinutes()).isCloseTo(minutes, within(1e-6));
        assertThat(overview.days()).extracting(DayFigures::day).containsExactlyElementsOf(dayPeople.keySet());
        for (DayFigures day : overview.days()) {
            assertThat(day.uniqueAttendees()).isEqualTo(dayPeople.get(day.day()).size());
            assertThat(day.attendeeMinutes()).isCloseTo(dayMinutes.get(day.day()), within(1e-6));
        }
        assertThat(overview.registered()).isEqualTo(registered);
        assertThat(overview.noShows()).isEqualTo(noShows);
    }

    @Test
    void arriving_heartbeats_leaving_and_coming_back_within_the_grace_period_keep_the_same_figures() {
        register(session, alex, organiser);
        // steps less than 90 seconds apart, so the background sweep finds nobody silent
        at("10:05");
        AttendanceVisit alexVisit = arrive(alex, session);
        assertKeptMatchesFromScratch();
        at("10:05:30");
        assertThat(attendance.stillHere(alexVisit)).isTrue();
        at("10:06");
        AttendanceVisit samVisit = arrive(sam, session);
        assertKeptMatchesFromScratch();
        at("10:06:30");
        attendance.left(alexVisit);
        assertKeptMatchesFromScratch();
        at("10:07");
        AttendanceVisit again = arrive(alex, session);
        assertThat(again.intervalId()).as("reopened within the grace period").isEqualTo(alexVisit.intervalId());
        assertKeptMatchesFromScratch();
        at("10:07:30");
        attendance.left(again);
        attendance.left(samVisit);
        stay(session, sam, "10:07", "10:58");
        assertKeptMatchesFromScratch();

        AccountFixtures.actAs(organiser);
        SessionFigures f = reports.sessionReport(session, 1).orElseThrow().figures();
        assertThat(f.attended()).isEqualTo(2);
        assertThat(f.attendeeMinutes()).as("alex 10:05-10:07:30, sam 10:06-10:58 with the phone call merged")
                .isCloseTo(2.5 + 52.0, within(1e-6));
        assertThat(f.peakConcurrent()).isEqualTo(2);
    }

    @Test
    void the_sweep_closing_what_nobody_closed_keeps_the_same_figures() {
        at("10:05");
        AttendanceVisit visit = arrive(alex, session);
        at("10:06");
        assertThat(attendance.stillHere(visit)).isTrue();
        at("10:35");
        arrive(sam, later);
        assertKeptMatchesFromScratch();
        at("11:45");
        attendance.closeAbandoned();
        assertKeptMatchesFromScratch();
        assertThat(kept()).anyMatch(row -> row.startsWith("presence " + session + " " + alex.id()));
    }

    @Test
    void retention_deleting_my_attendance_and_a_removed_account_take_their_presence_away() {
        stay(session, alex, "10:00", "10:30");
        stay(session, alex, "10:20", "10:50");
        stay(later, alex, "10:30", "11:00");
        stay(session, sam, "10:10", "10:20");
        ConveneUser leaving = data.user();
        stay(session, leaving, "10:00", "11:00");
        stay(later, leaving, "10:45", "11:30");
        register(session, alex, sam, leaving, organiser);
        register(later, leaving);
        assertKeptMatchesFromScratch();
        db.deleteFrom(AGENDA_ITEM).where(AGENDA_ITEM.USER_ID.eq(organiser.id())).execute();
        assertKeptMatchesFromScratch();

        AccountFixtures.actAs(sam);
        attendance.deleteMyAttendance();
        assertKeptMatchesFromScratch();
        assertThat(kept()).noneMatch(row -> row.contains(" " + sam.id() + " "));

        db.deleteFrom(APP_USER).where(APP_USER.ID.eq(leaving.id())).execute();
        assertKeptMatchesFromScratch();
        assertThat(kept()).noneMatch(row -> row.contains(" " + leaving.id() + " "));

        clock.set(t("11:30").plus(Duration.ofDays(400)));
        attendance.applyRetention();
        assertThat(kept()).as("only the registrations are left").allMatch(row -> row.startsWith("count "));
        assertKeptMatchesFromScratch();
    }

    @Test
    void a_session_moved_in_time_and_a_new_time_zone_keep_the_same_figures() {
        stay(session, alex, "10:00", "10:40");
        stay(session, sam, "09:50", "10:15");
        stay(later, sam, "10:30", "11:30");
        assertKeptMatchesFromScratch();

        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.STARTS_AT, t("10:10"))
                .set(PROGRAMME_SESSION.ENDS_AT, t("10:30")).where(PROGRAMME_SESSION.ID.eq(session)).execute();
        assertKeptMatchesFromScratch();
        AccountFixtures.actAs(organiser);
        assertThat(reports.sessionReport(session, 1).orElseThrow().figures().attendeeMinutes())
                .as("alex 20 minutes and sam 5 inside the new times").isCloseTo(25.0, within(1e-6));

        db.update(CONFERENCE).set(CONFERENCE.TIME_ZONE, java.time.ZoneId.of("Pacific/Kiritimati"))
                .where(CONFERENCE.ID.eq(week.id())).execute();
        assertKeptMatchesFromScratch();
        assertThat(kept()).anyMatch(row -> row.startsWith("day " + MONDAY.plusDays(1)));
    }

    @Test
    void an_interval_changed_by_hand_keeps_the_same_figures() {
        stay(session, alex, "10:00", "10:40");
        db.update(ATTENDANCE_INTERVAL).set(ATTENDANCE_INTERVAL.LEFT_AT, t("10:20"))
                .set(ATTENDANCE_INTERVAL.JOINED_AT, t("10:05"))
                .where(ATTENDANCE_INTERVAL.USER_ID.eq(alex.id())).execute();
        assertKeptMatchesFromScratch();
        db.update(ATTENDANCE_INTERVAL).set(ATTENDANCE_INTERVAL.SESSION_ID, later)
                .where(ATTENDANCE_INTERVAL.USER_ID.eq(alex.id())).execute();
        assertKeptMatchesFromScratch();
        assertThat(kept()).noneMatch(row -> row.startsWith("presence " + session + " "));
    }
}
