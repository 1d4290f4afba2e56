package org.convene.attendance;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.convene.db.Tables.ATTENDANCE_INTERVAL;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.val;

@Repository
class AttendanceQueries {

    private final DSLContext db;

    AttendanceQueries(DSLContext db) {
        this.db = db;
    }

    record SessionWindow(Instant startsAt, Instant endsAt) {
        boolean isRunning(Instant now) {
            return !now.isBefore(startsAt) && now.isBefore(endsAt);
        }
    }

    Optional<SessionWindow> window(long sessionId) {
        return db.select(PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ENDS_AT).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(sessionId))
                .fetchOptional(r -> new SessionWindow(r.value1().toInstant(), r.value2().toInstant()));
    }

    /**
     * The interval to continue: one still open, or one closed within the grace period. Locked, so two tabs
     * opening at once continue the same interval.
     */
    Optional<Long> continuable(long sessionId, long userId, Instant closedSince) {
        return db.select(ATTENDANCE_INTERVAL.ID).from(ATTENDANCE_INTERVAL)
                .where(ATTENDANCE_INTERVAL.SESSION_ID.eq(sessionId), ATTENDANCE_INTERVAL.USER_ID.eq(userId),
                        ATTENDANCE_INTERVAL.LEFT_AT.isNull().or(ATTENDANCE_INTERVAL.LEFT_AT.ge(utc(closedSince))))
                .orderBy(ATTENDANCE_INTERVAL.JOINED_AT.desc())
                .limit(1)
                .forUpdate()
                .fetchOptional(ATTENDANCE_INTERVAL.ID);
    }

    void reopen(long intervalId, Instant now) {
        db.update(ATTENDANCE_INTERVAL)
                .setNull(ATTENDANCE_INTERVAL.LEFT_AT)
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, greatest(ATTENDANCE_INTERVAL.LAST_SEEN_AT, val(utc(now))))
                .where(ATTENDANCE_INTERVAL.ID.eq(intervalId))
                .execute();
    }

    long open(long sessionId, long userId, Instant now) {
        return db.insertInto(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.SESSION_ID, sessionId)
                .set(ATTENDANCE_INTERVAL.USER_ID, userId)
                .set(ATTENDANCE_INTERVAL.JOINED_AT, utc(now))
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, utc(now))
                .returning(ATTENDANCE_INTERVAL.ID).fetchSingle().getId();
    }

    /** A heartbeat: true while the interval is still open and belongs to this user. */
    boolean touch(long intervalId, long userId, Instant now) {
        return db.update(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, greatest(ATTENDANCE_INTERVAL.LAST_SEEN_AT, val(utc(now))))
                .where(ATTENDANCE_INTERVAL.ID.eq(intervalId), ATTENDANCE_INTERVAL.USER_ID.eq(userId),
                        ATTENDANCE_INTERVAL.LEFT_AT.isNull())
                .execute() == 1;
    }

    /** Closes an interval now, but never after the session's end. */
    void close(long intervalId, long userId, Instant now) {
        db.update(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.LEFT_AT, least(val(utc(now)),
                        db.select(PROGRAMME_SESSION.ENDS_AT).from(PROGRAMME_SESSION)
                                .where(PROGRAMME_SESSION.ID.eq(ATTENDANCE_INTERVAL.SESSION_ID)).<OffsetDateTime>asField()))
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, greatest(ATTENDANCE_INTERVAL.LAST_SEEN_AT, val(utc(now))))
                .where(ATTENDANCE_INTERVAL.ID.eq(intervalId), ATTENDANCE_INTERVAL.USER_ID.eq(userId),
                        ATTENDANCE_INTERVAL.LEFT_AT.isNull())
                .execute();
    }

    /**
     * Closes what nobody closed: intervals of sessions that have ended (at the end), and intervals whose page
     * went silent (a crash, a lost connection, a restart) at their last sign of life.
     */
    int closeAbandoned(Instant now, Instant silentSince) {
        int ended = db.update(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.LEFT_AT, least(ATTENDANCE_INTERVAL.LAST_SEEN_AT, PROGRAMME_SESSION.ENDS_AT))
                .from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(ATTENDANCE_INTERVAL.SESSION_ID),
                        ATTENDANCE_INTERVAL.LEFT_AT.isNull(),
                        PROGRAMME_SESSION.ENDS_AT.le(utc(now)).or(ATTENDANCE_INTERVAL.LAST_SEEN_AT.lt(utc(silentSince))))
                .execute();
        return ended;
    }

    int deleteOlderThan(Instant cutoff) {
        return db.deleteFrom(ATTENDANCE_INTERVAL)
                .where(ATTENDANCE_INTERVAL.JOINED_AT.lt(utc(cutoff)))
                .execute();
    }

    record OwnInterval(long sessionId, Instant joinedAt, Instant leftAt) {
    }

    List<OwnInterval> of(long userId) {
        return db.select(ATTENDANCE_INTERVAL.SESSION_ID, ATTENDANCE_INTERVAL.JOINED_AT, ATTENDANCE_INTERVAL.LEFT_AT)
                .from(ATTENDANCE_INTERVAL)
                .where(ATTENDANCE_INTERVAL.USER_ID.eq(userId))
                .orderBy(ATTENDANCE_INTERVAL.JOINED_AT)
                .fetch(r -> new OwnInterval(r.value1(), r.value2().toInstant(),
                        r.value3() == null ? null : r.value3().toInstant()));
    }

    int deleteOf(long userId) {
        return db.deleteFrom(ATTENDANCE_INTERVAL).where(ATTENDANCE_INTERVAL.USER_ID.eq(userId)).execute();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
