package org.convene.agenda;

import org.jooq.DSLContext;
import org.jooq.Record13;
import org.jooq.RecordMapper;
import org.jooq.SelectJoinStep;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.CALENDAR_FEED;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_CHANGE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
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

    /**
     * Idempotent: adding a session twice keeps one entry and the first time it was added. Changes made
     * before it was added count as seen: someone who adds a moved session chose the new time, not the old.
     */
    void add(long userId, long sessionId, Instant now) {
        db.insertInto(AGENDA_ITEM)
                .set(AGENDA_ITEM.USER_ID, userId)
                .set(AGENDA_ITEM.SESSION_ID, sessionId)
                .set(AGENDA_ITEM.ADDED_AT, now)
                .set(AGENDA_ITEM.SEEN_CHANGE_ID, field(select(coalesce(max(SESSION_CHANGE.ID), 0L))
                        .from(SESSION_CHANGE).where(SESSION_CHANGE.SESSION_ID.eq(sessionId))))
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
        return entryQuery()
                .join(AGENDA_ITEM).on(AGENDA_ITEM.SESSION_ID.eq(PROGRAMME_SESSION.ID))
                .where(AGENDA_ITEM.USER_ID.eq(userId))
                .orderBy(PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ID)
                .fetch(entryMapper());
    }

    Optional<AgendaEntry> entry(long sessionId) {
        return entryQuery().where(PROGRAMME_SESSION.ID.eq(sessionId)).fetchOptional(entryMapper());
    }

    private SelectJoinStep<Record13<Long, String, Instant, Instant, String, String, ZoneId, String, Boolean, Integer, Instant, String, String>> entryQuery() {
        return db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, PROGRAMME_SESSION.STARTS_AT,
                        PROGRAMME_SESSION.ENDS_AT, CONFERENCE.SLUG, CONFERENCE.NAME, CONFERENCE.TIME_ZONE,
                        HOST_ORGANISATION.NAME, PROGRAMME_SESSION.JOIN_URL.isNotNull(), PROGRAMME_SESSION.VERSION,
                        PROGRAMME_SESSION.CANCELLED_AT, PROGRAMME_SESSION.CANCELLATION_REASON,
                        PROGRAMME_SESSION.RECORDING_URL)
                .from(PROGRAMME_SESSION)
                .join(CONFERENCE).on(CONFERENCE.ID.eq(PROGRAMME_SESSION.CONFERENCE_ID))
                .leftJoin(HOST_ORGANISATION).on(HOST_ORGANISATION.ID.eq(PROGRAMME_SESSION.HOST_ID));
    }

    private static RecordMapper<Record13<Long, String, Instant, Instant, String, String, ZoneId, String, Boolean, Integer, Instant, String, String>, AgendaEntry> entryMapper() {
        return mapping((id, title, starts, ends, slug, conference, zone, host, hasJoinLink, version, cancelledAt, reason,
                        recordingUrl) ->
                new AgendaEntry(id, title, starts, ends, slug, conference,
                        zone, host, hasJoinLink, version, cancelledAt != null,
                        reason == null || reason.isBlank() ? null : reason, recordingUrl));
    }

    /** The user whose agenda a feed token unlocks; only the token's hash is stored. */
    Optional<Long> feedOwner(String tokenHash) {
        return db.select(CALENDAR_FEED.USER_ID).from(CALENDAR_FEED)
                .where(CALENDAR_FEED.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(CALENDAR_FEED.USER_ID);
    }

    boolean hasFeed(long userId) {
        return db.fetchExists(CALENDAR_FEED, CALENDAR_FEED.USER_ID.eq(userId));
    }

    void replaceFeed(long userId, String tokenHash, Instant now) {
        db.insertInto(CALENDAR_FEED)
                .set(CALENDAR_FEED.USER_ID, userId)
                .set(CALENDAR_FEED.TOKEN_HASH, tokenHash)
                .set(CALENDAR_FEED.CREATED_AT, now)
                .onConflict(CALENDAR_FEED.USER_ID)
                .doUpdate()
                .set(CALENDAR_FEED.TOKEN_HASH, tokenHash)
                .set(CALENDAR_FEED.CREATED_AT, now)
                .execute();
    }

    void deleteFeed(long userId) {
        db.deleteFrom(CALENDAR_FEED).where(CALENDAR_FEED.USER_ID.eq(userId)).execute();
    }
}
