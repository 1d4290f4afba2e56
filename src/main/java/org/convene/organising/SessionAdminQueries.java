package org.convene.organising;

import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.PersonRole;
import org.convene.programme.SessionColumns;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.PERSON;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_PERSON;
import static org.convene.db.Tables.TRACK;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

/** Reads and writes behind the session editor and the management list; checks of who may act are the service's. */
@Repository
class SessionAdminQueries {

    /** An account found by email address, as far as assigning it to a session needs. */
    record Account(long userId, String displayName) {
    }

    private final DSLContext db;

    SessionAdminQueries(DSLContext db) {
        this.db = db;
    }

    Optional<SessionForEditing> forEditing(long sessionId) {
        var s = PROGRAMME_SESSION;
        var conference = row(CONFERENCE.ID, CONFERENCE.SLUG, CONFERENCE.NAME, CONFERENCE.THEME,
                CONFERENCE.TIME_ZONE, CONFERENCE.FIRST_DAY, CONFERENCE.LAST_DAY)
                .convertFrom(mapping(ConferenceSummary::new));
        return db.select(s.ID, conference, s.VERSION, s.REFERENCE, s.TITLE, s.SUMMARY_MARKDOWN, s.FORMAT,
                        s.STARTS_AT, s.ENDS_AT, s.TRACK_ID, s.HOST_ID, s.JOIN_URL, s.CAPACITY,
                        SessionColumns.access(), s.ACCESS_NOTES, s.CANCELLED_AT,
                        row(s.REGISTRATION_CLOSES_AT, s.REGISTRATION_NEEDS_APPROVAL).mapping(SessionRegistration::new),
                        people(PersonRole.FACILITATOR), people(PersonRole.SPEAKER), people(PersonRole.CAPTIONER))
                .from(s)
                .join(CONFERENCE).on(CONFERENCE.ID.eq(s.CONFERENCE_ID))
                .where(s.ID.eq(sessionId))
                .fetchOptional(mapping(SessionForEditing::new));
    }

    Optional<SessionRegistration> registration(long sessionId) {
        return db.select(PROGRAMME_SESSION.REGISTRATION_CLOSES_AT, PROGRAMME_SESSION.REGISTRATION_NEEDS_APPROVAL)
                .from(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.eq(sessionId))
                .fetchOptional(mapping(SessionRegistration::new));
    }

    /** Written after the draft (by the editor only: the imports leave registration as it is). */
    void setRegistration(long sessionId, SessionRegistration registration) {
        db.update(PROGRAMME_SESSION)
                .set(PROGRAMME_SESSION.REGISTRATION_CLOSES_AT, registration.closesAt())
                .set(PROGRAMME_SESSION.REGISTRATION_NEEDS_APPROVAL, registration.needsApproval())
                .where(PROGRAMME_SESSION.ID.eq(sessionId))
                .execute();
    }

    private static Field<List<AssignedPerson>> people(PersonRole role) {
        return multiset(select(PERSON.ID, PERSON.NAME, PERSON.ORGANISATION, PERSON.USER_ID.isNotNull())
                .from(SESSION_PERSON)
                .join(PERSON).on(PERSON.ID.eq(SESSION_PERSON.PERSON_ID))
                .where(SESSION_PERSON.SESSION_ID.eq(PROGRAMME_SESSION.ID), SESSION_PERSON.ROLE.eq(role))
                .orderBy(SESSION_PERSON.POSITION, PERSON.NAME, PERSON.ID))
                .convertFrom(result -> result.map(mapping(AssignedPerson::new)));
    }

    Optional<ConferenceSummary> conference(long conferenceId) {
        return db.select(CONFERENCE.ID, CONFERENCE.SLUG, CONFERENCE.NAME, CONFERENCE.THEME, CONFERENCE.TIME_ZONE,
                        CONFERENCE.FIRST_DAY, CONFERENCE.LAST_DAY)
                .from(CONFERENCE).where(CONFERENCE.ID.eq(conferenceId))
                .fetchOptional(mapping(ConferenceSummary::new));
    }

