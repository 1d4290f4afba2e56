package org.convene.programme;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.jooq.Records.mapping;

@Repository
class AgendaQueries {

    private final DSLContext db;

    AgendaQueries(DSLContext db) {
        this.db = db;
    }

    boolean sessionExists(long sessionId) {
        return db.fetchExists(PROGRAMME_SESSION, PROGRAMME_SESSION.ID.eq(sessionId));
    }

    /** Idempotent: adding a session twice keeps one entry and the first time it was added. */
    void add(long userId, long sessionId, Instant now) {
        db.insertInto(AGENDA_ITEM)
                .set(AGENDA_ITEM.USER_ID, userId)
                .set(AGENDA_ITEM.SESSION_ID, sessionId)
                .set(AGENDA_ITEM.ADDED_AT, OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
    }

    void remove(long userId, long sessionId) {
        db.deleteFrom(AGENDA_ITEM)
                .where(AGENDA_ITEM.USER_ID.eq(userId), AGENDA_ITEM.SESSION_ID.eq(sessionId))
                .execute();
    }

    Set<Long> sessionIds(long userId) {
        return new HashSet<>(db.select(AGENDA_ITEM.SESSION_ID).from(AGENDA_ITEM)
                .where(AGENDA_ITEM.USER_ID.eq(userId)).fetch(AGENDA_ITEM.SESSION_ID));
    }

    List<AgendaEntry> entries(long userId) {
        return db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, PROGRAMME_SESSION.STARTS_AT,
                        PROGRAMME_SESSION.ENDS_AT, CONFERENCE.SLUG, CONFERENCE.NAME, CONFERENCE.TIME_ZONE,
                        HOST_ORGANISATION.NAME, PROGRAMME_SESSION.JOIN_URL)
                .from(AGENDA_ITEM)
                .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(AGENDA_ITEM.SESSION_ID))
                .join(CONFERENCE).on(CONFERENCE.ID.eq(PROGRAMME_SESSION.CONFERENCE_ID))
                .leftJoin(HOST_ORGANISATION).on(HOST_ORGANISATION.ID.eq(PROGRAMME_SESSION.HOST_ID))
                .where(AGENDA_ITEM.USER_ID.eq(userId))
                .orderBy(PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ID)
                .fetch(mapping((id, title, starts, ends, slug, conference, zone, host, joinUrl) ->
                        new AgendaEntry(id, title, starts.toInstant(), ends.toInstant(), slug, conference,
                                ZoneId.of(zone), host, joinUrl)));
    }
}
