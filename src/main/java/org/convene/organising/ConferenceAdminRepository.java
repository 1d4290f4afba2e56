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

import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.TRACK;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;

/** Reads and writes conferences and their tracks for the organisers' pages. */
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
                                .convertFrom(r -> r.map(mapping(TrackRow::new))),
                        CONFERENCE.JOIN_NEEDS_ACCOUNT)
                .from(CONFERENCE)
                .where(which)
                .fetchOptional(mapping((id, slug, name, theme, description, zone, first, last, version, tracks,
                                        joinNeedsAccount) ->
                        new ConferenceEdit(id, slug, name, theme, description, zone, first, last, version,
                                tracks, joinNeedsAccount)));
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
                .set(CONFERENCE.JOIN_NEEDS_ACCOUNT, form.joinNeedsAccount())
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
                .set(CONFERENCE.JOIN_NEEDS_ACCOUNT, form.joinNeedsAccount())
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
}
