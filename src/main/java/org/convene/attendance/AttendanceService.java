package org.convene.attendance;

import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.programme.JoinState;
import org.convene.programme.ProgrammeService;
import org.convene.programme.SessionDetail;
import org.convene.programme.WebAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Records when signed-in attendees are at a session: from opening its page (or clicking Join) while it runs,
 * until they leave, lose the connection or the session ends. A reconnect within the grace period continues the
 * same interval. What a crash leaves open is closed at its last sign of life. Registration is the personal
 * agenda: a session on someone's agenda that they never attended counts as a no-show (docs/attendance.md).
 */
@Service
@Transactional
public class AttendanceService {

    private static final Logger log = LoggerFactory.getLogger(AttendanceService.class);

    private final AttendanceQueries intervals;
    private final ProgrammeService programme;
    private final CurrentUser currentUser;
    private final AttendanceProperties properties;
    private final Clock clock;

    AttendanceService(AttendanceQueries intervals, ProgrammeService programme, CurrentUser currentUser,
                      AttendanceProperties properties, Clock clock) {
        this.intervals = intervals;
        this.programme = programme;
        this.currentUser = currentUser;
        this.properties = properties;
        this.clock = clock;
    }

    /** How often a page that is open should call {@link #stillHere}. */
    public Duration heartbeatInterval() {
        return properties.heartbeat();
    }

    /** When the session runs (empty for an unknown session): pages wait for its start before they arrive. */
    @Transactional(readOnly = true)
    public Optional<SessionWindow> recordingWindow(long sessionId) {
        return intervals.window(sessionId);
    }

    /**
     * The current person is at the session (its page is open, or they clicked Join). Empty when nobody is
     * signed in or the session is not running. A stay heard from within the grace period is continued;
     * an older open one is first closed at its last sign of life.
     */
    public Optional<AttendanceVisit> arrived(long sessionId) {
        Optional<ConveneUser> user = currentUser.get();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        long userId = user.get().id();
        return arrive(sessionId, userId).map(interval -> new AttendanceVisit(sessionId, userId, interval));
    }

    private Optional<Long> arrive(long sessionId, long userId) {
        Instant now = clock.instant();
        Optional<SessionWindow> window = intervals.window(sessionId);
        if (window.isEmpty() || !window.get().isRunning(now)) {
            return Optional.empty();
        }
        intervals.lockArrivals(sessionId, userId);
        Instant graceStart = now.minus(properties.gracePeriod());
        intervals.closeSilent(sessionId, userId, graceStart);
        Optional<Long> continuing = intervals.continuable(sessionId, userId, graceStart);
        if (continuing.isPresent()) {
            intervals.reopen(continuing.get(), now);
            return continuing;
        }
        return Optional.of(intervals.open(sessionId, userId, now));
    }

    /**
     * A heartbeat from an open page. When the interval was closed meanwhile (the sweep found the page silent,
     * or the laptop slept for longer than the grace period) the stay arrives again: it continues the same
     * interval within the grace period, else starts a new one. False when nothing is recorded any more
     * (the session is over).
     */
    public boolean stillHere(AttendanceVisit visit) {
        Instant now = clock.instant();
        if (intervals.touch(visit.intervalId(), visit.userId(), now, now.minus(properties.gracePeriod()))) {
            return true;
        }
        Optional<Long> again = arrive(visit.sessionId(), visit.userId());
        again.ifPresent(visit::continueIn);
        return again.isPresent();
    }

    /**
     * Someone followed a session's Join link: records their arrival (when signed in and the session is running)
     * and gives the meeting's address while the join window is open (from ten minutes before the start).
     * Only the session's own stored link is ever returned, so the redirect cannot be pointed elsewhere. Where the
     * conference asks for an account, nobody signed in is sent to log in first; a stored link that is not a
     * usable web address is reported, not followed.
     */
    public JoinOutcome join(long sessionId) {
        Optional<SessionDetail> found = programme.session(sessionId);
        if (found.isEmpty() || found.get().joinState(clock.instant()) != JoinState.OPEN) {
            return new JoinOutcome.NotOpen();
        }
        SessionDetail session = found.get();
        if (currentUser.get().isEmpty() && programme.joinNeedsAccount(session.conference().id())) {
            return new JoinOutcome.SignInFirst();
        }
        String link = Objects.requireNonNull(session.joinUrl(), "an open session has a link");
        if (!WebAddresses.isValid(link)) {
            // the link itself stays out of the log: it is the meeting's key
            log.warn("Session {} has a joining link that is not a usable web address; people following Join are "
                    + "told it is not working. An organiser must correct it in the session editor.", sessionId);
            return new JoinOutcome.LinkBroken();
        }
        arrived(sessionId);
        return new JoinOutcome.Meeting(URI.create(link));
    }

    /** The page was closed or left. */
    public void left(AttendanceVisit visit) {
        intervals.close(visit.intervalId(), visit.userId(), clock.instant());
    }

    /** Closes intervals nobody closed: on start-up (after a crash or restart) and every half minute. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${convene.attendance.sweep-interval:30s}", initialDelayString = "30s")
    public void closeAbandoned() {
        int closed = intervals.closeAbandoned(clock.instant(), properties.staleAfter());
        if (closed > 0) {
            log.info("Closed {} attendance intervals left open (session over or no sign of life)", closed);
        }
    }

    /** Deletes identifiable attendance that ended longer ago than the retention period (default 365 days). */
    @Scheduled(cron = "${convene.attendance.retention-cron:0 30 3 * * *}")
    public int applyRetention() {
        int deleted = intervals.deleteEndedBefore(clock.instant().minus(properties.retention()));
        log.info("Attendance retention: deleted {} intervals that ended more than {} days ago", deleted,
                properties.retention().toDays());
        return deleted;
    }

    /** Everything Convene holds about my attendance, oldest first. */
    @Transactional(readOnly = true)
    public List<MyAttendance> myAttendance() {
        return intervals.attendanceOf(currentUser.require().id());
    }

    /** My attendance as CSV (session, conference, joined, left, minutes), written as it is read. */
    @Transactional(readOnly = true)
    public int writeMyAttendanceCsv(Writer out) throws IOException {
        List<MyAttendance> mine = myAttendance();
        CsvTables.writeMyAttendance(mine, out);
        return mine.size();
    }

    /**
     * Deletes all my attendance records, with the lines of meeting tools' reports matched to me, and keeps reports
     * of the sessions until now from matching me again. Returns how many records there were.
     */
    public int deleteMyAttendance() {
        long userId = currentUser.require().id();
        int deleted = intervals.deleteOf(userId);
        int lines = intervals.withdraw(userId, clock.instant());
        log.info("An attendee deleted their attendance records ({} intervals, {} report lines)", deleted, lines);
        return deleted;
    }

    @Transactional(readOnly = true)
    public boolean namedInReports() {
        return intervals.namedInReports(currentUser.require().id());
    }

    /** Whether organisers' reports may show my name; without it I am counted, never named. */
    public void setNamedInReports(boolean named) {
        intervals.setNamedInReports(currentUser.require().id(), named);
    }
}
