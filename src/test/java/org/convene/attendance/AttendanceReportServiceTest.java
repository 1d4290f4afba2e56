package org.convene.attendance;

import org.convene.IntegrationTest;
import org.convene.QueryLog;
import org.convene.TestClock;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.convene.qa.QuestionState;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.QUESTION;
import static org.convene.db.Tables.QUESTION_VOTE;

/**
 * Every report figure on a small hand-made week whose answers were worked out by hand:
 *
 * <pre>
 * Monday   A 10:00-11:00 (host H1)  u1 10:00-10:30 + 10:35-11:00 (55 min, named), u2 10:10-10:40 (30),
 *                                   u3 10:20-11:00 (40), u4 10:50-10:55 (5); registered u1 u2 u5 u6
 *          B 10:30-11:30 (host H1)  u1 10:30-11:30 (60), u5 10:45-11:00 (15); registered u1 u3
 * Tuesday  C 10:00-10:40 (host H2)  u2 10:00-10:40 (40), u3 10:05-10:38 (33), u4 09:50-10:10 (10 once
 *                                   clamped to the start); nobody registered
 * </pre>
 */
@IntegrationTest
class AttendanceReportServiceTest {

    private static final LocalDate MONDAY = LocalDate.of(2031, 11, 10);

    @Autowired
    AttendanceReportService reports;
    @Autowired
    AttendanceService attendance;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    DSLContext db;
    @Autowired
    QueryLog queryLog;

    ProgrammeFixture fixture;
    ConferenceSummary week;
    HostRef h1;
    HostRef h2;
    long a;
    long b;
    long c;
    ConveneUser u1;
    ConveneUser u2;
    ConveneUser u3;
    ConveneUser u4;
    ConveneUser u5;
    ConveneUser u6;
    ConveneUser organiser;

    @BeforeEach
    void week() {
        fixture = new ProgrammeFixture(db);
        week = fixture.conference("Report week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        h1 = fixture.host("Carers Together");
        h2 = fixture.host("Deaf Voices");
        // A and B have places, so their agendas are registrations and their no-shows count; C takes everyone
        a = fixture.session(week, "Session A").at(t("10T10:00"), t("10T11:00")).host(h1).capacity(20).create();
        b = fixture.session(week, "Session B").at(t("10T10:30"), t("10T11:30")).host(h1).capacity(20).create();
        c = fixture.session(week, "Session C").at(t("11T10:00"), t("11T10:40")).host(h2).create();
        u1 = data.user();
        u2 = data.user();
        u3 = data.user();
        u4 = data.user();
        u5 = data.user();
        u6 = data.user();
        db.update(APP_USER).set(APP_USER.NAMED_IN_REPORTS, true).where(APP_USER.ID.eq(u1.id())).execute();

        stay(a, u1, "10T10:00", "10T10:30");
        stay(a, u1, "10T10:35", "10T11:00");
        stay(a, u2, "10T10:10", "10T10:40");
        stay(a, u3, "10T10:20", "10T11:00");
        stay(a, u4, "10T10:50", "10T10:55");
        stay(b, u1, "10T10:30", "10T11:30");
        stay(b, u5, "10T10:45", "10T11:00");
        stay(c, u2, "11T10:00", "11T10:40");
        stay(c, u3, "11T10:05", "11T10:38");
        stay(c, u4, "11T09:50", "11T10:10");
        register(a, u1, u2, u5, u6);
        register(b, u1, u3);

        long q1 = question(a, "ANSWERED");
        long q2 = question(a, "ANSWERED");
        question(a, "APPROVED");
        question(c, "PENDING");
        vote(q1, u2, u3, u4, u5);
        vote(q2, u6);

        organiser = data.user(Role.ORGANISER);
        AccountFixtures.actAs(organiser);
    }

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        clock.reset();
        fixture.cleanUp();
    }

    private static Instant t(String dayAndTime) {
        return Instant.parse("2031-11-" + dayAndTime + ":00Z");
    }

