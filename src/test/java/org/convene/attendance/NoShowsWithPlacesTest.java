package org.convene.attendance;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/**
 * Registrations and no-shows count only over sessions where adding took a place (places, or the hosts' approval):
 * in the conference overview, the host report, each session's row and every CSV, following each session's current
 * setting.
 *
 * <pre>
 * P  places (10), host H1   registered u1 u2 u3; u1 came          -> 2 no-shows of 3
 * W  no places,   host H1   registered u1 u4;    u4 came          -> not counted
 * Q  approval,    host H2   registered u5;       nobody came      -> 1 no-show of 1
 * </pre>
 */
@IntegrationTest
class NoShowsWithPlacesTest {

    private static final LocalDate MONDAY = LocalDate.of(2031, 11, 10);

    @Autowired
    AttendanceReportService reports;
    @Autowired
    TestData data;
    @Autowired
    DSLContext db;

    ProgrammeFixture fixture;
    ConferenceSummary week;
    HostRef h1;
    HostRef h2;
    long p;
    long w;
    long q;

    @BeforeEach
    void week() {
        fixture = new ProgrammeFixture(db);
        week = fixture.conference("Places week", "Europe/London", MONDAY, MONDAY.plusDays(2));
        h1 = fixture.host("Carers Together");
        h2 = fixture.host("Deaf Voices");
        p = fixture.session(week, "Session P").at(t("10:00"), t("11:00")).host(h1).capacity(10).create();
        w = fixture.session(week, "Session W").at(t("12:00"), t("13:00")).host(h1).create();
        q = fixture.session(week, "Session Q").at(t("14:00"), t("15:00")).host(h2).create();
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.REGISTRATION_NEEDS_APPROVAL, true)
                .where(PROGRAMME_SESSION.ID.eq(q)).execute();
        ConveneUser u1 = data.user();
        ConveneUser u2 = data.user();
        ConveneUser u3 = data.user();
        ConveneUser u4 = data.user();
        ConveneUser u5 = data.user();
        register(p, u1, u2, u3);
        register(w, u1, u4);
        register(q, u5);
        stay(p, u1, "10:00", "10:50");
        stay(w, u4, "12:00", "12:30");
        AccountFixtures.actAs(data.user(Role.ORGANISER));
    }

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        fixture.cleanUp();
    }

    private static Instant t(String time) {
        return Instant.parse("2031-11-10T" + time + ":00Z");
    }

    private void register(long session, ConveneUser... users) {
        for (ConveneUser user : users) {
            db.insertInto(AGENDA_ITEM).set(AGENDA_ITEM.USER_ID, user.id()).set(AGENDA_ITEM.SESSION_ID, session)
                    .set(AGENDA_ITEM.ADDED_AT, Instant.parse("2031-11-01T12:00:00Z")).execute();
        }
    }

    private void stay(long session, ConveneUser user, String from, String to) {
        db.insertInto(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.SESSION_ID, session).set(ATTENDANCE_INTERVAL.USER_ID, user.id())
                .set(ATTENDANCE_INTERVAL.JOINED_AT, t(from)).set(ATTENDANCE_INTERVAL.LEFT_AT, t(to))
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, t(to))
                .execute();
    }

    private void places(long session, Integer capacity) {
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.CAPACITY, capacity)
                .where(PROGRAMME_SESSION.ID.eq(session)).execute();
    }

    private SessionFigures row(long session) {
        return reports.sessionRanking(week.id(), 0, 10).stream().filter(f -> f.sessionId() == session)
                .findFirst().orElseThrow();
    }

    private String csv(AttendanceReportService.Table table, long id) throws IOException {
        StringWriter out = new StringWriter();
        reports.writeCsv(table, id, week.slug(), out, AttendanceReportService.Progress.NONE);
        return out.toString();
    }

    @Test
    void the_overview_counts_registrations_and_no_shows_only_at_sessions_with_places() {
        ConferenceOverview overview = reports.overview(week.slug()).orElseThrow();
        assertThat(overview.noShowsCounted()).isTrue();
        assertThat(overview.registered()).as("P's 3 and Q's 1; W's 2 agendas are bookmarks").isEqualTo(4);
        assertThat(overview.noShows()).isEqualTo(3);
        assertThat(overview.noShowRate()).isEqualTo(0.75);
    }

    @Test
    void a_host_report_counts_registrations_and_no_shows_only_at_its_sessions_with_places() {
        HostReport report = reports.hostReport(week.slug(), h1.id()).orElseThrow();
        assertThat(report.noShowsCounted()).isTrue();
        assertThat(report.registered()).as("P's 3, not W's 2").isEqualTo(3);
        assertThat(report.noShows()).isEqualTo(2);
        assertThat(report.noShowRate()).isEqualTo(2.0 / 3);
        assertThat(report.sessions()).extracting(SessionFigures::noShowsCounted).containsExactly(true, false);

        HostReport approval = reports.hostReport(week.slug(), h2.id()).orElseThrow();
        assertThat(approval.registered()).isEqualTo(1);
        assertThat(approval.noShowRate()).isEqualTo(1.0);
    }

    @Test
    void a_session_without_places_has_no_no_show_figure_and_no_rate_in_its_row() {
        SessionFigures walkIn = row(w);
        assertThat(walkIn.noShowsCounted()).isFalse();
        assertThat(walkIn.registered()).as("still the agendas it is on").isEqualTo(2);
        assertThat(walkIn.noShows()).isZero();
        assertThat(walkIn.noShowRate()).isNull();
        assertThat(row(p).noShowRate()).isEqualTo(2.0 / 3);
        assertThat(row(q).noShowsCounted()).as("approval takes a place too").isTrue();
    }

    @Test
    void the_csvs_leave_the_no_shows_of_a_session_without_places_empty_and_say_why_in_the_last_column()
            throws IOException {
        List<String> sessions = List.of(csv(AttendanceReportService.Table.CONFERENCE_SESSIONS, week.id())
                .split("\r\n"));
        assertThat(sessions.getFirst()).isEqualTo("Session,Session id,Host,Starts (UTC),Ends (UTC),Registered,"
                + "Attended,No-shows,Peak concurrent,Median minutes,Mean minutes,Met the attendance rule (85%),"
                + "Attendee-minutes,Questions asked,Questions answered,Votes,No-shows counted");
        assertThat(sessions).anySatisfy(line -> assertThat(line)
                .startsWith("Session W," + w + "," + h1.name() + ",2031-11-10T12:00:00Z,2031-11-10T13:00:00Z,2,1,,1,")
                .endsWith(",no (no places)"));
        assertThat(sessions).anySatisfy(line -> assertThat(line)
                .startsWith("Session P," + p + "," + h1.name() + ",2031-11-10T10:00:00Z,2031-11-10T11:00:00Z,3,1,2,1,")
                .endsWith(",yes"));

        String host = csv(AttendanceReportService.Table.HOST_SESSIONS, h1.id());
        assertThat(host.split("\r\n")).hasSize(3).anySatisfy(line -> assertThat(line)
                .startsWith("Session W,").contains(",2,1,,1,").endsWith(",no (no places)"));

        String walkIn = csv(AttendanceReportService.Table.SESSION_FIGURES, w);
        assertThat(walkIn).contains("\r\nRegistered,2\r\n", "\r\nNo-shows,\r\n", "\r\nNo-show rate,\r\n")
                .endsWith("\r\nNo-shows counted,no (no places)\r\n");
        assertThat(csv(AttendanceReportService.Table.SESSION_FIGURES, p))
                .contains("\r\nNo-shows,2\r\n", "\r\nNo-show rate,66.7\r\n").endsWith("\r\nNo-shows counted,yes\r\n");
    }

    @Test
    void a_conference_where_no_session_had_places_counts_no_registrations_and_no_rate() {
        ConferenceSummary open = fixture.conference("Open week", "Europe/London", MONDAY, MONDAY);
        long walkIn = fixture.session(open, "Open session").at(t("10:00"), t("11:00")).create();
        register(walkIn, data.user(), data.user());

        ConferenceOverview overview = reports.overview(open.slug()).orElseThrow();
        assertThat(overview.noShowsCounted()).isFalse();
        assertThat(overview.registered()).isZero();
        assertThat(overview.noShows()).isZero();
        assertThat(overview.noShowRate()).isNull();
    }

    @Test
    void a_session_changed_to_no_places_after_people_registered_follows_its_current_setting_and_back() {
        // read first, so the figures are cached when the setting changes
        assertThat(reports.sessionReport(p, 5).orElseThrow().figures().noShows()).isEqualTo(2);
        assertThat(reports.overview(week.slug()).orElseThrow().registered()).isEqualTo(4);

        places(p, null);
        SessionReport nowOpen = reports.sessionReport(p, 5).orElseThrow();
        assertThat(nowOpen.noShowsCounted()).isFalse();
        assertThat(nowOpen.figures().noShows()).isZero();
        assertThat(nowOpen.figures().noShowRate()).isNull();
        assertThat(nowOpen.figures().registered()).as("the agendas stay").isEqualTo(3);
        ConferenceOverview overview = reports.overview(week.slug()).orElseThrow();
        assertThat(overview.registered()).as("only Q's").isEqualTo(1);
        assertThat(overview.noShows()).isEqualTo(1);
        HostReport host = reports.hostReport(week.slug(), h1.id()).orElseThrow();
        assertThat(host.noShowsCounted()).as("neither P nor W has places now").isFalse();
        assertThat(host.registered()).isZero();
        assertThat(host.noShowRate()).isNull();

        places(p, 10);
        places(w, 5);
        assertThat(reports.sessionReport(p, 5).orElseThrow().figures().noShows()).isEqualTo(2);
        SessionFigures nowKept = reports.sessionReport(w, 5).orElseThrow().figures();
        assertThat(nowKept.noShowsCounted()).isTrue();
        assertThat(nowKept.noShows()).as("u1 had W on their agenda and never came").isEqualTo(1);
        overview = reports.overview(week.slug()).orElseThrow();
        assertThat(overview.registered()).isEqualTo(6);
        assertThat(overview.noShows()).isEqualTo(4);
        assertThat(reports.hostReport(week.slug(), h1.id()).orElseThrow().registered()).isEqualTo(5);
    }
}
