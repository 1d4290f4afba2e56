package org.convene.captions;

import org.convene.programme.PersonRole;
import org.jooq.DSLContext;
import org.jooq.SelectField;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.convene.db.Tables.CAPTION_LINE;
import static org.convene.db.Tables.CAPTION_PREFERENCE;
import static org.convene.db.Tables.CAPTION_SESSION;
import static org.convene.db.Tables.PERSON;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.SESSION_PERSON;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.select;

@Repository
class CaptionRepository {

    /** The session's times, as captions need them. */
    record SessionTimes(Instant startsAt, Instant endsAt, boolean cancelled) {
    }

    /** The counters a writer holds the lock on. */
    record Counters(long lastLine, long lastChange) {
    }

    /** What the host's transcript page shows about the session's captions. */
    record Settings(@Nullable String cartUrl, @Nullable Instant publishedAt, int version) {
        static final Settings NONE = new Settings(null, null, 0);
    }

    private final DSLContext db;

    CaptionRepository(DSLContext db) {
        this.db = db;
    }

    Optional<SessionTimes> session(long sessionId) {
        var s = PROGRAMME_SESSION;
        return db.select(s.STARTS_AT, s.ENDS_AT, s.CANCELLED_AT.isNotNull()).from(s).where(s.ID.eq(sessionId))
                .fetchOptional(mapping(SessionTimes::new));
    }

    boolean isCaptionerOrFacilitator(long sessionId, long userId) {
        return db.fetchExists(select(SESSION_PERSON.SESSION_ID).from(SESSION_PERSON)
                .join(PERSON).on(PERSON.ID.eq(SESSION_PERSON.PERSON_ID))
                .where(SESSION_PERSON.SESSION_ID.eq(sessionId),
                        SESSION_PERSON.ROLE.in(PersonRole.CAPTIONER, PersonRole.FACILITATOR),
                        PERSON.USER_ID.eq(userId)));
    }

    // ---- writing lines ----------------------------------------------------------------------------------------

    /** Makes the session's counter row if needed and locks it: lines and changes are numbered under this lock. */
    Counters lockCounters(long sessionId) {
        db.insertInto(CAPTION_SESSION, CAPTION_SESSION.SESSION_ID).values(sessionId).onConflictDoNothing().execute();
        return db.select(CAPTION_SESSION.LAST_LINE, CAPTION_SESSION.LAST_CHANGE).from(CAPTION_SESSION)
                .where(CAPTION_SESSION.SESSION_ID.eq(sessionId)).forUpdate()
                .fetchSingle(mapping(Counters::new));
    }

    void saveCounters(long sessionId, Counters counters) {
        db.update(CAPTION_SESSION).set(CAPTION_SESSION.LAST_LINE, counters.lastLine())
                .set(CAPTION_SESSION.LAST_CHANGE, counters.lastChange())
                .where(CAPTION_SESSION.SESSION_ID.eq(sessionId)).execute();
    }

    /** The sender's line still being revised in this session, if any. */
    Optional<Long> openLine(long sessionId, long senderId) {
        return db.select(CAPTION_LINE.LINE).from(CAPTION_LINE)
                .where(CAPTION_LINE.SESSION_ID.eq(sessionId), CAPTION_LINE.SENDER_ID.eq(senderId),
                        CAPTION_LINE.FINAL.isFalse())
                .fetchOptional(CAPTION_LINE.LINE);
    }

    CaptionLine insert(long sessionId, long line, long change, long senderId, String text, boolean isFinal,
                       Instant at) {
        return db.insertInto(CAPTION_LINE)
                .set(CAPTION_LINE.SESSION_ID, sessionId).set(CAPTION_LINE.LINE, line)
                .set(CAPTION_LINE.CHANGE, change).set(CAPTION_LINE.SENDER_ID, senderId)
                .set(CAPTION_LINE.TEXT, text).set(CAPTION_LINE.FINAL, isFinal)
                .set(CAPTION_LINE.STARTED_AT, at).set(CAPTION_LINE.SENT_AT, at)
                .returningResult(fields()).fetchSingle(CaptionRepository::toLine);
    }

    CaptionLine revise(long sessionId, long line, long change, String text, boolean isFinal, Instant at) {
        return db.update(CAPTION_LINE).set(CAPTION_LINE.TEXT, text).set(CAPTION_LINE.FINAL, isFinal)
                .set(CAPTION_LINE.CHANGE, change).set(CAPTION_LINE.SENT_AT, at)
                .set(CAPTION_LINE.REVISIONS, CAPTION_LINE.REVISIONS.plus(1))
                .where(CAPTION_LINE.SESSION_ID.eq(sessionId), CAPTION_LINE.LINE.eq(line))
                .returningResult(fields()).fetchSingle(CaptionRepository::toLine);
    }

    /** A host's correction of a final line for the transcript; false when the line changed since it was read. */
    boolean correct(long sessionId, long line, int expectedRevisions, long change, @Nullable String corrected) {
        return db.update(CAPTION_LINE).set(CAPTION_LINE.CORRECTED, corrected)
                .set(CAPTION_LINE.CHANGE, change)
                .set(CAPTION_LINE.REVISIONS, CAPTION_LINE.REVISIONS.plus(1))
                .where(CAPTION_LINE.SESSION_ID.eq(sessionId), CAPTION_LINE.LINE.eq(line),
                        CAPTION_LINE.REVISIONS.eq(expectedRevisions), CAPTION_LINE.FINAL.isTrue())
                .execute() == 1;
    }

    // ---- reading lines ----------------------------------------------------------------------------------------

