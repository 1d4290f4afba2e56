package org.convene.access;

import org.convene.programme.AccessFeature;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import static org.convene.db.Tables.ACCESS_NEEDS;
import static org.convene.db.Tables.ACCESS_NEED_FEATURE;
import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/** People's recorded access needs, and the counts per session that hosts see. */
@Repository
class AccessNeedsRepository {

    private final DSLContext db;

    AccessNeedsRepository(DSLContext db) {
        this.db = db;
    }

    AccessNeeds of(long userId) {
        return new AccessNeeds(Set.copyOf(db.select(ACCESS_NEED_FEATURE.FEATURE).from(ACCESS_NEED_FEATURE)
                .where(ACCESS_NEED_FEATURE.USER_ID.eq(userId)).fetch(ACCESS_NEED_FEATURE.FEATURE)));
    }

    /** Replaces the person's needs with these; the row's time is when they were last saved (for retention). */
    void save(long userId, Set<AccessFeature> features, Instant now) {
        db.insertInto(ACCESS_NEEDS).set(ACCESS_NEEDS.USER_ID, userId).set(ACCESS_NEEDS.UPDATED_AT, now)
                .onConflict(ACCESS_NEEDS.USER_ID).doUpdate().set(ACCESS_NEEDS.UPDATED_AT, now).execute();
        db.deleteFrom(ACCESS_NEED_FEATURE).where(ACCESS_NEED_FEATURE.USER_ID.eq(userId),
                ACCESS_NEED_FEATURE.FEATURE.notIn(features)).execute();
        for (AccessFeature feature : features) {
            db.insertInto(ACCESS_NEED_FEATURE).set(ACCESS_NEED_FEATURE.USER_ID, userId)
                    .set(ACCESS_NEED_FEATURE.FEATURE, feature).onConflictDoNothing().execute();
        }
    }

    /** Everything the person recorded goes (the features with it, by the foreign key). */
    boolean delete(long userId) {
        return db.deleteFrom(ACCESS_NEEDS).where(ACCESS_NEEDS.USER_ID.eq(userId)).execute() > 0;
    }

    /**
     * Needs last saved before the cut-off whose owner has no session on their agenda that ended after it (or has
     * not ended): nothing has used them for the whole retention period.
     */
    int deleteUnusedSince(Instant cutoff) {
        return db.deleteFrom(ACCESS_NEEDS)
                .where(ACCESS_NEEDS.UPDATED_AT.lt(cutoff))
                .andNotExists(DSL.selectOne().from(AGENDA_ITEM)
                        .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(AGENDA_ITEM.SESSION_ID))
                        .where(AGENDA_ITEM.USER_ID.eq(ACCESS_NEEDS.USER_ID), PROGRAMME_SESSION.ENDS_AT.ge(cutoff)))
                .execute();
    }

    /** One aggregate query: counts only leave the database, never who. */
    NeedCounts counts(long sessionId) {
        var onAgenda = db.selectCount().from(AGENDA_ITEM).where(AGENDA_ITEM.SESSION_ID.eq(sessionId))
                .fetchSingle().value1();
        var withNeeds = db.select(DSL.countDistinct(ACCESS_NEED_FEATURE.USER_ID)).from(ACCESS_NEED_FEATURE)
                .join(AGENDA_ITEM).on(AGENDA_ITEM.USER_ID.eq(ACCESS_NEED_FEATURE.USER_ID))
                .where(AGENDA_ITEM.SESSION_ID.eq(sessionId)).fetchSingle().value1();
        Map<AccessFeature, Integer> perFeature = new EnumMap<>(AccessFeature.class);
        db.select(ACCESS_NEED_FEATURE.FEATURE, DSL.count()).from(ACCESS_NEED_FEATURE)
                .join(AGENDA_ITEM).on(AGENDA_ITEM.USER_ID.eq(ACCESS_NEED_FEATURE.USER_ID))
                .where(AGENDA_ITEM.SESSION_ID.eq(sessionId))
                .groupBy(ACCESS_NEED_FEATURE.FEATURE)
                .forEach(r -> perFeature.put(r.value1(), r.value2()));
        return new NeedCounts(sessionId, onAgenda, withNeeds, perFeature);
    }
}
