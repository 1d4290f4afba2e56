package org.convene.exchange;

import org.convene.programme.PersonRole;
import java.time.ZoneId;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.PERSON;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_PERSON;
import static org.convene.db.Tables.TRACK;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

/** Reads and writes whole programmes for schedule export and import. */
@Repository
class ScheduleRepository {

    private final DSLContext db;

    ScheduleRepository(DSLContext db) {
        this.db = db;
    }

    /** Track names in their timetable order. */
    List<String> trackNames(long conferenceId) {
        return db.select(TRACK.NAME).from(TRACK).where(TRACK.CONFERENCE_ID.eq(conferenceId))
                .orderBy(TRACK.POSITION, TRACK.NAME).fetch(TRACK.NAME);
    }

    List<ScheduleSession> sessions(long conferenceId) {
        var people = multiset(select(PERSON.ID, PERSON.NAME, PERSON.BIO, SESSION_PERSON.ROLE)
                .from(SESSION_PERSON).join(PERSON).on(PERSON.ID.eq(SESSION_PERSON.PERSON_ID))
                .where(SESSION_PERSON.SESSION_ID.eq(PROGRAMME_SESSION.ID))
                // facilitators first, as the session page lists them
                .orderBy(SESSION_PERSON.ROLE, SESSION_PERSON.POSITION, PERSON.NAME))
                .convertFrom(r -> r.map(mapping((id, name, bio, role) ->
                        new ScheduleSession.Person(id, name, bio, role))));
        return db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.GUID, PROGRAMME_SESSION.TITLE,
                        PROGRAMME_SESSION.FORMAT, PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ENDS_AT, TRACK.NAME,
                        HOST_ORGANISATION.NAME, PROGRAMME_SESSION.SUMMARY_MARKDOWN, PROGRAMME_SESSION.JOIN_URL,
                        PROGRAMME_SESSION.RECORDING_URL, PROGRAMME_SESSION.VERSION, people,
                        PROGRAMME_SESSION.CANCELLED_AT.isNotNull(), PROGRAMME_SESSION.CANCELLATION_REASON)
                .from(PROGRAMME_SESSION)
                .leftJoin(TRACK).on(TRACK.ID.eq(PROGRAMME_SESSION.TRACK_ID))
                .leftJoin(HOST_ORGANISATION).on(HOST_ORGANISATION.ID.eq(PROGRAMME_SESSION.HOST_ID))
                .where(PROGRAMME_SESSION.CONFERENCE_ID.eq(conferenceId))
                .orderBy(PROGRAMME_SESSION.STARTS_AT, TRACK.POSITION, PROGRAMME_SESSION.ID)
                .fetch(mapping(ScheduleSession::new));
    }

    Optional<Long> conferenceId(String slug) {
        return db.select(CONFERENCE.ID).from(CONFERENCE).where(CONFERENCE.SLUG.eq(slug)).forUpdate()
                .fetchOptional(CONFERENCE.ID);
    }

    long createConference(String slug, String name, ZoneId zone, LocalDate first, LocalDate last) {
        return db.insertInto(CONFERENCE).set(CONFERENCE.SLUG, slug).set(CONFERENCE.NAME, name)
                .set(CONFERENCE.TIME_ZONE, zone).set(CONFERENCE.FIRST_DAY, first).set(CONFERENCE.LAST_DAY, last)
                .returning(CONFERENCE.ID).fetchSingle(CONFERENCE.ID);
    }

    void updateConference(long id, String name, ZoneId zone, LocalDate first, LocalDate last) {
        db.update(CONFERENCE).set(CONFERENCE.NAME, name).set(CONFERENCE.TIME_ZONE, zone)
                .set(CONFERENCE.FIRST_DAY, first).set(CONFERENCE.LAST_DAY, last)
                .set(CONFERENCE.VERSION, CONFERENCE.VERSION.plus(1))
                .where(CONFERENCE.ID.eq(id)).execute();
    }

    Optional<Long> trackId(long conferenceId, String name) {
        return db.select(TRACK.ID).from(TRACK).where(TRACK.CONFERENCE_ID.eq(conferenceId), TRACK.NAME.eq(name))
                .fetchOptional(TRACK.ID);
    }

    long createTrack(long conferenceId, String name, int position) {
        return db.insertInto(TRACK).set(TRACK.CONFERENCE_ID, conferenceId).set(TRACK.NAME, name)
                .set(TRACK.POSITION, position).returning(TRACK.ID).fetchSingle(TRACK.ID);
    }

    void moveTrack(long trackId, int position) {
        db.update(TRACK).set(TRACK.POSITION, position).where(TRACK.ID.eq(trackId)).execute();
    }

    Optional<Long> sessionByGuid(long conferenceId, UUID guid) {
        return db.select(PROGRAMME_SESSION.ID).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.CONFERENCE_ID.eq(conferenceId), PROGRAMME_SESSION.GUID.eq(guid))
                .fetchOptional(PROGRAMME_SESSION.ID);
    }

    /** The meeting's address stored for a session, if the session exists and has one. */
    Optional<String> joinUrl(long sessionId) {
        return db.select(PROGRAMME_SESSION.JOIN_URL).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(sessionId), PROGRAMME_SESSION.JOIN_URL.isNotNull())
                .fetchOptional(PROGRAMME_SESSION.JOIN_URL);
    }

    /** Sessions made in Convene, which exports give a guid derived from their id (see ScheduleSession). */
    List<Long> sessionsWithoutGuid(long conferenceId) {
        return db.select(PROGRAMME_SESSION.ID).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.CONFERENCE_ID.eq(conferenceId), PROGRAMME_SESSION.GUID.isNull())
                .fetch(PROGRAMME_SESSION.ID);
    }

    long createSession(long conferenceId, @Nullable UUID guid, ImportedSession s, @Nullable Long trackId) {
        return db.insertInto(PROGRAMME_SESSION)
                .set(PROGRAMME_SESSION.CONFERENCE_ID, conferenceId).set(PROGRAMME_SESSION.GUID, guid)
                .set(PROGRAMME_SESSION.TITLE, s.title()).set(PROGRAMME_SESSION.SUMMARY_MARKDOWN, s.summaryMarkdown())
                .set(PROGRAMME_SESSION.FORMAT, s.format())
                .set(PROGRAMME_SESSION.STARTS_AT, s.startsAt())
                .set(PROGRAMME_SESSION.ENDS_AT, s.endsAt())
                .set(PROGRAMME_SESSION.TRACK_ID, trackId)
                .set(PROGRAMME_SESSION.JOIN_URL, s.joinUrl()).set(PROGRAMME_SESSION.RECORDING_URL, s.recordingUrl())
                .returning(PROGRAMME_SESSION.ID).fetchSingle(PROGRAMME_SESSION.ID);
    }

    /**
     * Only what the schedule carries changes; hosts, access features and capacity set in Convene stay. A session
     * the schedule does not change is not written (its version stays): returns whether it was.
     */
    boolean updateSession(long sessionId, ImportedSession s, @Nullable Long trackId) {
        return db.update(PROGRAMME_SESSION)
                .set(PROGRAMME_SESSION.GUID, s.guid())
                .set(PROGRAMME_SESSION.TITLE, s.title()).set(PROGRAMME_SESSION.SUMMARY_MARKDOWN, s.summaryMarkdown())
                .set(PROGRAMME_SESSION.FORMAT, s.format())
                .set(PROGRAMME_SESSION.STARTS_AT, s.startsAt())
                .set(PROGRAMME_SESSION.ENDS_AT, s.endsAt())
                .set(PROGRAMME_SESSION.TRACK_ID, trackId)
                .set(PROGRAMME_SESSION.JOIN_URL, s.joinUrl()).set(PROGRAMME_SESSION.RECORDING_URL, s.recordingUrl())
                .set(PROGRAMME_SESSION.VERSION, PROGRAMME_SESSION.VERSION.plus(1))
                .where(PROGRAMME_SESSION.ID.eq(sessionId))
                .and(row(PROGRAMME_SESSION.GUID, PROGRAMME_SESSION.TITLE, PROGRAMME_SESSION.SUMMARY_MARKDOWN,
                        PROGRAMME_SESSION.FORMAT, PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ENDS_AT,
                        PROGRAMME_SESSION.TRACK_ID, PROGRAMME_SESSION.JOIN_URL, PROGRAMME_SESSION.RECORDING_URL)
                        .isDistinctFrom(s.guid(), s.title(), s.summaryMarkdown(), s.format(), s.startsAt(), s.endsAt(),
                                trackId, s.joinUrl(), s.recordingUrl()))
                .execute() > 0;
    }

    /**
     * A person already speaking or facilitating in this conference with the same name (ignoring case), so
     * that importing again, or a speaker with several talks, does not make duplicates.
     */
    Optional<Long> personInConference(long conferenceId, String name) {
        return db.selectDistinct(PERSON.ID).from(PERSON)
                .join(SESSION_PERSON).on(SESSION_PERSON.PERSON_ID.eq(PERSON.ID))
                .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(SESSION_PERSON.SESSION_ID))
                .where(PROGRAMME_SESSION.CONFERENCE_ID.eq(conferenceId),
                        PERSON.NAME.lower().eq(name.toLowerCase(java.util.Locale.ROOT)))
                .orderBy(PERSON.ID).limit(1)
                .fetchOptional(PERSON.ID);
    }

    long createPerson(String name, @Nullable String bio) {
        return db.insertInto(PERSON).set(PERSON.NAME, name).set(PERSON.BIO, bio)
                .returning(PERSON.ID).fetchSingle(PERSON.ID);
    }

    /** Returns whether the biography changed. An absent biography never wipes one written in Convene. */
    boolean updateBio(long personId, @Nullable String bio) {
        if (bio == null) {
            return false;
        }
        return db.update(PERSON).set(PERSON.BIO, bio)
                .where(PERSON.ID.eq(personId), PERSON.BIO.isDistinctFrom(bio)).execute() > 0;
    }

    /** Speakers come from the schedule; facilitators are assigned in Convene and stay. Returns whether they changed. */
    boolean replaceSpeakers(long sessionId, List<Long> personIds) {
        List<Long> current = db.select(SESSION_PERSON.PERSON_ID).from(SESSION_PERSON)
                .where(SESSION_PERSON.SESSION_ID.eq(sessionId), SESSION_PERSON.ROLE.eq(PersonRole.SPEAKER))
                .orderBy(SESSION_PERSON.POSITION).fetch(SESSION_PERSON.PERSON_ID);
        if (current.equals(personIds.stream().distinct().toList())) {
            return false;
        }
        db.deleteFrom(SESSION_PERSON).where(SESSION_PERSON.SESSION_ID.eq(sessionId),
                SESSION_PERSON.ROLE.eq(PersonRole.SPEAKER)).execute();
        int position = 0;
        for (long personId : personIds) {
            db.insertInto(SESSION_PERSON).set(SESSION_PERSON.SESSION_ID, sessionId)
                    .set(SESSION_PERSON.PERSON_ID, personId).set(SESSION_PERSON.ROLE, PersonRole.SPEAKER)
                    .set(SESSION_PERSON.POSITION, position++)
                    .onConflictDoNothing().execute();
        }
        return true;
    }

}