    private void stay(long session, ConveneUser user, String from, String to) {
        db.insertInto(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.SESSION_ID, session).set(ATTENDANCE_INTERVAL.USER_ID, user.id())
                .set(ATTENDANCE_INTERVAL.JOINED_AT, t(from))
                .set(ATTENDANCE_INTERVAL.LEFT_AT, t(to))
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, t(to))
                .execute();
    }

    private void register(long session, ConveneUser... users) {
        for (ConveneUser user : users) {
            db.insertInto(AGENDA_ITEM).set(AGENDA_ITEM.USER_ID, user.id()).set(AGENDA_ITEM.SESSION_ID, session)
                    .set(AGENDA_ITEM.ADDED_AT, t("01T12:00")).execute();
        }
    }

    private long question(long session, String state) {
        return db.insertInto(QUESTION).set(QUESTION.SESSION_ID, session).set(QUESTION.TEXT, "How do I join in?")
                .set(QUESTION.STATE, QuestionState.valueOf(state)).set(QUESTION.CREATED_AT, t("10T10:15"))
                .set(QUESTION.UPDATED_AT, t("10T10:15"))
                .returning(QUESTION.ID).fetchSingle().getId();
    }

    private void vote(long question, ConveneUser... voters) {
        for (ConveneUser voter : voters) {
            db.insertInto(QUESTION_VOTE).set(QUESTION_VOTE.QUESTION_ID, question).set(QUESTION_VOTE.USER_ID, voter.id())
                    .set(QUESTION_VOTE.CREATED_AT, t("10T10:16")).execute();
        }
    }

    private SessionFigures figures(long session) {
        return reports.sessionReport(session, 5).orElseThrow().figures();
    }

    @Test
    void a_session_report_has_the_figures_worked_out_by_hand() {
        SessionFigures fa = figures(a);
        assertThat(fa.registered()).isEqualTo(4);
        assertThat(fa.attended()).isEqualTo(4);
        assertThat(fa.noShows()).isEqualTo(2);
        assertThat(fa.noShowRate()).isEqualTo(0.5);
        assertThat(fa.peakConcurrent()).isEqualTo(3);
        assertThat(fa.peakAt()).isEqualTo(t("10T10:20"));
        assertThat(fa.medianMinutes()).isCloseTo(35.0, within(1e-9));
        assertThat(fa.meanMinutes()).isCloseTo(32.5, within(1e-9));
        assertThat(fa.metRule()).as("only u1's 55 minutes reach 51 of 60").isEqualTo(1);
        assertThat(fa.metRuleShare()).isEqualTo(0.25);
        assertThat(fa.attendeeMinutes()).isCloseTo(130.0, within(1e-9));
        assertThat(fa.questionsAsked()).isEqualTo(3);
        assertThat(fa.questionsAnswered()).isEqualTo(2);
        assertThat(fa.votes()).isEqualTo(5);
        assertThat(fa.hostName()).isEqualTo(h1.name());

        SessionFigures fc = figures(c);
        assertThat(fc.attended()).isEqualTo(3);
        assertThat(fc.registered()).isZero();
        assertThat(fc.noShowRate()).as("no registrations, no rate").isNull();
        assertThat(fc.peakConcurrent()).isEqualTo(3);
        assertThat(fc.peakAt()).isEqualTo(t("11T10:05"));
        assertThat(fc.medianMinutes()).as("u4's early arrival counts from the start").isCloseTo(33.0, within(1e-9));
        assertThat(fc.attendeeMinutes()).isCloseTo(83.0, within(1e-9));
        assertThat(fc.metRule()).as("u3's 33 minutes fall short of 34").isEqualTo(1);
        assertThat(fc.questionsAsked()).isEqualTo(1);
        assertThat(fc.questionsAnswered()).isZero();
    }

    @Test
    void no_shows_count_only_for_sessions_with_places_or_approval_and_follow_a_change_of_either() {
        register(c, u1, u5);

        SessionReport walkIn = reports.sessionReport(c, 5).orElseThrow();
        assertThat(walkIn.figures().registered()).isEqualTo(2);
        assertThat(walkIn.figures().noShows()).as("u1 and u5 never came, but C has no places").isZero();
        assertThat(walkIn.noShowsCounted()).isFalse();
        assertThat(reports.overview(week.slug()).orElseThrow().noShows()).isEqualTo(3);
        assertThat(reports.sessionReport(a, 5).orElseThrow().noShowsCounted()).isTrue();

        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.REGISTRATION_NEEDS_APPROVAL, true)
                .where(PROGRAMME_SESSION.ID.eq(c)).execute();

        SessionReport approved = reports.sessionReport(c, 5).orElseThrow();
        assertThat(approved.figures().noShows()).as("worked out again on reading").isEqualTo(2);
        assertThat(approved.noShowsCounted()).isTrue();
        assertThat(reports.overview(week.slug()).orElseThrow().noShows()).isEqualTo(5);

        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.CAPACITY, (Integer) null)
                .where(PROGRAMME_SESSION.ID.eq(a)).execute();
        assertThat(figures(a).noShows()).as("A without places no longer counts u5 and u6").isZero();
    }

    @Test
    void the_chart_series_gives_the_most_people_present_in_each_bucket() {
        SessionReport report = reports.sessionReport(a, 5).orElseThrow();
        assertThat(report.series()).extracting(ConcurrencyPoint::mostPresent)
                .containsExactly(1, 1, 2, 2, 3, 3, 2, 3, 2, 2, 3, 2);
        assertThat(report.series().getFirst().bucketStart()).isEqualTo(t("10T10:00"));
        assertThat(report.series().getLast().bucketStart()).isEqualTo(t("10T10:55"));

        List<ConcurrencyPoint> minutes = reports.sessionReport(a, 1).orElseThrow().series();
        assertThat(minutes).hasSize(60);
        assertThat(minutes.get(29).mostPresent()).isEqualTo(3);
        assertThat(minutes.get(30).mostPresent()).as("u1 left at 10:30").isEqualTo(2);
        assertThat(minutes.get(59).mostPresent()).isEqualTo(2);
    }

    @Test
    void the_overview_has_the_figures_worked_out_by_hand() {
        ConferenceOverview overview = reports.overview(week.slug()).orElseThrow();
        assertThat(overview.uniqueAttendees()).isEqualTo(5);
        assertThat(overview.days()).containsExactly(
                new DayFigures(MONDAY, 5, 205.0), new DayFigures(MONDAY.plusDays(1), 3, 83.0));
        assertThat(overview.attendeeMinutes()).isCloseTo(288.0, within(1e-9));
        assertThat(overview.peakConcurrent()).as("u1 in A and B, u2, u3 and u4 at 10:50").isEqualTo(5);
        assertThat(overview.peakAt()).isEqualTo(t("10T10:50"));
        assertThat(overview.registered()).isEqualTo(6);
        assertThat(overview.noShows()).isEqualTo(3);
        assertThat(overview.noShowRate()).isEqualTo(0.5);
        assertThat(overview.questionsAsked()).isEqualTo(4);
        assertThat(overview.questionsAnswered()).isEqualTo(2);
        assertThat(overview.sessions()).isEqualTo(3);
        assertThat(overview.hosts()).extracting(ReportHost::name).containsExactly(h1.name(), h2.name());

        assertThat(reports.sessionRanking(week.id(), 0, 10)).extracting(SessionFigures::sessionId)
                .containsExactly(a, c, b);
        assertThat(reports.sessionRanking(week.id(), 1, 1)).extracting(SessionFigures::sessionId).containsExactly(c);
        List<SessionFigures> ranked = reports.sessionRanking(week.id(), 0, 10);
        assertThat(ranked.getFirst()).as("each session's own question counts, read for all sessions at once")
                .extracting(SessionFigures::questionsAsked, SessionFigures::questionsAnswered, SessionFigures::votes)
                .containsExactly(3, 2, 5);
        assertThat(ranked.stream().mapToInt(SessionFigures::questionsAsked).sum()).isEqualTo(4);
        assertThat(reports.sessionCount(week.id())).isEqualTo(3);
    }

    @Test
    void a_host_report_adds_up_its_sessions() {
        HostReport report = reports.hostReport(week.slug(), h1.id()).orElseThrow();
        assertThat(report.sessions()).extracting(SessionFigures::sessionId).containsExactly(a, b);
        assertThat(report.registered()).isEqualTo(6);
        assertThat(report.attendances()).isEqualTo(6);
        assertThat(report.uniqueAttendees()).isEqualTo(5);
        assertThat(report.noShows()).isEqualTo(3);
        assertThat(report.attendeeMinutes()).isCloseTo(205.0, within(1e-9));
        assertThat(report.questionsAsked()).isEqualTo(3);
        assertThat(report.votes()).isEqualTo(5);

        assertThat(reports.hostReport(week.slug(), h2.id()).orElseThrow().uniqueAttendees()).isEqualTo(3);
        assertThat(reports.hostReport(week.slug(), Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void attendee_lists_name_only_people_who_agreed_and_number_the_others() {
        List<AttendeeRow> rows = reports.attendees(a, 0, 10);
        assertThat(rows).extracting(AttendeeRow::label).containsExactly(
                u1.displayName(), "Attendee 1", "Attendee 2", u1.displayName(), "Attendee 3");
        assertThat(rows).extracting(AttendeeRow::named).containsExactly(true, false, false, true, false);
        assertThat(rows.get(1).joinedAt()).isEqualTo(t("10T10:10"));
        assertThat(rows.get(1).minutes()).isEqualTo(30.0);
        assertThat(rows).noneMatch(row -> row.label().equals(u2.displayName()) || row.label().equals(u4.displayName()));

        assertThat(reports.attendeeRowCount(a)).isEqualTo(5);
        assertThat(reports.attendees(a, 3, 10)).extracting(AttendeeRow::label)
                .containsExactly(u1.displayName(), "Attendee 3");
        for (int offset = 0; offset < rows.size(); offset++) {
            assertThat(reports.attendees(a, offset, 1)).as("a page of one at %d numbers as the whole list", offset)
                    .containsExactly(rows.get(offset));
        }
    }

    @Test
    void figures_follow_a_deletion_and_a_new_registration() {
        assertThat(figures(a).attended()).isEqualTo(4);
        assertThat(reports.overview(week.slug()).orElseThrow().uniqueAttendees()).isEqualTo(5);

        AccountFixtures.actAs(u4);
        attendance.deleteMyAttendance();
        register(a, u4);
        AccountFixtures.actAs(organiser);

        SessionFigures after = figures(a);
        assertThat(after.attended()).isEqualTo(3);
        assertThat(after.registered()).isEqualTo(5);
        assertThat(after.noShows()).isEqualTo(3);
        ConferenceOverview overview = reports.overview(week.slug()).orElseThrow();
        assertThat(overview.uniqueAttendees()).isEqualTo(4);
        assertThat(overview.days()).extracting(DayFigures::uniqueAttendees).containsExactly(4, 2);
    }

    @Test
    void reports_are_read_without_writing_and_rank_every_session_in_one_statement() {
        List<String> sessionReport = queryLog.during(() -> reports.sessionReport(a, 5));
        List<String> ranking = queryLog.during(() -> reports.sessionRanking(week.id(), 0, 10));
        List<String> overview = queryLog.during(() -> reports.overview(week.slug()));

        for (List<String> statements : List.of(sessionReport, ranking, overview)) {
            assertThat(statements).as("no cache, no claim, no lock: a report only reads")
                    .noneMatch(sql -> sql.matches("(?is)\\s*(insert|update|delete|lock)\\b.*"));
        }
        assertThat(ranking).as("the figures of all three sessions come from one statement")
                .filteredOn(sql -> sql.contains("attendance_presence")).hasSize(1);
    }

    @Test
    void the_ranking_has_the_same_figures_as_each_session_report() {
        for (SessionFigures ranked : reports.sessionRanking(week.id(), 0, 10)) {
            assertThat(ranked).usingRecursiveComparison().ignoringFields("computedAt")
                    .isEqualTo(figures(ranked.sessionId()));
        }
    }

    @Test
    void reports_are_refused_to_anyone_but_organisers() {
        AccountFixtures.actAs(u1);
        assertThatThrownBy(() -> reports.overview(week.slug())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.sessionReport(a, 5)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.attendees(a, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.hostReport(week.slug(), h1.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.writeCsv(AttendanceReportService.Table.CONFERENCE_INTERVALS, week.id(), null,
                new StringWriter(), AttendanceReportService.Progress.NONE)).isInstanceOf(AccessDeniedException.class);
        AccountFixtures.actAs(data.user(Role.FACILITATOR));
        assertThatThrownBy(() -> reports.overview(week.slug())).isInstanceOf(AccessDeniedException.class);
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> reports.overview(week.slug())).isInstanceOf(CurrentUser.NotSignedInException.class);
    }

    private ConveneUser coordinatorOf(HostRef host) {
        ConveneUser coordinator = data.user(Role.HOST);
        fixture.coordinate(coordinator, host.id(), t("01T09:00"));
        return coordinator;
    }

    private long csv(AttendanceReportService.Table table, long id) throws Exception {
        return reports.writeCsv(table, id, week.slug(), new StringWriter(), AttendanceReportService.Progress.NONE);
    }

    @Test
    void a_host_coordinator_reads_their_own_organisations_reports_and_downloads() throws Exception {
        AccountFixtures.actAs(coordinatorOf(h1));

        assertThat(reports.myHostReports()).containsExactly(new HostReportLink(week.slug(), week.name(),
                week.firstDay(), week.lastDay(), h1.id(), h1.name()));
        assertThat(reports.hostReport(week.slug(), h1.id()).orElseThrow().sessions())
                .extracting(SessionFigures::sessionId).containsExactlyInAnyOrder(a, b);
        assertThat(figures(a).attended()).isEqualTo(4);
        assertThat(reports.attendees(b, 0, 10)).hasSize(2);
        assertThat(reports.attendeeRowCount(b)).isEqualTo(2);
        assertThat(reports.rowCount(AttendanceReportService.Table.SESSION_ATTENDEES, a)).isEqualTo(5);
        assertThat(csv(AttendanceReportService.Table.HOST_SESSIONS, h1.id())).isEqualTo(2);
        assertThat(csv(AttendanceReportService.Table.SESSION_FIGURES, a)).isEqualTo(18);
        assertThat(csv(AttendanceReportService.Table.SESSION_SERIES, a)).isEqualTo(60);
        assertThat(csv(AttendanceReportService.Table.SESSION_ATTENDEES, a)).isEqualTo(5);
    }

    @Test
    void a_host_coordinator_is_refused_other_hosts_and_the_conference_wide_reports() {
        AccountFixtures.actAs(coordinatorOf(h1));
        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> refused = List.of(
                () -> reports.sessionReport(c, 5),
                () -> reports.attendees(c, 0, 10),
                () -> reports.attendeeRowCount(c),
                () -> reports.hostReport(week.slug(), h2.id()),
                () -> reports.overview(week.slug()),
                () -> reports.sessionRanking(week.id(), 0, 10),
                () -> reports.sessionCount(week.id()),
                () -> reports.rowCount(AttendanceReportService.Table.CONFERENCE_INTERVALS, week.id()),
                () -> reports.rowCount(AttendanceReportService.Table.SESSION_ATTENDEES, c),
                () -> csv(AttendanceReportService.Table.HOST_SESSIONS, h2.id()),
                () -> csv(AttendanceReportService.Table.SESSION_FIGURES, c),
                () -> csv(AttendanceReportService.Table.SESSION_SERIES, c),
                () -> csv(AttendanceReportService.Table.SESSION_ATTENDEES, c),
                () -> csv(AttendanceReportService.Table.CONFERENCE_DAYS, week.id()),
                () -> csv(AttendanceReportService.Table.CONFERENCE_SESSIONS, week.id()),
                () -> csv(AttendanceReportService.Table.CONFERENCE_INTERVALS, week.id()));
        for (var call : refused) {
            assertThatThrownBy(call).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void the_host_role_alone_without_an_organisation_opens_nothing() {
        AccountFixtures.actAs(data.user(Role.HOST));
        assertThat(reports.myHostReports()).isEmpty();
        assertThatThrownBy(() -> reports.hostReport(week.slug(), h1.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.sessionReport(a, 5)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> csv(AttendanceReportService.Table.SESSION_ATTENDEES, a))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_raw_interval_export_streams_every_interval_with_names_only_by_consent() throws Exception {
        StringWriter out = new StringWriter();
        List<long[]> progress = new ArrayList<>();
        long rows = reports.writeCsv(AttendanceReportService.Table.CONFERENCE_INTERVALS, week.id(), null, out,
                (done, total) -> progress.add(new long[]{done, total}));

        assertThat(rows).isEqualTo(10);
        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("Session id,Session,Attendee,Named with consent,Joined (UTC),Left (UTC),Last seen (UTC),Minutes");
        assertThat(lines).hasSize(11);
        assertThat(lines).contains(a + ",Session A," + u1.displayName() + ",yes,2031-11-10T10:00:00Z,2031-11-10T10:30:00Z,2031-11-10T10:30:00Z,30.0");
        assertThat(lines).contains(a + ",Session A,Attendee 2,no,2031-11-10T10:20:00Z,2031-11-10T11:00:00Z,2031-11-10T11:00:00Z,40.0");
        assertThat(out.toString()).doesNotContain(u2.displayName(), u3.displayName(), u4.displayName(), u5.displayName());
        assertThat(progress.getLast()).containsExactly(10, 10);
    }

    @Test
    void report_tables_download_as_csv() throws Exception {
        StringWriter sessions = new StringWriter();
        reports.writeCsv(AttendanceReportService.Table.CONFERENCE_SESSIONS, week.id(), null, sessions,
                AttendanceReportService.Progress.NONE);
        String[] lines = sessions.toString().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).startsWith("Session A," + a + "," + h1.name() + ",2031-11-10T10:00:00Z,2031-11-10T11:00:00Z,4,4,2,3,35.0,32.5,1,130.0,3,2,5");

        StringWriter days = new StringWriter();
        reports.writeCsv(AttendanceReportService.Table.CONFERENCE_DAYS, week.id(), null, days,
                AttendanceReportService.Progress.NONE);
        assertThat(days.toString()).isEqualTo("Day,Different attendees,Attendee-minutes\r\n2031-11-10,5,205.0\r\n2031-11-11,3,83.0\r\n");

        StringWriter figures = new StringWriter();
        reports.writeCsv(AttendanceReportService.Table.SESSION_FIGURES, a, null, figures,
                AttendanceReportService.Progress.NONE);
        assertThat(figures.toString()).contains("No-show rate,50.0\r\n", "Met the attendance rule (85%),1\r\n");

        StringWriter series = new StringWriter();
        reports.writeCsv(AttendanceReportService.Table.SESSION_SERIES, a, null, series,
                AttendanceReportService.Progress.NONE);
        assertThat(series.toString().split("\r\n")).hasSize(61).contains("2031-11-10T10:30:00Z,2");

        StringWriter attendees = new StringWriter();
        reports.writeCsv(AttendanceReportService.Table.SESSION_ATTENDEES, a, null, attendees,
                AttendanceReportService.Progress.NONE);
        assertThat(attendees.toString().split("\r\n")).hasSize(6)
                .contains("Attendee 3,no,2031-11-10T10:50:00Z,2031-11-10T10:55:00Z,no,5.0");

        StringWriter host = new StringWriter();
        reports.writeCsv(AttendanceReportService.Table.HOST_SESSIONS, h2.id(), week.slug(), host,
                AttendanceReportService.Progress.NONE);
        assertThat(host.toString().split("\r\n")).hasSize(2);
    }

    @Test
    void text_that_a_spreadsheet_would_run_as_a_formula_is_defused() {
        assertThat(CsvTables.text("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(CsvTables.text("+44 20")).isEqualTo("'+44 20");
        assertThat(CsvTables.text("Plain")).isEqualTo("Plain");
    }

    @Test
    void shares_are_written_for_people() {
        assertThat(Rates.describe(1.0 / 7)).isEqualTo("14% (about 1 in 7)");
        assertThat(Rates.describe(0.5)).isEqualTo("50% (about 1 in 2)");
        assertThat(Rates.describe(2.0 / 3)).isEqualTo("67% (about 2 in 3)");
        assertThat(Rates.describe(0.0)).isEqualTo("0% (none)");
        assertThat(Rates.describe(null)).isEqualTo("no one to count");
    }
}
