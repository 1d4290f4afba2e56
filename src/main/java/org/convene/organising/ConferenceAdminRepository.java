package org.convene.organising;

import org.convene.programme.ConferenceSummary;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.HOST_COORDINATOR;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.PERSON;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_PERSON;
import static org.convene.db.Tables.TRACK;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;

/** Reads and writes conferences, tracks, host organisations and people for the organisers' pages. */
@Repository
class ConferenceAdminRepository {

    private final DSLContext db;

    ConferenceAdminRepository(DSLContext db) {
        this.db = db;
    }

    // --- conferences

    List<ConferenceSummary> conferences() {
        return db.select(CONFERENCE.ID, CONFERENCE.SLUG, CONFERENCE.NAME, CONFERENCE.THEME, CONFERENCE.TIME_ZONE,
                        CONFERENCE.FIRST_DAY, CONFERENCE.LAST_DAY)
                .from(CONFERENCE)
                .orderBy(CONFERENCE.FIRST_DAY.desc(), CONFERENCE.NAME)
                .fetch(mapping((id, slug, name, theme, zone, first, last) ->
                        new ConferenceSummary(id, slug, name, theme, zone, first, last)));
    }

    private static final Field<Integer> TRACK_SESSIONS = DSL.field(selectCount().from(PROGRAMME_SESSION)
            .where(PROGRAMME_SESSION.TRACK_ID.eq(TRACK.ID)));

    Optional<ConferenceEdit> conference(Condition which) {
        return db.select(CONFERENCE.ID, CONFERENCE.SLUG, CONFERENCE.NAME, CONFERENCE.THEME, CONFERENCE.DESCRIPTION,
                        CONFERENCE.TIME_ZONE, CONFERENCE.FIRST_DAY, CONFERENCE.LAST_DAY, CONFERENCE.VERSION,
                        multiset(select(TRACK.ID, TRACK.NAME, TRACK.POSITION, TRACK_SESSIONS, TRACK.VERSION)
                                .from(TRACK).where(TRACK.CONFERENCE_ID.eq(CONFERENCE.ID))
                                .orderBy(TRACK.POSITION, TRACK.ID))
                                .convertFrom(r -> r.map(mapping(TrackRow::new))))
                .from(CONFERENCE)
                .where(which)
                .fetchOptional(mapping((id, slug, name, theme, description, zone, first, last, version, tracks) ->
                        new ConferenceEdit(id, slug, name, theme, description, zone, first, last, version,
                                tracks)));
    }

    Optional<ConferenceEdit> conference(String slug) {
        return conference(CONFERENCE.SLUG.eq(slug));
    }

    Optional<ConferenceEdit> conference(long id) {
        return conference(CONFERENCE.ID.eq(id));
    }

    boolean slugTaken(String slug, @Nullable Long exceptId) {
        return db.fetchExists(CONFERENCE, CONFERENCE.SLUG.eq(slug)
                .and(exceptId == null ? DSL.noCondition() : CONFERENCE.ID.ne(exceptId)));
    }

    /** Empty when the slug was taken at the same moment by someone else. */
    Optional<Long> insertConference(ConferenceForm form) {
        return db.insertInto(CONFERENCE)
                .set(CONFERENCE.NAME, form.name())
                .set(CONFERENCE.SLUG, form.slug())
                .set(CONFERENCE.THEME, form.theme())
                .set(CONFERENCE.DESCRIPTION, form.description())
                .set(CONFERENCE.TIME_ZONE, ZoneId.of(form.timeZone()))
                .set(CONFERENCE.FIRST_DAY, form.firstDay())
                .set(CONFERENCE.LAST_DAY, form.lastDay())
                .onConflict(CONFERENCE.SLUG).doNothing()
                .returning(CONFERENCE.ID)
                .fetchOptional(CONFERENCE.ID);
    }

