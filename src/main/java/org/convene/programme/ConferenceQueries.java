package org.convene.programme;

import org.jooq.DSLContext;
import org.jooq.Record7;
import org.jooq.RecordMapper;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.convene.db.Tables.CONFERENCE;
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

    private static RecordMapper<Record7<Long, String, String, String, String, LocalDate, LocalDate>, ConferenceSummary> summary() {
        return mapping((id, slug, name, theme, zone, first, last) ->
                new ConferenceSummary(id, slug, name, theme, ZoneId.of(zone), first, last));
    }
}
