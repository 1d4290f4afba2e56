package org.convene.programme;

import org.jooq.DSLContext;
import org.jooq.TableField;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.TRACK;

/**
 * Writes sessions from drafts, for the editor and the CSV import alike. Updates carry the version the writer
 * read, so that of two people editing one session the second is told instead of overwriting the first.
 */
@Repository
class SessionWriter {

    private static final Map<AccessFeature, TableField<?, Boolean>> ACCESS_COLUMNS = Map.of(
            AccessFeature.BSL_INTERPRETATION, PROGRAMME_SESSION.BSL_INTERPRETATION,
            AccessFeature.LIVE_CAPTIONS, PROGRAMME_SESSION.LIVE_CAPTIONS,
            AccessFeature.EASY_READ, PROGRAMME_SESSION.EASY_READ,
            AccessFeature.AUDIO_OR_PHONE, PROGRAMME_SESSION.AUDIO_OR_PHONE,
            AccessFeature.BUILT_IN_BREAKS, PROGRAMME_SESSION.BUILT_IN_BREAKS);

    private final DSLContext db;

    SessionWriter(DSLContext db) {
        this.db = db;
    }

    long insert(SessionDraft draft) {
        return db.insertInto(PROGRAMME_SESSION)
                .set(PROGRAMME_SESSION.CONFERENCE_ID, draft.conferenceId())
                .set(values(draft))
                .returning(PROGRAMME_SESSION.ID).fetchSingle(PROGRAMME_SESSION.ID);
    }

    /** False when someone else changed the session since {@code expectedVersion} was read (or it was deleted). */
    boolean update(long sessionId, int expectedVersion, SessionDraft draft) {
        return db.update(PROGRAMME_SESSION)
                .set(values(draft))
                .set(PROGRAMME_SESSION.VERSION, PROGRAMME_SESSION.VERSION.plus(1))
                .where(PROGRAMME_SESSION.ID.eq(sessionId), PROGRAMME_SESSION.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    Optional<Integer> version(long sessionId) {
        return db.select(PROGRAMME_SESSION.VERSION).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(sessionId)).fetchOptional(PROGRAMME_SESSION.VERSION);
    }

    boolean trackBelongsTo(long trackId, long conferenceId) {
        return db.fetchExists(TRACK, TRACK.ID.eq(trackId), TRACK.CONFERENCE_ID.eq(conferenceId));
    }

    /** Titles of other sessions in the same track whose time overlaps the draft's, for a warning. */
    List<String> overlappingInTrack(SessionDraft draft, @Nullable Long excludeSessionId) {
        if (draft.trackId() == null || draft.startsAt() == null || draft.endsAt() == null) {
            return List.of();
        }
        var s = PROGRAMME_SESSION;
        return db.select(s.TITLE).from(s)
                .where(s.TRACK_ID.eq(draft.trackId()), s.CANCELLED_AT.isNull(),
                        s.STARTS_AT.lt(draft.endsAt()), s.ENDS_AT.gt(draft.startsAt()),
                        excludeSessionId == null ? s.ID.isNotNull() : s.ID.ne(excludeSessionId))
                .orderBy(s.STARTS_AT)
                .fetch(s.TITLE);
    }

    private static Map<TableField<?, ?>, Object> values(SessionDraft draft) {
        Map<TableField<?, ?>, Object> values = new LinkedHashMap<>();
        values.put(PROGRAMME_SESSION.REFERENCE, draft.reference());
        values.put(PROGRAMME_SESSION.TITLE, draft.title());
        values.put(PROGRAMME_SESSION.SUMMARY_MARKDOWN, draft.summaryMarkdown());
        // only drafts that passed SessionRules are written, and the rules require a format and both times
        values.put(PROGRAMME_SESSION.FORMAT, Objects.requireNonNull(draft.format(), "checked"));
        values.put(PROGRAMME_SESSION.STARTS_AT, Objects.requireNonNull(draft.startsAt(), "checked"));
        values.put(PROGRAMME_SESSION.ENDS_AT, Objects.requireNonNull(draft.endsAt(), "checked"));
        values.put(PROGRAMME_SESSION.TRACK_ID, draft.trackId());
        values.put(PROGRAMME_SESSION.HOST_ID, draft.hostId());
        values.put(PROGRAMME_SESSION.JOIN_URL, draft.joinUrl());
        values.put(PROGRAMME_SESSION.CAPACITY, draft.capacity());
        values.put(PROGRAMME_SESSION.ACCESS_NOTES, draft.accessNotes());
        ACCESS_COLUMNS.forEach((feature, column) -> values.put(column, draft.offers(feature)));
        return values;
    }
}
