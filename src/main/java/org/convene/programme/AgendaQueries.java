package org.convene.programme;

import org.jooq.DSLContext;
import org.jooq.Record10;
import org.jooq.RecordMapper;
import org.jooq.SelectJoinStep;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.CALENDAR_FEED;
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
                .set(AGENDA_ITEM.ADDED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
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

    private SelectJoinStep<Record10<Long, String, OffsetDateTime, OffsetDateTime, String, String, String, String, String, Integer>> entryQuery() {
        return db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, PROGRAMME_SESSION.STARTS_AT,
                        PROGRAMME_SESSION.ENDS_AT, CONFERENCE.SLUG, CONFERENCE.NAME, CONFERENCE.TIME_ZONE,
                        HOST_ORGANISATION.NAME, PROGRAMME_SESSION.JOIN_URL, PROGRAMME_SESSION.VERSION)
                .from(PROGRAMME_SESSION)
                .join(CONFERENCE).on(CONFERENCE.ID.eq(PROGRAMME_SESSION.CONFERENCE_ID))
                .leftJoin(HOST_ORGANISATION).on(HOST_ORGANISATION.ID.eq(PROGRAMME_SESSION.HOST_ID));
    }

    private static RecordMapper<Record10<Long, String, OffsetDateTime, OffsetDateTime, String, String, String, String, String, Integer>, AgendaEntry> entryMapper() {
        return mapping((id, title, starts, ends, slug, conference, zone, host, joinUrl, version) ->
                new AgendaEntry(id, title, starts.toInstant(), ends.toInstant(), slug, conference,
                        ZoneId.of(zone), host, joinUrl, version));
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
                .set(CALENDAR_FEED.CREATED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .onConflict(CALENDAR_FEED.USER_ID)
                .doUpdate()
                .set(CALENDAR_FEED.TOKEN_HASH, tokenHash)
                .set(CALENDAR_FEED.CREATED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .execute();
    }

    void deleteFeed(long userId) {
        db.deleteFrom(CALENDAR_FEED).where(CALENDAR_FEED.USER_ID.eq(userId)).execute();
    }
}