    /** False when the stored version is not the expected one (or the conference is gone). */
    boolean updateConference(long id, int expectedVersion, ConferenceForm form) {
        return db.update(CONFERENCE)
                .set(CONFERENCE.NAME, form.name())
                .set(CONFERENCE.SLUG, form.slug())
                .set(CONFERENCE.THEME, form.theme())
                .set(CONFERENCE.DESCRIPTION, form.description())
                .set(CONFERENCE.TIME_ZONE, ZoneId.of(form.timeZone()))
                .set(CONFERENCE.FIRST_DAY, form.firstDay())
                .set(CONFERENCE.LAST_DAY, form.lastDay())
                .set(CONFERENCE.VERSION, CONFERENCE.VERSION.plus(1))
                .where(CONFERENCE.ID.eq(id), CONFERENCE.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    /**
     * Sessions that would fall outside the days in the zone: starting before the first day begins or ending
     * after the last day ends. Sessions are stored as instants, so this compares instants.
     */
    int sessionsOutside(long conferenceId, ZoneId zone, LocalDate first, LocalDate last) {
        ZonedDateTime from = first.atStartOfDay(zone);
        ZonedDateTime to = last.plusDays(1).atStartOfDay(zone);
        return db.fetchCount(PROGRAMME_SESSION, PROGRAMME_SESSION.CONFERENCE_ID.eq(conferenceId)
                .and(PROGRAMME_SESSION.STARTS_AT.lt(from.toInstant())
                        .or(PROGRAMME_SESSION.ENDS_AT.gt(to.toInstant()))));
    }

    // --- tracks

    Optional<Long> trackConference(long trackId) {
        return db.select(TRACK.CONFERENCE_ID).from(TRACK).where(TRACK.ID.eq(trackId)).fetchOptional(TRACK.CONFERENCE_ID);
    }

    boolean trackNameTaken(long conferenceId, String name, @Nullable Long exceptId) {
        return db.fetchExists(TRACK, TRACK.CONFERENCE_ID.eq(conferenceId)
                .and(DSL.lower(TRACK.NAME).eq(name.toLowerCase(java.util.Locale.ROOT)))
                .and(exceptId == null ? DSL.noCondition() : TRACK.ID.ne(exceptId)));
    }

    Optional<Long> insertTrack(long conferenceId, String name) {
        int next = db.select(DSL.coalesce(DSL.max(TRACK.POSITION), -1).plus(1)).from(TRACK)
                .where(TRACK.CONFERENCE_ID.eq(conferenceId)).fetchSingle().value1();
        return db.insertInto(TRACK)
                .set(TRACK.CONFERENCE_ID, conferenceId).set(TRACK.NAME, name).set(TRACK.POSITION, next)
                .onConflictDoNothing()
                .returning(TRACK.ID).fetchOptional(TRACK.ID);
    }

    boolean renameTrack(long trackId, int expectedVersion, String name) {
        return db.update(TRACK).set(TRACK.NAME, name).set(TRACK.VERSION, TRACK.VERSION.plus(1))
                .where(TRACK.ID.eq(trackId), TRACK.VERSION.eq(expectedVersion)).execute() == 1;
    }

    /** The conference's track ids in their order, locked so two moves at once cannot interleave. */
    List<Long> lockTrackOrder(long conferenceId) {
        return db.select(TRACK.ID).from(TRACK).where(TRACK.CONFERENCE_ID.eq(conferenceId))
                .orderBy(TRACK.POSITION, TRACK.ID).forUpdate().fetch(TRACK.ID);
    }

    void setTrackPosition(long trackId, int position) {
        db.update(TRACK).set(TRACK.POSITION, position).set(TRACK.VERSION, TRACK.VERSION.plus(1))
                .where(TRACK.ID.eq(trackId)).execute();
    }

    int sessionsInTrack(long trackId) {
        return db.fetchCount(PROGRAMME_SESSION, PROGRAMME_SESSION.TRACK_ID.eq(trackId));
    }

    /** Deletes the track; its sessions keep going without one (on delete set null). */
    boolean deleteTrack(long trackId) {
        return db.deleteFrom(TRACK).where(TRACK.ID.eq(trackId)).execute() == 1;
    }

    // --- host organisations

    private static Condition hostMatching(String filter) {
        return filter == null || filter.isBlank() ? DSL.noCondition()
                : HOST_ORGANISATION.NAME.containsIgnoreCase(filter.strip());
    }

    List<HostRow> hosts(String filter, int offset, int limit) {
        return db.select(HOST_ORGANISATION.ID, HOST_ORGANISATION.NAME, HOST_ORGANISATION.WEBSITE,
                        DSL.field(selectCount().from(HOST_COORDINATOR)
                                .where(HOST_COORDINATOR.HOST_ID.eq(HOST_ORGANISATION.ID))),
                        DSL.field(selectCount().from(PROGRAMME_SESSION)
                                .where(PROGRAMME_SESSION.HOST_ID.eq(HOST_ORGANISATION.ID))))
                .from(HOST_ORGANISATION)
                .where(hostMatching(filter))
                .orderBy(DSL.lower(HOST_ORGANISATION.NAME), HOST_ORGANISATION.ID)
                .offset(offset).limit(limit)
                .fetch(mapping((id, name, website, coordinators, sessions) ->
                        new HostRow(id, name, website, coordinators, sessions)));
    }

    int countHosts(String filter) {
        return db.fetchCount(HOST_ORGANISATION, hostMatching(filter));
    }

    Optional<HostEdit> host(long id) {
        return db.select(HOST_ORGANISATION.ID, HOST_ORGANISATION.NAME, HOST_ORGANISATION.WEBSITE,
                        HOST_ORGANISATION.DESCRIPTION, HOST_ORGANISATION.VERSION)
                .from(HOST_ORGANISATION).where(HOST_ORGANISATION.ID.eq(id))
                .fetchOptional(mapping(HostEdit::new));
    }

    boolean hostNameTaken(String name, @Nullable Long exceptId) {
        return db.fetchExists(HOST_ORGANISATION, DSL.lower(HOST_ORGANISATION.NAME).eq(name.toLowerCase(java.util.Locale.ROOT))
                .and(exceptId == null ? DSL.noCondition() : HOST_ORGANISATION.ID.ne(exceptId)));
    }

    /** Empty when the name was taken at the same moment (the unique index on lower(name) decides). */
    Optional<Long> insertHost(HostForm form) {
        return db.insertInto(HOST_ORGANISATION)
                .set(HOST_ORGANISATION.NAME, form.name())
                .set(HOST_ORGANISATION.WEBSITE, form.website())
                .set(HOST_ORGANISATION.DESCRIPTION, form.description())
                .onConflictDoNothing()
                .returning(HOST_ORGANISATION.ID)
                .fetchOptional(HOST_ORGANISATION.ID);
    }

    boolean updateHost(long id, int expectedVersion, HostForm form) {
        return db.update(HOST_ORGANISATION)
                .set(HOST_ORGANISATION.NAME, form.name())
                .set(HOST_ORGANISATION.WEBSITE, form.website())
                .set(HOST_ORGANISATION.DESCRIPTION, form.description())
                .set(HOST_ORGANISATION.VERSION, HOST_ORGANISATION.VERSION.plus(1))
                .where(HOST_ORGANISATION.ID.eq(id), HOST_ORGANISATION.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    // --- people

    private static Condition personMatching(String search) {
        if (search == null || search.isBlank()) {
            return DSL.noCondition();
        }
        String text = search.strip();
        return PERSON.NAME.containsIgnoreCase(text).or(PERSON.ORGANISATION.containsIgnoreCase(text));
    }

    List<PersonRow> people(String search, int offset, int limit) {
        return db.select(PERSON.ID, PERSON.NAME, PERSON.ORGANISATION, PERSON.USER_ID.isNotNull(),
                        DSL.field(select(DSL.countDistinct(SESSION_PERSON.SESSION_ID)).from(SESSION_PERSON)
                                .where(SESSION_PERSON.PERSON_ID.eq(PERSON.ID))))
                .from(PERSON)
                .where(personMatching(search))
                .orderBy(DSL.lower(PERSON.NAME), PERSON.ID)
                .offset(offset).limit(limit)
                .fetch(mapping((id, name, organisation, hasAccount, sessions) ->
                        new PersonRow(id, name, organisation, hasAccount, sessions)));
    }

    int countPeople(String search) {
        return db.fetchCount(PERSON, personMatching(search));
    }

    Optional<PersonEdit> person(long id) {
        return db.select(PERSON.ID, PERSON.NAME, PERSON.ORGANISATION, PERSON.BIO, APP_USER.EMAIL, PERSON.VERSION)
                .from(PERSON).leftJoin(APP_USER).on(APP_USER.ID.eq(PERSON.USER_ID))
                .where(PERSON.ID.eq(id))
                .fetchOptional(mapping(PersonEdit::new));
    }

    /** The account with this (normalised) email address, for linking a person to it. */
    Optional<Long> accountId(String email) {
        return db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOptional(APP_USER.ID);
    }

    long insertPerson(PersonForm form, @Nullable Long userId) {
        return db.insertInto(PERSON)
                .set(PERSON.NAME, form.name())
                .set(PERSON.ORGANISATION, form.organisation())
                .set(PERSON.BIO, form.bio())
                .set(PERSON.USER_ID, userId)
                .returning(PERSON.ID)
                .fetchSingle(PERSON.ID);
    }

    boolean updatePerson(long id, int expectedVersion, PersonForm form, @Nullable Long userId) {
        return db.update(PERSON)
                .set(PERSON.NAME, form.name())
                .set(PERSON.ORGANISATION, form.organisation())
                .set(PERSON.BIO, form.bio())
                .set(PERSON.USER_ID, userId)
                .set(PERSON.VERSION, PERSON.VERSION.plus(1))
                .where(PERSON.ID.eq(id), PERSON.VERSION.eq(expectedVersion))
                .execute() == 1;
    }
}
