package org.convene.organising;

import org.convene.agenda.AgendaNotice;
import org.convene.programme.SessionStatus;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_CHANGE;
import static org.jooq.Records.mapping;

@Repository
class SessionChangeQueries {

    private final DSLContext db;

    SessionChangeQueries(DSLContext db) {
        this.db = db;
    }

    Optional<SessionStatus> status(long sessionId) {
        var s = PROGRAMME_SESSION;
        var onAgendas = DSL.field(DSL.selectCount().from(AGENDA_ITEM).where(AGENDA_ITEM.SESSION_ID.eq(s.ID)));
        return db.select(s.ID, s.TITLE, s.STARTS_AT, s.ENDS_AT, CONFERENCE.TIME_ZONE, CONFERENCE.NAME,
                        s.CANCELLED_AT, s.CANCELLATION_REASON, s.VERSION, onAgendas)
                .from(s).join(CONFERENCE).on(CONFERENCE.ID.eq(s.CONFERENCE_ID))
                .where(s.ID.eq(sessionId))
                .fetchOptional(mapping(SessionStatus::new));
    }

    /** False when the session changed since {@code expectedVersion}, is gone or is already cancelled. */
    boolean cancel(long sessionId, int expectedVersion, @Nullable String reason, Instant now) {
        var s = PROGRAMME_SESSION;
        return db.update(s)
                .set(s.CANCELLED_AT, now)
                .set(s.CANCELLATION_REASON, reason)
                .set(s.VERSION, s.VERSION.plus(1))
                .where(s.ID.eq(sessionId), s.VERSION.eq(expectedVersion), s.CANCELLED_AT.isNull())
                .execute() == 1;
    }

    boolean restore(long sessionId, int expectedVersion) {
        var s = PROGRAMME_SESSION;
        return db.update(s)
                .setNull(s.CANCELLED_AT)
                .setNull(s.CANCELLATION_REASON)
                .set(s.VERSION, s.VERSION.plus(1))
                .where(s.ID.eq(sessionId), s.VERSION.eq(expectedVersion), s.CANCELLED_AT.isNotNull())
                .execute() == 1;
    }

    /** The newest change the database recorded for the session (0 when none): a mark to read later ones from. */
    long lastChangeId(long sessionId) {
        return db.select(DSL.coalesce(DSL.max(SESSION_CHANGE.ID), 0L)).from(SESSION_CHANGE)
                .where(SESSION_CHANGE.SESSION_ID.eq(sessionId))
                .fetchSingle().value1();
    }

    /** The changes the trigger recorded for the session after the mark, oldest first, with the reason now. */
    List<RecordedChange> changesSince(long sessionId, long afterId) {
        var c = SESSION_CHANGE;
        return db.select(c.ID, c.KIND, c.OLD_STARTS_AT, c.OLD_ENDS_AT, c.NEW_STARTS_AT, c.NEW_ENDS_AT,
                        PROGRAMME_SESSION.CANCELLATION_REASON)
                .from(c).join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(c.SESSION_ID))
                .where(c.SESSION_ID.eq(sessionId), c.ID.gt(afterId))
                .orderBy(c.ID)
                .fetch(mapping(RecordedChange::new));
    }

    record RecordedChange(long id, AgendaNotice.Kind kind, Instant oldStartsAt, Instant oldEndsAt,
                          Instant newStartsAt, Instant newEndsAt, @Nullable String reason) {
    }
}
