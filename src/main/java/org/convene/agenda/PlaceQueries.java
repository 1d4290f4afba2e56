package org.convene.agenda;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PLACE_GIVEN;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.REGISTRATION_REQUEST;
import static org.convene.db.Tables.WAITING_LIST_ENTRY;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.Records.mapping;

/** The places of sessions with a capacity: who holds one (the agenda), who waits for one, and who was given one. */
@Repository
class PlaceQueries {

    private final DSLContext db;

    PlaceQueries(DSLContext db) {
        this.db = db;
    }

    /** What the rules need, read with the session row locked: two people asking at once are served one by one. */
    record LockedSession(@Nullable Integer capacity, @Nullable Instant closesAt, boolean needsApproval) {
    }

    Optional<LockedSession> lock(long sessionId) {
        return db.select(PROGRAMME_SESSION.CAPACITY, PROGRAMME_SESSION.REGISTRATION_CLOSES_AT,
                        PROGRAMME_SESSION.REGISTRATION_NEEDS_APPROVAL)
                .from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(sessionId))
                .forUpdate()
                .fetchOptional(mapping(LockedSession::new));
    }

    int taken(long sessionId) {
        return db.fetchCount(AGENDA_ITEM, AGENDA_ITEM.SESSION_ID.eq(sessionId));
    }

    boolean holds(long userId, long sessionId) {
        return db.fetchExists(AGENDA_ITEM, AGENDA_ITEM.USER_ID.eq(userId), AGENDA_ITEM.SESSION_ID.eq(sessionId));
    }

    /** Idempotent: joining twice keeps the first place in the line. */
    void joinWaitingList(long userId, long sessionId, Instant now) {
        db.insertInto(WAITING_LIST_ENTRY)
                .set(WAITING_LIST_ENTRY.USER_ID, userId)
                .set(WAITING_LIST_ENTRY.SESSION_ID, sessionId)
                .set(WAITING_LIST_ENTRY.JOINED_AT, now)
                .onConflictDoNothing()
                .execute();
    }

    boolean leaveWaitingList(long userId, long sessionId) {
        return db.deleteFrom(WAITING_LIST_ENTRY)
                .where(WAITING_LIST_ENTRY.USER_ID.eq(userId), WAITING_LIST_ENTRY.SESSION_ID.eq(sessionId))
                .execute() == 1;
    }

    /** 1 for the first in line; 0 when the person is not waiting. */
    int position(long userId, long sessionId) {
        var me = WAITING_LIST_ENTRY.as("me");
        var w = WAITING_LIST_ENTRY;
        Integer position = db.select(selectCount().from(w)
                        .where(w.SESSION_ID.eq(sessionId),
                                row(w.JOINED_AT, w.ID).le(row(me.JOINED_AT, me.ID))).<Integer>asField())
                .from(me)
                .where(me.USER_ID.eq(userId), me.SESSION_ID.eq(sessionId))
                .fetchOne(0, Integer.class);
        return position == null ? 0 : position;
    }

    /** The first in line, if anyone waits. */
    Optional<Long> firstWaiting(long sessionId) {
        return db.select(WAITING_LIST_ENTRY.USER_ID).from(WAITING_LIST_ENTRY)
                .where(WAITING_LIST_ENTRY.SESSION_ID.eq(sessionId))
                .orderBy(WAITING_LIST_ENTRY.JOINED_AT, WAITING_LIST_ENTRY.ID)
                .limit(1)
                .fetchOptional(WAITING_LIST_ENTRY.USER_ID);
    }

    /** Records that the person was given a place, for their agenda's notice; returns the record's id. */
    long placeGiven(long userId, long sessionId, Instant now) {
        return db.insertInto(PLACE_GIVEN)
                .set(PLACE_GIVEN.USER_ID, userId)
                .set(PLACE_GIVEN.SESSION_ID, sessionId)
                .set(PLACE_GIVEN.GIVEN_AT, now)
                .returning(PLACE_GIVEN.ID)
                .fetchSingle(PLACE_GIVEN.ID);
    }

    /** For each session asked about: its capacity and closing time, places taken, people waiting, my position. */
    Map<Long, PlaceStatus> statuses(@Nullable Long userId, Collection<Long> sessionIds, Instant now) {
        var s = PROGRAMME_SESSION;
        var w = WAITING_LIST_ENTRY;
        var taken = field(selectCount().from(AGENDA_ITEM).where(AGENDA_ITEM.SESSION_ID.eq(s.ID)));
        var waiting = field(selectCount().from(w).where(w.SESSION_ID.eq(s.ID)));
        long me = userId == null ? -1 : userId;
        var mine = field(select(count()).from(AGENDA_ITEM)
                .where(AGENDA_ITEM.SESSION_ID.eq(s.ID), AGENDA_ITEM.USER_ID.eq(me)));
        var me2 = WAITING_LIST_ENTRY.as("me");
        var position = field(selectCount().from(w).join(me2)
                .on(me2.SESSION_ID.eq(w.SESSION_ID), me2.USER_ID.eq(me))
                .where(w.SESSION_ID.eq(s.ID), row(w.JOINED_AT, w.ID).le(row(me2.JOINED_AT, me2.ID))));
        var requested = field(select(count()).from(REGISTRATION_REQUEST)
                .where(REGISTRATION_REQUEST.SESSION_ID.eq(s.ID), REGISTRATION_REQUEST.USER_ID.eq(me)));
        Map<Long, PlaceStatus> result = new HashMap<>();
        db.select(s.ID, s.CAPACITY, s.REGISTRATION_CLOSES_AT, s.REGISTRATION_NEEDS_APPROVAL, taken, waiting, mine,
                        position, requested)
                .from(s)
                .where(s.ID.in(sessionIds))
                .forEach((Record r) -> result.put(r.get(s.ID), PlaceStatus.of(
                        r.get(s.CAPACITY), r.get(s.REGISTRATION_CLOSES_AT), now, r.get(s.REGISTRATION_NEEDS_APPROVAL),
                        r.get(taken), r.get(waiting), r.get(mine) > 0, r.get(position), r.get(requested) > 0)));
        return result;
    }

    /** The sessions I wait for, with my position in each, in start order. */
    List<WaitingListEntry> waitingFor(long userId) {
        var me = WAITING_LIST_ENTRY.as("me");
        var w = WAITING_LIST_ENTRY;
        var position = field(selectCount().from(w)
                .where(w.SESSION_ID.eq(me.SESSION_ID), row(w.JOINED_AT, w.ID).le(row(me.JOINED_AT, me.ID))));
        return db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, PROGRAMME_SESSION.STARTS_AT,
                        PROGRAMME_SESSION.ENDS_AT, CONFERENCE.TIME_ZONE, position)
                .from(me)
                .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(me.SESSION_ID))
                .join(CONFERENCE).on(CONFERENCE.ID.eq(PROGRAMME_SESSION.CONFERENCE_ID))
                .where(me.USER_ID.eq(userId))
                .orderBy(PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ID)
                .fetch(mapping(WaitingListEntry::new));
    }

    /** Places given to me that I have not yet dismissed, newest first. */
    List<PlaceNotice> unseenPlaces(long userId) {
        return db.select(PLACE_GIVEN.ID, PLACE_GIVEN.SESSION_ID, PROGRAMME_SESSION.TITLE, PLACE_GIVEN.GIVEN_AT)
                .from(PLACE_GIVEN)
                .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(PLACE_GIVEN.SESSION_ID))
                .where(PLACE_GIVEN.USER_ID.eq(userId), PLACE_GIVEN.SEEN.isFalse())
                .orderBy(PLACE_GIVEN.ID.desc())
                .fetch(mapping(PlaceNotice::new));
    }

    boolean dismissPlace(long userId, long placeGivenId) {
        return db.update(PLACE_GIVEN).set(PLACE_GIVEN.SEEN, true)
                .where(PLACE_GIVEN.ID.eq(placeGivenId), PLACE_GIVEN.USER_ID.eq(userId), PLACE_GIVEN.SEEN.isFalse())
                .execute() == 1;
    }
}