    Optional<Long> conferenceOf(long sessionId) {
        return db.select(PROGRAMME_SESSION.CONFERENCE_ID).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(sessionId)).fetchOptional(PROGRAMME_SESSION.CONFERENCE_ID);
    }

    boolean sessionExists(long sessionId) {
        return db.fetchExists(PROGRAMME_SESSION, PROGRAMME_SESSION.ID.eq(sessionId));
    }

    /** All host organisations when {@code onlyIds} is null, else just those, by name. */
    List<HostRef> hosts(@Nullable Set<Long> onlyIds) {
        Condition which = onlyIds == null ? DSL.trueCondition() : HOST_ORGANISATION.ID.in(onlyIds);
        return db.select(HOST_ORGANISATION.ID, HOST_ORGANISATION.NAME).from(HOST_ORGANISATION).where(which)
                .orderBy(DSL.lower(HOST_ORGANISATION.NAME), HOST_ORGANISATION.ID)
                .fetch(mapping(HostRef::new));
    }

    boolean hostExists(long hostId) {
        return db.fetchExists(HOST_ORGANISATION, HOST_ORGANISATION.ID.eq(hostId));
    }

    /** Whether another session of the conference already uses this reference (they are unique per conference). */
    boolean referenceTaken(long conferenceId, String reference, @Nullable Long exceptSessionId) {
        return db.fetchExists(PROGRAMME_SESSION, PROGRAMME_SESSION.CONFERENCE_ID.eq(conferenceId),
                PROGRAMME_SESSION.REFERENCE.eq(reference),
                exceptSessionId == null ? DSL.trueCondition() : PROGRAMME_SESSION.ID.ne(exceptSessionId));
    }

    // ---- the management list ------------------------------------------------------------------------------

    /** @param hostIds null for every session of the conference, else only sessions of these hosts */
    int count(long conferenceId, @Nullable Set<Long> hostIds, String text) {
        return db.selectCount().from(PROGRAMME_SESSION)
                .leftJoin(HOST_ORGANISATION).on(HOST_ORGANISATION.ID.eq(PROGRAMME_SESSION.HOST_ID))
                .where(listed(conferenceId, hostIds, text))
                .fetchSingle().value1();
    }

    List<ManagedSession> page(long conferenceId, @Nullable Set<Long> hostIds, String text, ManagedSessionSort sort,
                              boolean ascending, int offset, int limit) {
        var s = PROGRAMME_SESSION;
        return db.select(s.ID, s.REFERENCE, s.TITLE, s.STARTS_AT, s.ENDS_AT, SessionColumns.track(),
                        SessionColumns.host(), s.CANCELLED_AT.isNotNull())
                .from(s)
                .leftJoin(TRACK).on(TRACK.ID.eq(s.TRACK_ID))
                .leftJoin(HOST_ORGANISATION).on(HOST_ORGANISATION.ID.eq(s.HOST_ID))
                .where(listed(conferenceId, hostIds, text))
                .orderBy(order(sort, ascending))
                .offset(offset).limit(limit)
                .fetch(mapping(ManagedSession::new));
    }

    private static Condition listed(long conferenceId, @Nullable Set<Long> hostIds, String text) {
        Condition condition = PROGRAMME_SESSION.CONFERENCE_ID.eq(conferenceId);
        if (hostIds != null) {
            condition = condition.and(PROGRAMME_SESSION.HOST_ID.in(hostIds));
        }
        List<String> words = text == null ? List.of()
                : Arrays.stream(text.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        if (!words.isEmpty()) {
            // a reference is looked up whole, as people copy it from their spreadsheet
            condition = condition.and(SessionColumns.matchesAllWords(words)
                    .or(PROGRAMME_SESSION.REFERENCE.equalIgnoreCase(text.strip())));
        }
        return condition;
    }

    private static List<OrderField<?>> order(ManagedSessionSort sort, boolean ascending) {
        List<OrderField<?>> order = new ArrayList<>();
        switch (sort) {
            case TITLE -> order.add(ascending ? DSL.lower(PROGRAMME_SESSION.TITLE).asc()
                    : DSL.lower(PROGRAMME_SESSION.TITLE).desc());
            case TRACK -> {
                order.add(ascending ? TRACK.POSITION.asc().nullsLast() : TRACK.POSITION.desc().nullsLast());
                order.add(ascending ? TRACK.NAME.asc() : TRACK.NAME.desc());
            }
            case HOST -> order.add(ascending ? DSL.lower(HOST_ORGANISATION.NAME).asc().nullsLast()
                    : DSL.lower(HOST_ORGANISATION.NAME).desc().nullsLast());
            case START -> {
                order.add(ascending ? PROGRAMME_SESSION.STARTS_AT.asc() : PROGRAMME_SESSION.STARTS_AT.desc());
                order.add(ascending ? PROGRAMME_SESSION.ID.asc() : PROGRAMME_SESSION.ID.desc());
                return order;
            }
        }
        // ties in time order, and the id last so that pages never overlap
        order.add(PROGRAMME_SESSION.STARTS_AT.asc());
        order.add(PROGRAMME_SESSION.ID.asc());
        return order;
    }

    // ---- people on a session ------------------------------------------------------------------------------

    Optional<Account> accountByEmail(String email) {
        return db.select(APP_USER.ID, APP_USER.DISPLAY_NAME).from(APP_USER).where(APP_USER.EMAIL.eq(email))
                .fetchOptional(mapping(Account::new));
    }

    /** The person linked to this account (the oldest, should there be several), made from the account if none. */
    long personFor(Account account) {
        return db.select(PERSON.ID).from(PERSON).where(PERSON.USER_ID.eq(account.userId()))
                .orderBy(PERSON.ID).limit(1)
                .fetchOptional(PERSON.ID)
                .orElseGet(() -> db.insertInto(PERSON)
                        .set(PERSON.NAME, account.displayName())
                        .set(PERSON.USER_ID, account.userId())
                        .returning(PERSON.ID).fetchSingle(PERSON.ID));
    }

    Optional<AssignedPerson> person(long personId) {
        return db.select(PERSON.ID, PERSON.NAME, PERSON.ORGANISATION, PERSON.USER_ID.isNotNull())
                .from(PERSON).where(PERSON.ID.eq(personId))
                .fetchOptional(mapping(AssignedPerson::new));
    }

    boolean isAssigned(long sessionId, long personId, PersonRole role) {
        return db.fetchExists(SESSION_PERSON, SESSION_PERSON.SESSION_ID.eq(sessionId),
                SESSION_PERSON.PERSON_ID.eq(personId), SESSION_PERSON.ROLE.eq(role));
    }

    /** Adds the person after those already in this role; false when they were there already. */
    boolean assign(long sessionId, long personId, PersonRole role) {
        Field<Integer> next = select(coalesce(max(SESSION_PERSON.POSITION).plus(1), inline(0)))
                .from(SESSION_PERSON)
                .where(SESSION_PERSON.SESSION_ID.eq(sessionId), SESSION_PERSON.ROLE.eq(role))
                .asField();
        return db.insertInto(SESSION_PERSON)
                .set(SESSION_PERSON.SESSION_ID, sessionId)
                .set(SESSION_PERSON.PERSON_ID, personId)
                .set(SESSION_PERSON.ROLE, role)
                .set(SESSION_PERSON.POSITION, next)
                .onConflictDoNothing()
                .execute() == 1;
    }

    boolean unassign(long sessionId, long personId, PersonRole role) {
        return db.deleteFrom(SESSION_PERSON)
                .where(SESSION_PERSON.SESSION_ID.eq(sessionId), SESSION_PERSON.PERSON_ID.eq(personId),
                        SESSION_PERSON.ROLE.eq(role))
                .execute() == 1;
    }

    /** People whose name contains the text, for choosing speakers; by name. */
    List<AssignedPerson> people(String text, int offset, int limit) {
        return db.select(PERSON.ID, PERSON.NAME, PERSON.ORGANISATION, PERSON.USER_ID.isNotNull())
                .from(PERSON).where(nameContains(text))
                .orderBy(DSL.lower(PERSON.NAME), PERSON.ID)
                .offset(offset).limit(limit)
                .fetch(mapping(AssignedPerson::new));
    }

    int countPeople(String text) {
        return db.fetchCount(PERSON, nameContains(text));
    }

    private static Condition nameContains(String text) {
        if (text == null || text.isBlank()) {
            return DSL.trueCondition();
        }
        return PERSON.NAME.containsIgnoreCase(text.strip());
    }
}
