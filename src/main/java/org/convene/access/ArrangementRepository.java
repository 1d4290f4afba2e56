package org.convene.access;

import org.convene.programme.AccessFeature;
import org.convene.programme.PersonRole;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.convene.db.Tables.ACCESS_ARRANGEMENT;
import static org.convene.db.Tables.ACCESS_NEED_FEATURE;
import static org.convene.db.Tables.ACCESS_WITHDRAWAL;
import static org.convene.db.Tables.ACCESS_WITHDRAWAL_NOTICE;
import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PERSON;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_PERSON;
import static org.jooq.Records.mapping;

/** The states of sessions' access arrangements, their withdrawals, and the notices about them on agendas. */
@Repository
class ArrangementRepository {

    private final DSLContext db;

    ArrangementRepository(DSLContext db) {
        this.db = db;
    }

    /** The states that were set; a feature without one is requested. */
    Map<AccessFeature, ArrangementState> states(long sessionId) {
        Map<AccessFeature, ArrangementState> states = new EnumMap<>(AccessFeature.class);
        db.select(ACCESS_ARRANGEMENT.FEATURE, ACCESS_ARRANGEMENT.STATE).from(ACCESS_ARRANGEMENT)
                .where(ACCESS_ARRANGEMENT.SESSION_ID.eq(sessionId))
                .forEach(r -> states.put(r.value1(), r.value2()));
        return states;
    }

    /** The state now, locking its row so two hosts saving at once take turns (the second sees the first's). */
    ArrangementState lockState(long sessionId, AccessFeature feature) {
        return db.select(ACCESS_ARRANGEMENT.STATE).from(ACCESS_ARRANGEMENT)
                .where(ACCESS_ARRANGEMENT.SESSION_ID.eq(sessionId), ACCESS_ARRANGEMENT.FEATURE.eq(feature))
                .forUpdate().fetchOptional(ACCESS_ARRANGEMENT.STATE).orElse(ArrangementState.REQUESTED);
    }

    void setState(long sessionId, AccessFeature feature, ArrangementState state, Instant now) {
        db.insertInto(ACCESS_ARRANGEMENT).set(ACCESS_ARRANGEMENT.SESSION_ID, sessionId)
                .set(ACCESS_ARRANGEMENT.FEATURE, feature).set(ACCESS_ARRANGEMENT.STATE, state)
                .set(ACCESS_ARRANGEMENT.UPDATED_AT, now)
                .onConflict(ACCESS_ARRANGEMENT.SESSION_ID, ACCESS_ARRANGEMENT.FEATURE).doUpdate()
                .set(ACCESS_ARRANGEMENT.STATE, state).set(ACCESS_ARRANGEMENT.UPDATED_AT, now).execute();
    }

    /** A feature no longer offered starts again as requested if it is offered again. */
    void forget(long sessionId, AccessFeature feature) {
        db.deleteFrom(ACCESS_ARRANGEMENT)
                .where(ACCESS_ARRANGEMENT.SESSION_ID.eq(sessionId), ACCESS_ARRANGEMENT.FEATURE.eq(feature)).execute();
    }

    Withdrawal recordWithdrawal(long sessionId, AccessFeature feature, Withdrawal.Kind kind, Instant now) {
        long id = db.insertInto(ACCESS_WITHDRAWAL).set(ACCESS_WITHDRAWAL.SESSION_ID, sessionId)
                .set(ACCESS_WITHDRAWAL.FEATURE, feature).set(ACCESS_WITHDRAWAL.KIND, kind)
                .set(ACCESS_WITHDRAWAL.WITHDRAWN_AT, now)
                .returning(ACCESS_WITHDRAWAL.ID).fetchSingle().getId();
        return new Withdrawal(id, sessionId, feature, kind);
    }

    /**
     * The people to tell: they recorded the need and have the session on their agenda, in a fixed order. The
     * address is given only when it is confirmed (a mistyped address belongs to someone else); the agenda
     * notice goes to everyone.
     */
    List<Recipient> needingOnAgenda(long sessionId, AccessFeature feature) {
        return db.select(APP_USER.ID, DSL.field(APP_USER.EMAIL_CONFIRMED_AT.isNotNull()), APP_USER.EMAIL)
                .from(AGENDA_ITEM)
                .join(ACCESS_NEED_FEATURE).on(ACCESS_NEED_FEATURE.USER_ID.eq(AGENDA_ITEM.USER_ID),
                        ACCESS_NEED_FEATURE.FEATURE.eq(feature))
                .join(APP_USER).on(APP_USER.ID.eq(AGENDA_ITEM.USER_ID))
                .where(AGENDA_ITEM.SESSION_ID.eq(sessionId))
                .orderBy(APP_USER.ID)
                .fetch(r -> new Recipient(r.value1(), r.value2() ? r.value3() : null));
    }

    /** Written once per person and withdrawal (the key), so handling a withdrawal twice notifies once. */
    boolean addNotice(long withdrawalId, long userId) {
        return db.insertInto(ACCESS_WITHDRAWAL_NOTICE).set(ACCESS_WITHDRAWAL_NOTICE.WITHDRAWAL_ID, withdrawalId)
                .set(ACCESS_WITHDRAWAL_NOTICE.USER_ID, userId).onConflictDoNothing().execute() == 1;
    }

    /** The person's notices not dismissed, of sessions not over yet, newest first. */
    List<AccessNotice> notices(long userId, Instant now) {
        var w = ACCESS_WITHDRAWAL;
        var n = ACCESS_WITHDRAWAL_NOTICE;
        var s = PROGRAMME_SESSION;
        return db.select(w.ID, s.ID, s.TITLE, w.FEATURE, w.KIND, s.STARTS_AT, s.ENDS_AT, CONFERENCE.TIME_ZONE)
                .from(n).join(w).on(w.ID.eq(n.WITHDRAWAL_ID))
                .join(s).on(s.ID.eq(w.SESSION_ID))
                .join(CONFERENCE).on(CONFERENCE.ID.eq(s.CONFERENCE_ID))
                .where(n.USER_ID.eq(userId), n.DISMISSED_AT.isNull(), s.ENDS_AT.gt(now))
                .orderBy(w.ID.desc())
                .fetch(mapping(AccessNotice::new));
    }

    boolean dismiss(long userId, long withdrawalId, Instant now) {
        return db.update(ACCESS_WITHDRAWAL_NOTICE).set(ACCESS_WITHDRAWAL_NOTICE.DISMISSED_AT, now)
                .where(ACCESS_WITHDRAWAL_NOTICE.USER_ID.eq(userId),
                        ACCESS_WITHDRAWAL_NOTICE.WITHDRAWAL_ID.eq(withdrawalId),
                        ACCESS_WITHDRAWAL_NOTICE.DISMISSED_AT.isNull())
                .execute() == 1;
    }

    boolean isFacilitatorOf(long sessionId, long userId) {
        return db.fetchExists(db.selectOne().from(SESSION_PERSON)
                .join(PERSON).on(PERSON.ID.eq(SESSION_PERSON.PERSON_ID))
                .where(SESSION_PERSON.SESSION_ID.eq(sessionId), SESSION_PERSON.ROLE.eq(PersonRole.FACILITATOR),
                        PERSON.USER_ID.eq(userId)));
    }

    Optional<Instant> endsAt(long sessionId) {
        return db.select(PROGRAMME_SESSION.ENDS_AT).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(sessionId)).fetchOptional(PROGRAMME_SESSION.ENDS_AT);
    }

    /** @param email null when the address is not confirmed: such a person gets the agenda notice only */
    record Recipient(long userId, @Nullable String email) {
    }
}
