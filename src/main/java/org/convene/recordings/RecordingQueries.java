package org.convene.recordings;

import org.convene.programme.AccessFeature;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.SessionColumns;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.TRACK;
import static org.jooq.impl.DSL.selectOne;

@Repository
class RecordingQueries {

    private final DSLContext db;

    RecordingQueries(DSLContext db) {
        this.db = db;
    }

    Optional<RecordingEdit> edit(long sessionId) {
        var s = PROGRAMME_SESSION;
        return db.select(s.ID, s.TITLE, s.STARTS_AT, s.ENDS_AT, CONFERENCE.TIME_ZONE, s.CANCELLED_AT, s.VERSION,
                        s.RECORDING_URL, s.CAPTIONS_URL, s.TRANSCRIPT_URL, s.EASY_READ_SUMMARY, s.RECORDING_PUBLISHED_AT,
                        s.BSL_RECORDING_URL)
                .from(s).join(CONFERENCE).on(CONFERENCE.ID.eq(s.CONFERENCE_ID))
                .where(s.ID.eq(sessionId))
                .fetchOptional(r -> new RecordingEdit(r.value1(), r.value2(), r.value3(),
                        r.value4(), r.value5(), r.value6() != null, r.value7(),
                        new RecordingDraft(r.value8(), r.value9(), r.value10(), r.value11(), r.value13()),
                        r.value12()));
    }

    /**
     * False when the session changed since {@code expectedVersion} (or is gone). The first publication time
     * is kept when a published recording is corrected.
     */
    boolean publish(long sessionId, int expectedVersion, RecordingDraft draft, Instant now) {
        var s = PROGRAMME_SESSION;
        return db.update(s)
                .set(s.RECORDING_URL, draft.url())
                .set(s.CAPTIONS_URL, draft.captionsUrl())
                .set(s.TRANSCRIPT_URL, draft.transcriptUrl())
                .set(s.EASY_READ_SUMMARY, draft.easyReadSummary())
                .set(s.BSL_RECORDING_URL, draft.bslUrl())
                .set(s.RECORDING_PUBLISHED_AT, DSL.coalesce(s.RECORDING_PUBLISHED_AT,
                        DSL.val(now)))
                .set(s.VERSION, s.VERSION.plus(1))
                .where(s.ID.eq(sessionId), s.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    /** The formats go with the recording: captions or a transcript of nothing would be a broken promise. */
    boolean unpublish(long sessionId, int expectedVersion) {
        var s = PROGRAMME_SESSION;
        return db.update(s)
                .setNull(s.RECORDING_URL)
                .setNull(s.CAPTIONS_URL)
                .setNull(s.TRANSCRIPT_URL)
                .setNull(s.EASY_READ_SUMMARY)
                .setNull(s.BSL_RECORDING_URL)
                .setNull(s.RECORDING_PUBLISHED_AT)
                .set(s.VERSION, s.VERSION.plus(1))
                .where(s.ID.eq(sessionId), s.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    /** In programme order, like the timetable; a stable order so that "Show more" never repeats or skips. */
    List<RecordingListItem> page(ConferenceSummary conference, RecordingFilter filter, @Nullable Long userId,
                                 int offset, int limit) {
        var s = PROGRAMME_SESSION;
        var mine = userId == null ? DSL.inline(false)
                : DSL.field(DSL.exists(selectOne().from(AGENDA_ITEM)
                .where(AGENDA_ITEM.SESSION_ID.eq(s.ID), AGENDA_ITEM.USER_ID.eq(userId))));
        return db.select(s.ID, s.TITLE, s.STARTS_AT, s.ENDS_AT, SessionColumns.track(), SessionColumns.host(),
                        SessionColumns.access(), s.RECORDING_URL, s.CAPTIONS_URL, s.TRANSCRIPT_URL,
                        s.EASY_READ_SUMMARY, mine, s.BSL_RECORDING_URL)
                .from(s)
                .leftJoin(TRACK).on(TRACK.ID.eq(s.TRACK_ID))
                .leftJoin(HOST_ORGANISATION).on(HOST_ORGANISATION.ID.eq(s.HOST_ID))
                .where(matching(conference, filter, userId))
                .orderBy(s.STARTS_AT, s.TITLE, s.ID)
                .offset(offset).limit(limit)
                .fetch(r -> new RecordingListItem(r.value1(), r.value2(), r.value3(),
                        r.value4(), r.value5(), r.value6(), r.value7(), r.value8(), r.value9(),
                        r.value10(), r.value11(), Boolean.TRUE.equals(r.value12()), r.value13()));
    }

    int count(ConferenceSummary conference, RecordingFilter filter, @Nullable Long userId) {
        return db.fetchCount(PROGRAMME_SESSION, matching(conference, filter, userId));
    }

    /** Only published recordings of sessions that went ahead. */
    private static Condition matching(ConferenceSummary conference, RecordingFilter filter, @Nullable Long userId) {
        var s = PROGRAMME_SESSION;
        Condition condition = s.CONFERENCE_ID.eq(conference.id())
                .and(s.RECORDING_URL.isNotNull())
                .and(s.CANCELLED_AT.isNull());
        if (filter.day() != null) {
            // the conference's own midnight to midnight, as the timetable counts days
            ZoneId zone = conference.timeZone();
            condition = condition
                    .and(s.STARTS_AT.ge(filter.day().atStartOfDay(zone).toInstant()))
                    .and(s.STARTS_AT.lt(filter.day().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (filter.trackId() != null) {
            condition = condition.and(s.TRACK_ID.eq(filter.trackId()));
        }
        if (filter.hostId() != null) {
            condition = condition.and(s.HOST_ID.eq(filter.hostId()));
        }
        for (AccessFeature feature : filter.access()) {
            Condition has = Objects.requireNonNull(SessionColumns.ACCESS_COLUMNS.get(feature),
                    "a column for every feature").isTrue();
            // a BSL version of the recording is BSL, whether or not the live session was interpreted
            condition = condition.and(feature == AccessFeature.BSL_INTERPRETATION
                    ? has.or(s.BSL_RECORDING_URL.isNotNull()) : has);
        }
        if (filter.onlyMyAgenda()) {
            condition = userId == null ? DSL.falseCondition() : condition.and(DSL.exists(selectOne()
                    .from(AGENDA_ITEM)
                    .where(AGENDA_ITEM.SESSION_ID.eq(s.ID), AGENDA_ITEM.USER_ID.eq(userId))));
        }
        return condition;
    }
}
