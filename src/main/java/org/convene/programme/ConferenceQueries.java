package org.convene.programme;

import org.jooq.DSLContext;
import org.jooq.Record7;
import org.jooq.RecordMapper;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Arrays;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.TRACK;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.Records.mapping;

@Repository
class ConferenceQueries {

    private final DSLContext db;

    ConferenceQueries(DSLContext db) {
        this.db = db;
    }

    List<ConferenceSummary> allNewestFirst() {
        return db.select(CONFERENCE.ID, CONFERENCE.SLUG, CONFERENCE.NAME, CONFERENCE.THEME, CONFERENCE.TIME_ZONE,
                        CONFERENCE.FIRST_DAY, CONFERENCE.LAST_DAY)
                .from(CONFERENCE)
                .orderBy(CONFERENCE.FIRST_DAY.desc(), CONFERENCE.ID.desc())
                .fetch(summary());
    }

    Optional<ConferenceSummary> bySlug(String slug) {
        return db.select(CONFERENCE.ID, CONFERENCE.SLUG, CONFERENCE.NAME, CONFERENCE.THEME, CONFERENCE.TIME_ZONE,
                        CONFERENCE.FIRST_DAY, CONFERENCE.LAST_DAY)
                .from(CONFERENCE)
                .where(CONFERENCE.SLUG.eq(slug))
                .fetchOptional(summary());
    }

    boolean any() {
        return db.fetchExists(CONFERENCE);
    }

    String description(long conferenceId) {
        return db.select(CONFERENCE.DESCRIPTION).from(CONFERENCE).where(CONFERENCE.ID.eq(conferenceId))
                .fetchOne(CONFERENCE.DESCRIPTION);
    }

    boolean joinNeedsAccount(long conferenceId) {
        return db.fetchExists(CONFERENCE, CONFERENCE.ID.eq(conferenceId).and(CONFERENCE.JOIN_NEEDS_ACCOUNT));
    }

    List<TrackRef> tracks(long conferenceId) {
        return db.select(TRACK.ID, TRACK.NAME).from(TRACK)
                .where(TRACK.CONFERENCE_ID.eq(conferenceId))
                .orderBy(TRACK.POSITION, TRACK.NAME)
                .fetch(mapping(TrackRef::new));
    }

    /** Only hosts with a session in this conference: host organisations are shared between conferences. */
    List<HostRef> hosts(long conferenceId) {
        return db.selectDistinct(HOST_ORGANISATION.ID, HOST_ORGANISATION.NAME)
                .from(HOST_ORGANISATION)
                .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.HOST_ID.eq(HOST_ORGANISATION.ID))
                .where(PROGRAMME_SESSION.CONFERENCE_ID.eq(conferenceId))
                .orderBy(HOST_ORGANISATION.NAME, HOST_ORGANISATION.ID)
                .fetch(mapping(HostRef::new));
    }

    /** In the enum's order, which is the order filters list them in. */
    List<SessionFormat> formats(long conferenceId) {
        var present = db.fetchValues(selectDistinct(PROGRAMME_SESSION.FORMAT).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.CONFERENCE_ID.eq(conferenceId)));
        return Arrays.stream(SessionFormat.values()).filter(f -> present.contains(f)).toList();
    }

    private static RecordMapper<Record7<Long, String, String, String, ZoneId, LocalDate, LocalDate>, ConferenceSummary> summary() {
        return mapping((id, slug, name, theme, zone, first, last) ->
                new ConferenceSummary(id, slug, name, theme, zone, first, last));
    }
}
