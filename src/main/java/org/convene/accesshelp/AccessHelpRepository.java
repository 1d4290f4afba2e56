package org.convene.accesshelp;

import org.convene.programme.PersonRole;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.convene.db.Tables.ACCESS_HELP_SIGNAL;
import static org.convene.db.Tables.PERSON;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_PERSON;

@Repository
class AccessHelpRepository {

    /** The first key of this feature's advisory locks (the migration's number), so they meet no other feature's. */
    private static final int LOCK_SPACE = 24;

    private final DSLContext db;

    AccessHelpRepository(DSLContext db) {
        this.db = db;
    }

    record SessionTimes(Instant startsAt, Instant endsAt, boolean cancelled) {
    }

    Optional<SessionTimes> times(long sessionId) {
        return db.select(PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ENDS_AT, PROGRAMME_SESSION.CANCELLED_AT)
                .from(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.eq(sessionId))
                .fetchOptional(r -> new SessionTimes(r.value1(), r.value2(), r.value3() != null));
    }

    boolean isFacilitatorOf(long sessionId, long userId) {
        return db.fetchExists(db.selectOne().from(SESSION_PERSON).join(PERSON).on(PERSON.ID.eq(SESSION_PERSON.PERSON_ID))
                .where(SESSION_PERSON.SESSION_ID.eq(sessionId))
                .and(SESSION_PERSON.ROLE.eq(PersonRole.FACILITATOR))
                .and(PERSON.USER_ID.eq(userId)));
    }

    /**
     * Holds one person's sending to the end of the transaction, so two presses at once are counted one after the
     * other and cannot both slip under the limit.
     */
    void lockSender(long userId) {
        db.execute("select pg_advisory_xact_lock(?, ?)", LOCK_SPACE, (int) (userId % Integer.MAX_VALUE));
    }

    int sentBySince(long userId, Instant since) {
        return db.fetchCount(ACCESS_HELP_SIGNAL, ACCESS_HELP_SIGNAL.USER_ID.eq(userId)
                .and(ACCESS_HELP_SIGNAL.SENT_AT.gt(since)));
    }

    void insert(long sessionId, long userId, HelpKind kind, @Nullable String note, Instant at) {
        db.insertInto(ACCESS_HELP_SIGNAL)
                .set(ACCESS_HELP_SIGNAL.SESSION_ID, sessionId)
                .set(ACCESS_HELP_SIGNAL.USER_ID, userId)
                .set(ACCESS_HELP_SIGNAL.KIND, kind)
                .set(ACCESS_HELP_SIGNAL.NOTE, note)
                .set(ACCESS_HELP_SIGNAL.SENT_AT, at)
                .execute();
    }

    Map<HelpKind, Integer> countsSince(long sessionId, Instant since) {
        Map<HelpKind, Integer> counts = new EnumMap<>(HelpKind.class);
        db.select(ACCESS_HELP_SIGNAL.KIND, DSL.count()).from(ACCESS_HELP_SIGNAL)
                .where(ACCESS_HELP_SIGNAL.SESSION_ID.eq(sessionId)).and(ACCESS_HELP_SIGNAL.SENT_AT.gt(since))
                .groupBy(ACCESS_HELP_SIGNAL.KIND)
                .forEach(r -> counts.put(r.value1(), r.value2()));
        return counts;
    }

    /** Newest first. */
    List<HelpNote> notesSince(long sessionId, Instant since, int limit) {
        return db.select(ACCESS_HELP_SIGNAL.SENT_AT, ACCESS_HELP_SIGNAL.NOTE).from(ACCESS_HELP_SIGNAL)
                .where(ACCESS_HELP_SIGNAL.SESSION_ID.eq(sessionId)).and(ACCESS_HELP_SIGNAL.SENT_AT.gt(since))
                .and(ACCESS_HELP_SIGNAL.NOTE.isNotNull())
                .orderBy(ACCESS_HELP_SIGNAL.SENT_AT.desc(), ACCESS_HELP_SIGNAL.ID.desc())
                .limit(limit)
                .fetch(r -> new HelpNote(r.value1(), java.util.Objects.requireNonNull(r.value2())));
    }

    List<HelpTotals.KindTotal> totals(long sessionId) {
        Map<HelpKind, HelpTotals.KindTotal> found = new EnumMap<>(HelpKind.class);
        db.select(ACCESS_HELP_SIGNAL.KIND, DSL.count(), DSL.min(ACCESS_HELP_SIGNAL.SENT_AT),
                        DSL.max(ACCESS_HELP_SIGNAL.SENT_AT))
                .from(ACCESS_HELP_SIGNAL).where(ACCESS_HELP_SIGNAL.SESSION_ID.eq(sessionId))
                .groupBy(ACCESS_HELP_SIGNAL.KIND)
                .forEach(r -> found.put(r.value1(), new HelpTotals.KindTotal(r.value1(), r.value2(), r.value3(), r.value4())));
        List<HelpTotals.KindTotal> all = new ArrayList<>();
        for (HelpKind kind : HelpKind.values()) {
            all.add(found.getOrDefault(kind, new HelpTotals.KindTotal(kind, 0, null, null)));
        }
        return all;
    }

    /** Oldest first, as a report reads. */
    List<HelpNote> allNotes(long sessionId) {
        return db.select(ACCESS_HELP_SIGNAL.SENT_AT, ACCESS_HELP_SIGNAL.NOTE).from(ACCESS_HELP_SIGNAL)
                .where(ACCESS_HELP_SIGNAL.SESSION_ID.eq(sessionId)).and(ACCESS_HELP_SIGNAL.NOTE.isNotNull())
                .orderBy(ACCESS_HELP_SIGNAL.SENT_AT, ACCESS_HELP_SIGNAL.ID)
                .fetch(r -> new HelpNote(r.value1(), java.util.Objects.requireNonNull(r.value2())));
    }

    /** Empty for an unknown session; an Optional of null when it has no interpreter video. */
    Optional<Optional<String>> bslVideo(long sessionId) {
        return db.select(PROGRAMME_SESSION.BSL_VIDEO_URL).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(sessionId))
                .fetchOptional(r -> Optional.ofNullable(r.value1()));
    }

    void setBslVideo(long sessionId, @Nullable String url) {
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.BSL_VIDEO_URL, url)
                .where(PROGRAMME_SESSION.ID.eq(sessionId)).execute();
    }
}
