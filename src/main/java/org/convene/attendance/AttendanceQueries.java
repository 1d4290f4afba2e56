package org.convene.attendance;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.ATTENDANCE_IMPORT_ROW;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;
import static org.convene.db.Tables.ATTENDANCE_WITHDRAWAL;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

/**
 * Attendance intervals and the consent to be named. Every close is clamped to the session's window and never
 * before the join.
 */
@Repository
class AttendanceQueries {

    private static final Field<Instant> SESSION_END = select(PROGRAMME_SESSION.ENDS_AT).from(PROGRAMME_SESSION)
            .where(PROGRAMME_SESSION.ID.eq(ATTENDANCE_INTERVAL.SESSION_ID)).asField();

    private final DSLContext db;

    AttendanceQueries(DSLContext db) {
        this.db = db;
    }

    /** Empty for a cancelled session too: nobody attends it, whatever page they have open. */
    Optional<SessionWindow> window(long sessionId) {
        return db.select(PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ENDS_AT).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(sessionId), PROGRAMME_SESSION.CANCELLED_AT.isNull())
                .fetchOptional(mapping(SessionWindow::new));
    }

    /**
     * Serialises arrivals of one person at one session until the transaction ends, so two tabs opening at the
     * same moment continue one interval instead of each starting their own. (Row locks cannot do this: when
     * there is no interval yet there is no row to lock.) Keys that collide only make two arrivals wait briefly.
     */
    void lockArrivals(long sessionId, long userId) {
        db.execute("select pg_advisory_xact_lock(?, ?)", (int) sessionId, (int) userId);
    }

    /**
     * The person's latest interval at the session whose last sign of life is recent enough to continue: still
     * open, or closed, within the grace period. Only Convene's own.
     */
    Optional<Long> continuable(long sessionId, long userId, Instant since) {
        return db.select(ATTENDANCE_INTERVAL.ID).from(ATTENDANCE_INTERVAL)
                .where(ATTENDANCE_INTERVAL.SESSION_ID.eq(sessionId), ATTENDANCE_INTERVAL.USER_ID.eq(userId),
                        // imported and phone presence is what another tool saw: a page never extends it
                        ATTENDANCE_INTERVAL.SOURCE.eq(PresenceSource.CONVENE),
                        coalesce(ATTENDANCE_INTERVAL.LEFT_AT, ATTENDANCE_INTERVAL.LAST_SEEN_AT).ge(since))
                .orderBy(ATTENDANCE_INTERVAL.JOINED_AT.desc())
                .limit(1)
                .fetchOptional(ATTENDANCE_INTERVAL.ID);
    }

    /**
     * Closes the person's open intervals at this session that went quiet before {@code since}, at their last
     * sign of life: time nobody vouched for is never counted.
     */
    void closeSilent(long sessionId, long userId, Instant since) {
        db.update(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.LEFT_AT, clampedClose(ATTENDANCE_INTERVAL.LAST_SEEN_AT))
                .where(ATTENDANCE_INTERVAL.SESSION_ID.eq(sessionId), ATTENDANCE_INTERVAL.USER_ID.eq(userId),
                        ATTENDANCE_INTERVAL.LEFT_AT.isNull(), ATTENDANCE_INTERVAL.LAST_SEEN_AT.lt(since))
                .execute();
    }

    void reopen(long intervalId, Instant now) {
        db.update(ATTENDANCE_INTERVAL)
                .setNull(ATTENDANCE_INTERVAL.LEFT_AT)
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, greatest(ATTENDANCE_INTERVAL.LAST_SEEN_AT, val(now)))
                .where(ATTENDANCE_INTERVAL.ID.eq(intervalId))
                .execute();
    }

    long open(long sessionId, long userId, Instant now) {
        return db.insertInto(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.SESSION_ID, sessionId)
                .set(ATTENDANCE_INTERVAL.USER_ID, userId)
                .set(ATTENDANCE_INTERVAL.JOINED_AT, now)
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, now)
                .returning(ATTENDANCE_INTERVAL.ID).fetchSingle().getId();
    }

    /**
     * A heartbeat. True while the interval is open, belongs to this user and was heard from within the grace
     * period; after a longer silence (a laptop asleep) the gap must not be counted, so it fails and the page
     * arrives again, which closes the old interval at its last sign of life.
     */
    boolean touch(long intervalId, long userId, Instant now, Instant heardSince) {
        return db.update(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, greatest(ATTENDANCE_INTERVAL.LAST_SEEN_AT, val(now)))
                .where(ATTENDANCE_INTERVAL.ID.eq(intervalId), ATTENDANCE_INTERVAL.USER_ID.eq(userId),
                        ATTENDANCE_INTERVAL.LEFT_AT.isNull(), ATTENDANCE_INTERVAL.LAST_SEEN_AT.ge(heardSince))
                .execute() == 1;
    }

    /** The page was left or closed: closes now, or at the session's end if that came first. */
    void close(long intervalId, long userId, Instant now) {
        db.update(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.LEFT_AT, clampedClose(val(now)))
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, greatest(ATTENDANCE_INTERVAL.LAST_SEEN_AT, val(now)))
                .where(ATTENDANCE_INTERVAL.ID.eq(intervalId), ATTENDANCE_INTERVAL.USER_ID.eq(userId),
                        ATTENDANCE_INTERVAL.LEFT_AT.isNull())
                .execute();
    }

    /**
     * Closes what nobody closed. An interval of a session that has ended is closed at the end when its page
     * was still heard from at most {@code staleAfter} before it (the person stayed to the end), otherwise at
     * its last sign of life; an interval of a running session whose page went silent (a crash, a lost
     * connection, a restart) is closed at its last sign of life.
     */
    int closeAbandoned(Instant now, Duration staleAfter) {
        Field<Instant> end = PROGRAMME_SESSION.ENDS_AT;
        Field<Instant> at = when(end.le(now)
                        .and(ATTENDANCE_INTERVAL.LAST_SEEN_AT.ge(field("{0} - {1} * interval '1 millisecond'",
                                SQLDataType.INSTANT, end, inline(staleAfter.toMillis())))),
                end)
                .otherwise(least(ATTENDANCE_INTERVAL.LAST_SEEN_AT, end));
        return db.update(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.LEFT_AT, greatest(ATTENDANCE_INTERVAL.JOINED_AT, at))
                .from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(ATTENDANCE_INTERVAL.SESSION_ID),
                        ATTENDANCE_INTERVAL.LEFT_AT.isNull(),
                        end.le(now).or(ATTENDANCE_INTERVAL.LAST_SEEN_AT.lt(now.minus(staleAfter))))
                .execute();
    }

    /** Deletes intervals that ended before the cutoff (an interval still open is never old). */
    int deleteEndedBefore(Instant cutoff) {
        return db.deleteFrom(ATTENDANCE_INTERVAL)
                .where(ATTENDANCE_INTERVAL.LEFT_AT.lt(cutoff))
                .execute();
    }

    int deleteOf(long userId) {
        return db.deleteFrom(ATTENDANCE_INTERVAL).where(ATTENDANCE_INTERVAL.USER_ID.eq(userId)).execute();
    }

    /**
     * Deletes the lines of meeting tools' reports matched to the person (their name and address as the tool wrote
     * them), and notes when, so that a report imported again is not matched to them (see
     * AttendanceImportQueries#withdrawn). We keep a marker by account rather than keeping the lines unmatched
     * without the address: the next upload of the same report carries the address again and would match it.
     */
    int withdraw(long userId, Instant at) {
        int lines = db.deleteFrom(ATTENDANCE_IMPORT_ROW).where(ATTENDANCE_IMPORT_ROW.USER_ID.eq(userId)).execute();
        db.insertInto(ATTENDANCE_WITHDRAWAL)
                .set(ATTENDANCE_WITHDRAWAL.USER_ID, userId).set(ATTENDANCE_WITHDRAWAL.WITHDRAWN_AT, at)
                .onConflict(ATTENDANCE_WITHDRAWAL.USER_ID)
                .doUpdate().set(ATTENDANCE_WITHDRAWAL.WITHDRAWN_AT, at)
                .execute();
        return lines;
    }

    /** Everything held about one person's attendance, oldest first. */
    List<MyAttendance> attendanceOf(long userId) {
        return db.select(ATTENDANCE_INTERVAL.SESSION_ID, PROGRAMME_SESSION.TITLE, CONFERENCE.NAME,
                        ATTENDANCE_INTERVAL.JOINED_AT, ATTENDANCE_INTERVAL.LEFT_AT)
                .from(ATTENDANCE_INTERVAL)
                .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(ATTENDANCE_INTERVAL.SESSION_ID))
                .join(CONFERENCE).on(CONFERENCE.ID.eq(PROGRAMME_SESSION.CONFERENCE_ID))
                .where(ATTENDANCE_INTERVAL.USER_ID.eq(userId))
                .orderBy(ATTENDANCE_INTERVAL.JOINED_AT, ATTENDANCE_INTERVAL.ID)
                .fetch(mapping(MyAttendance::new));
    }

    boolean namedInReports(long userId) {
        return Boolean.TRUE.equals(db.select(APP_USER.NAMED_IN_REPORTS).from(APP_USER)
                .where(APP_USER.ID.eq(userId)).fetchOne(APP_USER.NAMED_IN_REPORTS));
    }

    void setNamedInReports(long userId, boolean named) {
        db.update(APP_USER).set(APP_USER.NAMED_IN_REPORTS, named).where(APP_USER.ID.eq(userId)).execute();
    }

    private static Field<Instant> clampedClose(Field<Instant> at) {
        return greatest(ATTENDANCE_INTERVAL.JOINED_AT, least(at, SESSION_END));
    }
}
