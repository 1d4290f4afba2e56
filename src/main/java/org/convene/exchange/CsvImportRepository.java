package org.convene.exchange;

import org.convene.programme.AccessFeature;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.PersonRole;
import org.convene.programme.SessionDraft;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

/** What a CSV import reads to match rows with the programme, and the few writes SessionWriter does not do. */
@Repository
class CsvImportRepository {

    /** A session the file may update, as the import compares it with a row. */
    record Existing(long id, int version, SessionDraft draft, Set<Long> facilitatorUserIds) {
    }

    private final DSLContext db;

    CsvImportRepository(DSLContext db) {
        this.db = db;
    }

    Optional<ConferenceSummary> conference(long id) {
        return db.select(CONFERENCE.ID, CONFERENCE.SLUG, CONFERENCE.NAME, CONFERENCE.THEME, CONFERENCE.TIME_ZONE,
                        CONFERENCE.FIRST_DAY, CONFERENCE.LAST_DAY)
                .from(CONFERENCE).where(CONFERENCE.ID.eq(id))
                .fetchOptional(mapping(ConferenceSummary::new));
    }

    /** Track ids by name, in timetable order. */
    Map<String, Long> tracks(long conferenceId) {
        Map<String, Long> tracks = new java.util.LinkedHashMap<>();
        db.select(TRACK.NAME, TRACK.ID).from(TRACK).where(TRACK.CONFERENCE_ID.eq(conferenceId))
                .orderBy(TRACK.POSITION, TRACK.NAME)
                .forEach(r -> tracks.put(r.value1(), r.value2()));
        return tracks;
    }

    /** Every host organisation (they span conferences), by name. */
    List<HostRef> hosts() {
        return db.select(HOST_ORGANISATION.ID, HOST_ORGANISATION.NAME).from(HOST_ORGANISATION)
                .orderBy(HOST_ORGANISATION.NAME)
                .fetch(mapping(HostRef::new));
    }

