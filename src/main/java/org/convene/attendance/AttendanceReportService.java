package org.convene.attendance;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;
import org.convene.programme.ProgrammePermissions;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Attendance reports: a conference overview, each session, each host organisation, and CSV exports of every
 * table and of the raw intervals. Organisers may read them all. A partner host's coordinators may read the
 * reports of their own organisations and of those organisations' sessions, and nothing else: every method checks
 * on the server through {@link ProgrammePermissions}, downloads included. Attendees are named only when they
 * agreed to be (their account's consent setting), and counted anonymously otherwise.
 *
 * Every figure counts each person's presence once (merged intervals of every source, db/V34) and judges it by the
 * conference's attendance rule. Figures are worked out on every read from presence kept as intervals change
 * (db/V34): a few thousand kept rows, so they are always up to date and nothing is cached.
 */
@Service
public class AttendanceReportService {

    /** Rows fetched from the database at a time while exporting: memory stays flat whatever the size. */
    static final int EXPORT_FETCH_SIZE = 2_000;

    private final AttendanceReportQueries queries;
    private final CurrentUser currentUser;
    private final ProgrammePermissions permissions;
    private final Clock clock;

    AttendanceReportService(AttendanceReportQueries queries, CurrentUser currentUser, ProgrammePermissions permissions,
                            Clock clock) {
        this.queries = queries;
        this.currentUser = currentUser;
        this.permissions = permissions;
        this.clock = clock;
    }

    private void requireOrganiser() {
        ConveneUser user = currentUser.require();
        if (!user.has(Role.ORGANISER)) {
            throw new AccessDeniedException("Attendance reports are for organisers.");
        }
    }

    /** Organisers, and coordinators of the session's host organisation. */
    private void requireSession(long sessionId) {
        ConveneUser user = currentUser.require();
        if (!permissions.mayManageSession(user, sessionId)) {
            throw new AccessDeniedException("You can only see the reports of your own organisation's sessions.");
        }
    }

    /** Organisers, and coordinators of this host organisation. */
    private void requireHost(long hostId) {
        ConveneUser user = currentUser.require();
        if (!permissions.mayManageSessionsOf(user, hostId)) {
            throw new AccessDeniedException("You can only see the reports of your own organisation.");
        }
    }

    /**
     * The reports the signed-in person may open from the reports index: for an organiser every host of every
     * conference is reachable from the conference reports, so this lists only a coordinator's own organisations
     * at each conference where they have sessions.
     */
    @Transactional(readOnly = true)
    public List<HostReportLink> myHostReports() {
        ConveneUser user = currentUser.require();
        java.util.Set<Long> hosts = permissions.coordinatedHostIds(user.id());
        if (hosts.isEmpty()) {
            return List.of();
        }
        return queries.hostReportLinks(hosts);
    }

    // --- the conference

    @Transactional(readOnly = true)
    public Optional<ConferenceOverview> overview(String slug) {
        requireOrganiser();
        return queries.conference(slug).map(this::overview);
    }

    private ConferenceOverview overview(ConferenceRef conference) {
        Instant now = clock.instant();
        AttendanceReportQueries.ConferenceCounts counts = queries.conferenceFigures(conference.id());
        List<AttendanceReportQueries.SessionInfo> sessions = queries.sessionsOf(conference.id(), null);
        List<Long> sessionIds = sessions.stream().map(AttendanceReportQueries.SessionInfo::id).toList();
        AttendanceReportQueries.QuestionCounts questions = sessionIds.isEmpty()
                ? new AttendanceReportQueries.QuestionCounts(0, 0, 0) : queries.questions(sessionIds);
        return new ConferenceOverview(conference, counts.uniqueAttendees(), counts.days(), counts.attendeeMinutes(),
                counts.peakConcurrent(), counts.peakAt(), counts.registered(), counts.noShows(), questions.asked(),
                questions.answered(), sessionIds.size(), queries.hostsOf(conference.id()), now,
                sessions.stream().anyMatch(AttendanceReportQueries.SessionInfo::takesPlaces));
    }

    /** The conference's sessions, most attended first (then by start): their figures in one statement. */
    @Transactional(readOnly = true)
    public List<SessionFigures> sessionRanking(long conferenceId, int offset, int limit) {
        requireOrganiser();
        return ranked(queries.sessionsOf(conferenceId, null), offset, limit);
    }

    public int sessionCount(long conferenceId) {
        requireOrganiser();
        return queries.sessionsOf(conferenceId, null).size();
    }

    private static final Comparator<SessionFigures> PROGRAMME_ORDER = Comparator
            .comparing(SessionFigures::startsAt).thenComparingLong(SessionFigures::sessionId);

    /**
     * A page of these sessions ranked (most attended first, then by start): the figures of every one of them in
     * one statement, which also ranks them, and the page's question counts in two grouped reads.
     */
    private List<SessionFigures> ranked(List<AttendanceReportQueries.SessionInfo> sessions, int offset, int limit) {
        Map<Long, AttendanceReportQueries.SessionInfo> byId = new HashMap<>();
        sessions.forEach(session -> byId.put(session.id(), session));
        List<AttendanceReportQueries.SessionCounts> page = queries.sessionFigures(byId.keySet(), offset, limit);
        Map<Long, AttendanceReportQueries.QuestionCounts> questions = queries.questionsBySession(
                page.stream().map(AttendanceReportQueries.SessionCounts::sessionId).toList());
        Instant now = clock.instant();
        List<SessionFigures> figures = new ArrayList<>();
        for (AttendanceReportQueries.SessionCounts counts : page) {
            AttendanceReportQueries.SessionInfo session = Objects.requireNonNull(byId.get(counts.sessionId()),
                    "the statement returns only the sessions it was given");
            figures.add(figures(session, counts,
                    questions.getOrDefault(session.id(), AttendanceReportQueries.QuestionCounts.NONE), now));
        }
        return figures;
    }

    private SessionFigures figures(AttendanceReportQueries.SessionInfo session) {
        return figures(session, queries.sessionFigures(session.id()));
    }

    private SessionFigures figures(AttendanceReportQueries.SessionInfo session,
                                   AttendanceReportQueries.SessionCounts counts) {
        return figures(session, counts, queries.questions(List.of(session.id())), clock.instant());
    }

    private static SessionFigures figures(AttendanceReportQueries.SessionInfo session,
                                          AttendanceReportQueries.SessionCounts counts,
                                          AttendanceReportQueries.QuestionCounts questions, Instant now) {
        return new SessionFigures(session.id(), session.title(), session.startsAt(), session.endsAt(),
                session.hostId(), session.hostName(), counts.registered(), counts.attended(), counts.noShows(),
                counts.peakConcurrent(), counts.peakAt(), counts.medianMinutes(), counts.meanMinutes(),
                counts.metRule(), counts.rulePercent(), counts.attendeeMinutes(), questions.asked(), questions.answered(),
                questions.votes(), now, session.takesPlaces());
    }

    // --- one session

    /** @param bucketMinutes 1 or 5: the chart's resolution */
    @Transactional(readOnly = true)
    public Optional<SessionReport> sessionReport(long sessionId, int bucketMinutes) {
        requireSession(sessionId);
        if (bucketMinutes != 1 && bucketMinutes != 5) {
            throw new IllegalArgumentException("Buckets are 1 or 5 minutes long.");
        }
        return queries.session(sessionId).map(session -> {
            AttendanceReportQueries.SessionCounts counts = queries.sessionFigures(sessionId);
            return new SessionReport(queries.conference(session.conferenceId()).orElseThrow(), figures(session, counts),
                    bucketMinutes, buckets(session.startsAt(), counts.perMinute(), bucketMinutes));
        });
    }

    /** The most present in each bucket is the most present in any of its minutes. */
    static List<ConcurrencyPoint> buckets(Instant start, List<Integer> perMinute, int bucketMinutes) {
        List<ConcurrencyPoint> points = new ArrayList<>();
        for (int first = 0; first < perMinute.size(); first += bucketMinutes) {
            int most = 0;
            for (int minute = first; minute < Math.min(perMinute.size(), first + bucketMinutes); minute++) {
                most = Math.max(most, perMinute.get(minute));
            }
            points.add(new ConcurrencyPoint(start.plusSeconds(60L * first), most));
        }
        return points;
    }

    /** One page of the session's attendance, oldest first; names only with consent. */
    @Transactional(readOnly = true)
    public List<AttendeeRow> attendees(long sessionId, int offset, int limit) {
        requireSession(sessionId);
        return queries.attendees(sessionId, offset, limit);
    }

    public int attendeeRowCount(long sessionId) {
        requireSession(sessionId);
        return queries.attendeeRowCount(sessionId);
    }

    // --- one host organisation

    public Optional<HostReport> hostReport(String slug, long hostId) {
        requireHost(hostId);
        Optional<ConferenceRef> conference = queries.conference(slug);
        if (conference.isEmpty()) {
            return Optional.empty();
        }
        Optional<ReportHost> host = queries.hostsOf(conference.get().id()).stream()
                .filter(h -> h.id() == hostId).findFirst();
        if (host.isEmpty()) {
            return Optional.empty();
        }
        // in the order of the programme, not ranked
        List<SessionFigures> sessions = ranked(queries.sessionsOf(conference.get().id(), hostId), 0, Integer.MAX_VALUE)
                .stream().sorted(PROGRAMME_ORDER).toList();
        int unique = queries.uniqueAttendees(sessions.stream().map(SessionFigures::sessionId).toList());
        return Optional.of(new HostReport(conference.get(), host.get(), sessions, unique));
    }

    // --- CSV

    /** The tables a report can be downloaded as. */
    public enum Table {
        /** Per day of a conference (id: conference). */
        CONFERENCE_DAYS,
        /** Every session of a conference with its figures, most attended first (id: conference). */
        CONFERENCE_SESSIONS,
        /** Every attendance interval of a conference (id: conference), streamed. */
        CONFERENCE_INTERVALS,
        /** One session's figures (id: session). */
        SESSION_FIGURES,
        /** One session's attendees present over time, in 1-minute buckets (id: session). */
        SESSION_SERIES,
        /** One session's attendance intervals (id: session), streamed. */
        SESSION_ATTENDEES,
        /** A host's sessions (id: host; needs the conference slug). */
        HOST_SESSIONS
    }

    /** Reports how far an export has got: rows written so far and the total expected. */
    @FunctionalInterface
    public interface Progress {
        void rowsWritten(long done, long total);

        Progress NONE = (done, total) -> {
        };
    }

    /** How many data rows a table will have (for progress), without writing anything. */
    public long rowCount(Table table, long id) {
        requireTable(table, id);
        return switch (table) {
            case CONFERENCE_INTERVALS -> queries.intervalCount(id);
            case SESSION_ATTENDEES -> queries.attendeeRowCount(id);
            default -> -1;
        };
    }

    /**
     * Writes one report table as CSV. The two large tables (intervals, attendees) are read through a database
     * cursor {@link #EXPORT_FETCH_SIZE} rows at a time and written as they are read, so memory stays flat.
     *
     * @param slug the conference, for {@link Table#HOST_SESSIONS}; otherwise ignored
     * @return the number of data rows written
     */
    @Transactional(readOnly = true)
    public long writeCsv(Table table, long id, @Nullable String slug, Writer out, Progress progress)
            throws IOException {
        requireTable(table, id);
        CsvWriter csv = CsvTables.writer(out);
        long rows = switch (table) {
            case CONFERENCE_DAYS -> {
                ConferenceOverview overview = queries.conference(id).map(this::overview).orElseThrow();
                csv.writeRecord("Day", "Different attendees", "Attendee-minutes");
                for (DayFigures day : overview.days()) {
                    csv.writeRecord(day.day().toString(), Integer.toString(day.uniqueAttendees()),
                            CsvTables.decimal(day.attendeeMinutes()));
                }
                yield overview.days().size();
            }
            case CONFERENCE_SESSIONS -> {
                List<SessionFigures> all = ranked(queries.sessionsOf(id, null), 0, Integer.MAX_VALUE);
                writeSessions(csv, all);
                yield all.size();
            }
            case HOST_SESSIONS -> {
                HostReport report = hostReport(Objects.requireNonNull(slug, "a host's report names its conference"), id)
                        .orElseThrow();
                writeSessions(csv, report.sessions());
                yield report.sessions().size();
            }
            case SESSION_FIGURES -> {
                SessionFigures f = figures(queries.session(id).orElseThrow());
                csv.writeRecord("Figure", "Value");
                csv.writeRecord("Session", CsvTables.text(f.title()));
                csv.writeRecord("Starts (UTC)", CsvTables.time(f.startsAt()));
                csv.writeRecord("Ends (UTC)", CsvTables.time(f.endsAt()));
                csv.writeRecord("Registered", Integer.toString(f.registered()));
                csv.writeRecord("Attended (different people)", Integer.toString(f.attended()));
                csv.writeRecord("No-shows", noShowsCell(f));
                csv.writeRecord("No-show rate", CsvTables.decimal(percent(f.noShowRate())));
                csv.writeRecord("Peak concurrent attendees", Integer.toString(f.peakConcurrent()));
                csv.writeRecord("Peak at (UTC)", CsvTables.time(f.peakAt()));
                csv.writeRecord("Median minutes attended", CsvTables.decimal(f.medianMinutes()));
                csv.writeRecord("Mean minutes attended", CsvTables.decimal(f.meanMinutes()));
                csv.writeRecord(metRuleHeading(f.rulePercent()), Integer.toString(f.metRule()));
                csv.writeRecord(metRuleHeading(f.rulePercent()) + " (share of attendees, %)",
                        CsvTables.decimal(percent(f.metRuleShare())));
                csv.writeRecord("Attendee-minutes", CsvTables.decimal(f.attendeeMinutes()));
                csv.writeRecord("Questions asked", Integer.toString(f.questionsAsked()));
                csv.writeRecord("Questions answered", Integer.toString(f.questionsAnswered()));
                csv.writeRecord("Votes on questions", Integer.toString(f.votes()));
                // last, so the rows tools read before keep their places
                csv.writeRecord(NO_SHOWS_COUNTED_HEADING, noShowsCounted(f));
                yield 18;
            }
            case SESSION_SERIES -> {
                AttendanceReportQueries.SessionInfo session = queries.session(id).orElseThrow();
                List<ConcurrencyPoint> series = buckets(session.startsAt(), queries.sessionFigures(id).perMinute(), 1);
                csv.writeRecord("Minute starting (UTC)", "Most attendees present");
                for (ConcurrencyPoint point : series) {
                    csv.writeRecord(CsvTables.time(point.bucketStart()), Integer.toString(point.mostPresent()));
                }
                yield series.size();
            }
            case SESSION_ATTENDEES -> streamAttendees(csv, id, progress);
            case CONFERENCE_INTERVALS -> streamIntervals(csv, id, progress);
        };
        csv.flush();
        return rows;
    }

    /** Conference-wide tables are for organisers; a session's or host's tables follow its report. */
    private void requireTable(Table table, long id) {
        switch (table) {
            case CONFERENCE_DAYS, CONFERENCE_SESSIONS, CONFERENCE_INTERVALS -> requireOrganiser();
            case SESSION_FIGURES, SESSION_SERIES, SESSION_ATTENDEES -> requireSession(id);
            case HOST_SESSIONS -> requireHost(id);
        }
    }

    private static @Nullable Double percent(@Nullable Double share) {
        return share == null ? null : share * 100;
    }

    /** The column heading and figure name of those who met the conference's rule, with its percent. */
    public static String metRuleHeading(int rulePercent) {
        return "Met the attendance rule (" + rulePercent + "%)";
    }

    /** The CSV column (or figure) that says whether a session's no-shows count, and why not. */
    static final String NO_SHOWS_COUNTED_HEADING = "No-shows counted";
    static final String NO_SHOWS_NOT_COUNTED = "no (no places)";

    /** Empty for a session without places: 0 would read as "everyone came". */
    private static String noShowsCell(SessionFigures f) {
        return f.noShowsCounted() ? Integer.toString(f.noShows()) : "";
    }

    private static String noShowsCounted(SessionFigures f) {
        return f.noShowsCounted() ? "yes" : NO_SHOWS_NOT_COUNTED;
    }

    /** The columns stay as they were; "No-shows counted" comes last, so tools reading by position still work. */
    private static void writeSessions(CsvWriter csv, List<SessionFigures> sessions) {
        int rule = sessions.isEmpty() ? AttendanceRule.DEFAULT_PERCENT : sessions.getFirst().rulePercent();
        csv.writeRecord("Session", "Session id", "Host", "Starts (UTC)", "Ends (UTC)", "Registered", "Attended",
                "No-shows", "Peak concurrent", "Median minutes", "Mean minutes", metRuleHeading(rule),
                "Attendee-minutes", "Questions asked", "Questions answered", "Votes", NO_SHOWS_COUNTED_HEADING);
        for (SessionFigures f : sessions) {
            csv.writeRecord(CsvTables.text(f.title()), Long.toString(f.sessionId()), CsvTables.text(f.hostName()),
                    CsvTables.time(f.startsAt()), CsvTables.time(f.endsAt()), Integer.toString(f.registered()),
                    Integer.toString(f.attended()), noShowsCell(f),
                    Integer.toString(f.peakConcurrent()), CsvTables.decimal(f.medianMinutes()),
                    CsvTables.decimal(f.meanMinutes()), Integer.toString(f.metRule()),
                    CsvTables.decimal(f.attendeeMinutes()), Integer.toString(f.questionsAsked()),
                    Integer.toString(f.questionsAnswered()), Integer.toString(f.votes()), noShowsCounted(f));
        }
    }

    private long streamAttendees(CsvWriter csv, long sessionId, Progress progress) {
        long total = queries.attendeeRowCount(sessionId);
        csv.writeRecord("Attendee", "Named with consent", "Joined (UTC)", "Left (UTC)", "Still there", "Minutes");
        long done = 0;
        try (Stream<AttendeeRow> rows = queries.streamAttendees(sessionId, EXPORT_FETCH_SIZE)) {
            for (AttendeeRow row : (Iterable<AttendeeRow>) rows::iterator) {
                csv.writeRecord(CsvTables.text(row.label()), row.named() ? "yes" : "no",
                        CsvTables.time(row.joinedAt()), CsvTables.time(row.leftAt()), row.stillOpen() ? "yes" : "no",
                        CsvTables.minutes(row.joinedAt(), row.leftAt()));
                done = progressed(done, total, progress);
            }
        }
        progress.rowsWritten(done, total);
        return done;
    }

    private long streamIntervals(CsvWriter csv, long conferenceId, Progress progress) {
        long total = rowCount(Table.CONFERENCE_INTERVALS, conferenceId);
        csv.writeRecord("Session id", "Session", "Attendee", "Named with consent", "Joined (UTC)", "Left (UTC)",
                "Last seen (UTC)", "Minutes");
        long done = 0;
        try (Stream<AttendanceReportQueries.IntervalRow> rows = queries.streamIntervals(conferenceId, EXPORT_FETCH_SIZE)) {
            for (AttendanceReportQueries.IntervalRow row : (Iterable<AttendanceReportQueries.IntervalRow>) rows::iterator) {
                Instant left = row.leftAt();
                csv.writeRecord(Long.toString(row.sessionId()), CsvTables.text(row.sessionTitle()),
                        CsvTables.text(row.attendee()), row.named() ? "yes" : "no",
                        row.joinedAt().toString(), left == null ? "" : left.toString(), row.lastSeenAt().toString(),
                        left == null ? "" : CsvTables.minutes(row.joinedAt(), left));
                done = progressed(done, total, progress);
            }
        }
        progress.rowsWritten(done, total);
        return done;
    }

    private static long progressed(long done, long total, Progress progress) {
        long now = done + 1;
        if (now % 10_000 == 0) {
            progress.rowsWritten(now, total);
        }
        return now;
    }
}