    /** Readers see the host's correction where there is one. */
    private static SelectField<?>[] fields() {
        return new SelectField<?>[]{CAPTION_LINE.LINE, CAPTION_LINE.CHANGE,
                coalesce(CAPTION_LINE.CORRECTED, CAPTION_LINE.TEXT), CAPTION_LINE.FINAL, CAPTION_LINE.STARTED_AT,
                CAPTION_LINE.SENT_AT, CAPTION_LINE.REVISIONS};
    }

    private static CaptionLine toLine(org.jooq.Record r) {
        return new CaptionLine(r.get(0, Long.class), r.get(1, Long.class), r.get(2, String.class),
                r.get(3, Boolean.class), r.get(4, Instant.class), r.get(5, Instant.class), r.get(6, Integer.class));
    }

    private List<CaptionLine> lines(org.jooq.Condition where, org.jooq.SortField<?> order, int limit) {
        return db.select(fields()).from(CAPTION_LINE).where(where).orderBy(order).limit(limit)
                .fetch(CaptionRepository::toLine);
    }

    /** Up to {@code limit} lines before {@code beforeLine} (all lines: Long.MAX_VALUE), newest first. */
    List<CaptionLine> before(long sessionId, long beforeLine, int limit) {
        return lines(CAPTION_LINE.SESSION_ID.eq(sessionId).and(CAPTION_LINE.LINE.lt(beforeLine)),
                CAPTION_LINE.LINE.desc(), limit);
    }

    List<CaptionLine> changedAfter(long sessionId, long change, int limit) {
        return lines(CAPTION_LINE.SESSION_ID.eq(sessionId).and(CAPTION_LINE.CHANGE.gt(change)),
                CAPTION_LINE.CHANGE.asc(), limit);
    }

    /** Final lines in line order, for the transcript and its page. */
    List<CaptionLine> finalLines(long sessionId, int offset, int limit) {
        return db.select(fields()).from(CAPTION_LINE)
                .where(CAPTION_LINE.SESSION_ID.eq(sessionId), CAPTION_LINE.FINAL.isTrue())
                .orderBy(CAPTION_LINE.LINE).offset(offset).limit(limit)
                .fetch(CaptionRepository::toLine);
    }

    int finalLineCount(long sessionId) {
        return db.fetchCount(CAPTION_LINE, CAPTION_LINE.SESSION_ID.eq(sessionId), CAPTION_LINE.FINAL.isTrue());
    }

    long lastChange(long sessionId) {
        return db.select(CAPTION_SESSION.LAST_CHANGE).from(CAPTION_SESSION)
                .where(CAPTION_SESSION.SESSION_ID.eq(sessionId)).fetchOptional(CAPTION_SESSION.LAST_CHANGE)
                .orElse(0L);
    }

    // ---- the session's settings -------------------------------------------------------------------------------

    Settings settings(long sessionId) {
        return db.select(CAPTION_SESSION.CART_URL, CAPTION_SESSION.PUBLISHED_AT, CAPTION_SESSION.VERSION)
                .from(CAPTION_SESSION).where(CAPTION_SESSION.SESSION_ID.eq(sessionId))
                .fetchOptional(mapping(Settings::new)).orElse(Settings.NONE);
    }

    /** Sets the CART address and when the transcript was published; false when someone else saved first. */
    boolean saveSettings(long sessionId, int expectedVersion, @Nullable String cartUrl, @Nullable Instant publishedAt) {
        db.insertInto(CAPTION_SESSION, CAPTION_SESSION.SESSION_ID).values(sessionId).onConflictDoNothing().execute();
        return db.update(CAPTION_SESSION).set(CAPTION_SESSION.CART_URL, cartUrl)
                .set(CAPTION_SESSION.PUBLISHED_AT, publishedAt)
                .set(CAPTION_SESSION.VERSION, CAPTION_SESSION.VERSION.plus(1))
                .where(CAPTION_SESSION.SESSION_ID.eq(sessionId), CAPTION_SESSION.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    /**
     * Offers the published transcript to the recording: its captions and transcript addresses, where the
     * recording's form has none yet. The form stays the owner of these columns; this only fills blanks.
     */
    void offerToRecording(long sessionId, String captionsUrl, String transcriptUrl) {
        var s = PROGRAMME_SESSION;
        db.update(s).set(s.CAPTIONS_URL, coalesce(s.CAPTIONS_URL, captionsUrl))
                .set(s.TRANSCRIPT_URL, coalesce(s.TRANSCRIPT_URL, transcriptUrl))
                .where(s.ID.eq(sessionId)).execute();
    }

    // ---- preferences ------------------------------------------------------------------------------------------

    Optional<CaptionPreferences> preferences(long userId) {
        var p = CAPTION_PREFERENCE;
        return db.select(p.LARGE_TEXT, p.SPACIOUS, p.HIGH_CONTRAST, p.ANNOUNCE).from(p).where(p.USER_ID.eq(userId))
                .fetchOptional(mapping(CaptionPreferences::new));
    }

    void savePreferences(long userId, CaptionPreferences prefs) {
        var p = CAPTION_PREFERENCE;
        db.insertInto(p).set(p.USER_ID, userId).set(p.LARGE_TEXT, prefs.largeText()).set(p.SPACIOUS, prefs.spacious())
                .set(p.HIGH_CONTRAST, prefs.highContrast()).set(p.ANNOUNCE, prefs.announce())
                .onConflict(p.USER_ID).doUpdate()
                .set(p.LARGE_TEXT, prefs.largeText()).set(p.SPACIOUS, prefs.spacious())
                .set(p.HIGH_CONTRAST, prefs.highContrast()).set(p.ANNOUNCE, prefs.announce()).execute();
    }
}