    /** Account ids by (lower-case) email, for those of the given emails that have an account. */
    /** Those of these addresses whose accounts have not confirmed them (they cannot be made facilitators). */
    Set<String> unconfirmedEmails(Collection<String> emails) {
        if (emails.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(db.select(APP_USER.EMAIL).from(APP_USER)
                .where(APP_USER.EMAIL.in(emails), APP_USER.EMAIL_CONFIRMED_AT.isNull())
                .fetch(APP_USER.EMAIL));
    }

    Map<String, Long> usersByEmail(Collection<String> emails) {
        Map<String, Long> users = new HashMap<>();
        if (emails.isEmpty()) {
            return users;
        }
        db.select(APP_USER.EMAIL, APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.in(emails))
                .forEach(r -> users.put(r.value1(), r.value2()));
        return users;
    }

    /**
     * Sessions of the conference that have a reference, by reference. {@code lock} takes row locks, so that
     * between confirming's check of versions and its writes nobody else changes them.
     */
    Map<String, Existing> sessionsByReference(long conferenceId, boolean lock) {
        var s = PROGRAMME_SESSION;
        var facilitators = multiset(select(PERSON.USER_ID).from(SESSION_PERSON)
                .join(PERSON).on(PERSON.ID.eq(SESSION_PERSON.PERSON_ID))
                .where(SESSION_PERSON.SESSION_ID.eq(s.ID), SESSION_PERSON.ROLE.eq(PersonRole.FACILITATOR),
                        PERSON.USER_ID.isNotNull()))
                .convertFrom(r -> new HashSet<>(r.getValues(PERSON.USER_ID)));
        var query = db.select(s.ID, s.VERSION, s.REFERENCE, s.TITLE, s.SUMMARY_MARKDOWN, s.FORMAT, s.STARTS_AT,
                        s.ENDS_AT, s.TRACK_ID, s.HOST_ID, s.JOIN_URL, s.CAPACITY, s.BSL_INTERPRETATION,
                        s.LIVE_CAPTIONS, s.EASY_READ, s.AUDIO_OR_PHONE, s.BUILT_IN_BREAKS, s.ACCESS_NOTES,
                        facilitators)
                .from(s).where(s.CONFERENCE_ID.eq(conferenceId), s.REFERENCE.isNotNull());
        Map<String, Existing> sessions = new HashMap<>();
        (lock ? query.forUpdate().of(s) : query).forEach(r -> {
            Set<AccessFeature> access = EnumSet.noneOf(AccessFeature.class);
            flag(access, AccessFeature.BSL_INTERPRETATION, r.get(s.BSL_INTERPRETATION));
            flag(access, AccessFeature.LIVE_CAPTIONS, r.get(s.LIVE_CAPTIONS));
            flag(access, AccessFeature.EASY_READ, r.get(s.EASY_READ));
            flag(access, AccessFeature.AUDIO_OR_PHONE, r.get(s.AUDIO_OR_PHONE));
            flag(access, AccessFeature.BUILT_IN_BREAKS, r.get(s.BUILT_IN_BREAKS));
            SessionDraft draft = new SessionDraft(conferenceId, r.get(s.REFERENCE), r.get(s.TITLE),
                    r.get(s.SUMMARY_MARKDOWN), r.get(s.FORMAT),
                    r.get(s.STARTS_AT), r.get(s.ENDS_AT), r.get(s.TRACK_ID),
                    r.get(s.HOST_ID), r.get(s.JOIN_URL), r.get(s.CAPACITY), access, r.get(s.ACCESS_NOTES));
            sessions.put(draft.reference(), new Existing(r.get(s.ID), r.get(s.VERSION), draft, r.get(facilitators)));
        });
        return sessions;
    }

    private static void flag(Set<AccessFeature> access, AccessFeature feature, Boolean on) {
        if (Boolean.TRUE.equals(on)) {
            access.add(feature);
        }
    }

    /** A new track goes after the conference's existing ones. */
    long createTrack(long conferenceId, String name) {
        Integer next = db.select(coalesce(max(TRACK.POSITION).plus(1), val(0))).from(TRACK)
                .where(TRACK.CONFERENCE_ID.eq(conferenceId)).fetchSingle().value1();
        return db.insertInto(TRACK).set(TRACK.CONFERENCE_ID, conferenceId).set(TRACK.NAME, name)
                .set(TRACK.POSITION, next).returning(TRACK.ID).fetchSingle(TRACK.ID);
    }

    Optional<Long> hostByName(String name) {
        return db.select(HOST_ORGANISATION.ID).from(HOST_ORGANISATION)
                .where(HOST_ORGANISATION.NAME.lower().eq(name.toLowerCase(Locale.ROOT)))
                .fetchOptional(HOST_ORGANISATION.ID);
    }

    long createHost(String name) {
        return db.insertInto(HOST_ORGANISATION).set(HOST_ORGANISATION.NAME, name)
                .returning(HOST_ORGANISATION.ID).fetchSingle(HOST_ORGANISATION.ID);
    }

    /**
     * Makes exactly these accounts the session's facilitators, each through their person (made from the account
     * when they have none). Facilitators without an account, and speakers, are not the file's to change.
     */
    void setFacilitators(long sessionId, List<Long> userIds) {
        db.deleteFrom(SESSION_PERSON)
                .where(SESSION_PERSON.SESSION_ID.eq(sessionId),
                        SESSION_PERSON.ROLE.eq(PersonRole.FACILITATOR),
                        SESSION_PERSON.PERSON_ID.in(select(PERSON.ID).from(PERSON)
                                .where(PERSON.USER_ID.isNotNull(), PERSON.USER_ID.notIn(userIds))))
                .execute();
        int position = 0;
        for (long userId : userIds) {
            long personId = personOf(userId);
            db.insertInto(SESSION_PERSON).set(SESSION_PERSON.SESSION_ID, sessionId)
                    .set(SESSION_PERSON.PERSON_ID, personId)
                    .set(SESSION_PERSON.ROLE, PersonRole.FACILITATOR)
                    .set(SESSION_PERSON.POSITION, position++)
                    .onConflict(SESSION_PERSON.SESSION_ID, SESSION_PERSON.PERSON_ID, SESSION_PERSON.ROLE)
                    .doUpdate().set(SESSION_PERSON.POSITION, position - 1)
                    .execute();
        }
    }

    private long personOf(long userId) {
        return db.select(PERSON.ID).from(PERSON).where(PERSON.USER_ID.eq(userId)).orderBy(PERSON.ID).limit(1)
                .fetchOptional(PERSON.ID)
                .orElseGet(() -> db.insertInto(PERSON)
                        .set(PERSON.NAME, select(APP_USER.DISPLAY_NAME).from(APP_USER).where(APP_USER.ID.eq(userId)))
                        .set(PERSON.USER_ID, userId)
                        .returning(PERSON.ID).fetchSingle(PERSON.ID));
    }
}
