package org.convene.timetable;

import org.convene.programme.AccessFeature;
import org.convene.programme.SessionColumns;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.TRACK;

@Repository
class TimetableQueries {

    private final DSLContext db;

    TimetableQueries(DSLContext db) {
        this.db = db;
    }

    /**
     * The sessions starting on the filter's day, where the day runs from midnight to midnight in the
     * conference's zone: 23 or 25 hours long when the clocks change, so the bounds come from the zone
     * rules rather than from adding 24 hours.
     */
    List<TimetableEntry> day(long conferenceId, ZoneId conferenceZone, TimetableFilter filter) {
        Instant from = filter.day().atStartOfDay(conferenceZone).toInstant();
        Instant to = filter.day().plusDays(1).atStartOfDay(conferenceZone).toInstant();
        return db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, PROGRAMME_SESSION.FORMAT,
                        PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ENDS_AT,
                        SessionColumns.track(), SessionColumns.host(), SessionColumns.peopleNames(),
                        SessionColumns.access(),
                        PROGRAMME_SESSION.JOIN_URL.isNotNull(), PROGRAMME_SESSION.RECORDING_URL.isNotNull(),
                        PROGRAMME_SESSION.CANCELLED_AT.isNotNull(), PROGRAMME_SESSION.CANCELLATION_REASON)
                .from(PROGRAMME_SESSION)
                .leftJoin(TRACK).on(TRACK.ID.eq(PROGRAMME_SESSION.TRACK_ID))
                .leftJoin(HOST_ORGANISATION).on(HOST_ORGANISATION.ID.eq(PROGRAMME_SESSION.HOST_ID))
                .where(matching(conferenceId, filter))
                .and(PROGRAMME_SESSION.STARTS_AT.ge(from))
                .and(PROGRAMME_SESSION.STARTS_AT.lt(to))
                .orderBy(PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ENDS_AT, PROGRAMME_SESSION.TITLE,
                        PROGRAMME_SESSION.ID)
                .fetch(r -> new TimetableEntry(r.value1(), r.value2(), r.value3(),
                        r.value4(), r.value5(), r.value6(), r.value7(), r.value8(),
                        r.value9(), r.value10(), r.value11(), r.value12(),
                        r.value13() == null || r.value13().isBlank() ? null : r.value13()));
    }

    /**
     * How many sessions match the filter on each conference day (the filter's own day is ignored),
     * counted by the start date in the conference's zone, the same rule {@link #day} uses.
     */
    Map<LocalDate, Integer> matchesPerDay(long conferenceId, ZoneId conferenceZone, TimetableFilter filter) {
        Map<LocalDate, Integer> counts = new TreeMap<>();
        db.select(PROGRAMME_SESSION.STARTS_AT)
                .from(PROGRAMME_SESSION)
                .leftJoin(HOST_ORGANISATION).on(HOST_ORGANISATION.ID.eq(PROGRAMME_SESSION.HOST_ID))
                .where(matching(conferenceId, filter))
                .fetch(PROGRAMME_SESSION.STARTS_AT)
                .forEach(start -> counts.merge(start.atZone(conferenceZone).toLocalDate(), 1,
                        Integer::sum));
        return counts;
    }

    private static Condition matching(long conferenceId, TimetableFilter filter) {
        Condition condition = PROGRAMME_SESSION.CONFERENCE_ID.eq(conferenceId);
        if (!filter.trackIds().isEmpty()) {
            condition = condition.and(PROGRAMME_SESSION.TRACK_ID.in(filter.trackIds()));
        }
        if (!filter.hostIds().isEmpty()) {
            condition = condition.and(PROGRAMME_SESSION.HOST_ID.in(filter.hostIds()));
        }
        if (!filter.formats().isEmpty()) {
            condition = condition.and(PROGRAMME_SESSION.FORMAT.in(
                    filter.formats().stream().map(Enum::name).toList()));
        }
        for (AccessFeature feature : filter.accessRequired()) {
            condition = condition.and(Objects.requireNonNull(SessionColumns.ACCESS_COLUMNS.get(feature),
                    "a column for every feature").isTrue());
        }
        if (!filter.words().isEmpty()) {
            condition = condition.and(SessionColumns.matchesAllWords(filter.words()));
        }
        return condition;
    }
}
