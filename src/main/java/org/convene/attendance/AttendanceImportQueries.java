package org.convene.attendance;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.convene.programme.PersonRole;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.ATTENDANCE_IMPORT;
import static org.convene.db.Tables.ATTENDANCE_IMPORT_ROW;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;
import static org.convene.db.Tables.ATTENDANCE_WITHDRAWAL;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PERSON;
import static org.convene.db.Tables.SESSION_PERSON;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

/**
 * Imports of meeting tools' reports, their rows, and the intervals made from the matched rows. An import's
 * intervals are always made again from its rows (never edited one by one), so matching by hand cannot leave a
 * stray or a doubled interval.
 */
@Repository
class AttendanceImportQueries {

    /** Arbitrary first key of the advisory lock that serialises imports of one session. */
    private static final int LOCK_SPACE = 31;

    /** A participant is one name and email within an import. */
    private static final Field<String> EMAIL_KEY = DSL.coalesce(ATTENDANCE_IMPORT_ROW.EMAIL, inline(""));

    private final DSLContext db;

    AttendanceImportQueries(DSLContext db) {
        this.db = db;
    }

    Optional<ImportSession> session(long sessionId) {
        return db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.TITLE, PROGRAMME_SESSION.STARTS_AT,
                        PROGRAMME_SESSION.ENDS_AT, CONFERENCE.TIME_ZONE, CONFERENCE.ID)
                .from(PROGRAMME_SESSION).join(CONFERENCE).on(CONFERENCE.ID.eq(PROGRAMME_SESSION.CONFERENCE_ID))
                .where(PROGRAMME_SESSION.ID.eq(sessionId))
                .fetchOptional(mapping(ImportSession::new));
    }

    /** Until the transaction ends: two uploads for one session at once replace each other in turn. */
    void lockImports(long sessionId) {
        db.execute("select pg_advisory_xact_lock(?, ?)", LOCK_SPACE, (int) (sessionId % Integer.MAX_VALUE));
    }

    record Account(long id, String name, boolean confirmed) {
    }

    /** The accounts with these addresses (lower case, as accounts store them). */
    Map<String, Account> accountsByEmail(Collection<String> emails) {
        return db.select(APP_USER.EMAIL, APP_USER.ID, APP_USER.DISPLAY_NAME, APP_USER.EMAIL_CONFIRMED_AT.isNotNull())
                .from(APP_USER).where(APP_USER.EMAIL.in(emails))
                .fetchMap(APP_USER.EMAIL, r -> new Account(r.value2(), r.value3(), r.value4()));
    }

    /**
     * Of these accounts, those whose person deleted their attendance records after the session started: a report
     * of that session is never matched to them again (db/V36).
     */
    Set<Long> withdrawn(Collection<Long> userIds, Instant sessionStart) {
        return new HashSet<>(db.select(ATTENDANCE_WITHDRAWAL.USER_ID).from(ATTENDANCE_WITHDRAWAL)
                .where(ATTENDANCE_WITHDRAWAL.USER_ID.in(userIds), ATTENDANCE_WITHDRAWAL.WITHDRAWN_AT.gt(sessionStart))
                .fetch(ATTENDANCE_WITHDRAWAL.USER_ID));
    }

    Optional<Long> importOf(long sessionId, MeetingTool tool) {
        return db.select(ATTENDANCE_IMPORT.ID).from(ATTENDANCE_IMPORT)
                .where(ATTENDANCE_IMPORT.SESSION_ID.eq(sessionId), ATTENDANCE_IMPORT.FORMAT.eq(tool))
                .fetchOptional(ATTENDANCE_IMPORT.ID);
    }

    /** Every import of the session, in the order they were made. */
    List<Long> importsOf(long sessionId) {
        return db.select(ATTENDANCE_IMPORT.ID).from(ATTENDANCE_IMPORT)
                .where(ATTENDANCE_IMPORT.SESSION_ID.eq(sessionId)).orderBy(ATTENDANCE_IMPORT.ID)
                .fetch(ATTENDANCE_IMPORT.ID);
    }

    /** The session an import belongs to. */
    Optional<Long> sessionOfImport(long importId) {
        return db.select(ATTENDANCE_IMPORT.SESSION_ID).from(ATTENDANCE_IMPORT)
                .where(ATTENDANCE_IMPORT.ID.eq(importId)).fetchOptional(ATTENDANCE_IMPORT.SESSION_ID);
    }

    record Participant(long importId, String name, String emailKey) {
    }

    /** The participant a row belongs to, when the row is in an import of this session. */
    Optional<Participant> participantOfRow(long sessionId, long rowId) {
        return db.select(ATTENDANCE_IMPORT_ROW.IMPORT_ID, ATTENDANCE_IMPORT_ROW.NAME, EMAIL_KEY)
                .from(ATTENDANCE_IMPORT_ROW).join(ATTENDANCE_IMPORT)
                .on(ATTENDANCE_IMPORT.ID.eq(ATTENDANCE_IMPORT_ROW.IMPORT_ID))
                .where(ATTENDANCE_IMPORT_ROW.ID.eq(rowId), ATTENDANCE_IMPORT.SESSION_ID.eq(sessionId))
                .fetchOptional(mapping(Participant::new));
    }

    /** Hand matches of an import, by participant (name and email), so a replacing import can keep them. */
    Map<Participant, Long> handMatches(long importId) {
        return db.selectDistinct(ATTENDANCE_IMPORT_ROW.IMPORT_ID, ATTENDANCE_IMPORT_ROW.NAME, EMAIL_KEY,
                        ATTENDANCE_IMPORT_ROW.USER_ID)
                .from(ATTENDANCE_IMPORT_ROW)
                .where(ATTENDANCE_IMPORT_ROW.IMPORT_ID.eq(importId), ATTENDANCE_IMPORT_ROW.BY_HAND.isTrue(),
                        ATTENDANCE_IMPORT_ROW.USER_ID.isNotNull())
                .fetchMap(r -> new Participant(0, r.value2(), r.value3()), r -> r.value4());
    }

    /** Deletes an import, its rows and its intervals (cascades of db/V31). */
    int delete(long importId) {
        return db.deleteFrom(ATTENDANCE_IMPORT).where(ATTENDANCE_IMPORT.ID.eq(importId)).execute();
    }

    long insertImport(long sessionId, MeetingTool tool, String fileName, long uploadedBy, Instant at, ZoneId zone) {
        return db.insertInto(ATTENDANCE_IMPORT)
                .set(ATTENDANCE_IMPORT.SESSION_ID, sessionId)
                .set(ATTENDANCE_IMPORT.FORMAT, tool)
                .set(ATTENDANCE_IMPORT.FILE_NAME, fileName)
                .set(ATTENDANCE_IMPORT.UPLOADED_BY, uploadedBy)
                .set(ATTENDANCE_IMPORT.UPLOADED_AT, at)
                .set(ATTENDANCE_IMPORT.TIME_ZONE, zone)
                .returning(ATTENDANCE_IMPORT.ID).fetchSingle().getId();
    }

    /** A row to store: its account, if matched, and whether by hand. */
    record NewRow(ReportedParticipant stay, @Nullable Long userId, boolean byHand) {
    }

    void insertRows(long importId, List<NewRow> rows) {
        var insert = db.insertInto(ATTENDANCE_IMPORT_ROW, ATTENDANCE_IMPORT_ROW.IMPORT_ID, ATTENDANCE_IMPORT_ROW.LINE,
                ATTENDANCE_IMPORT_ROW.NAME, ATTENDANCE_IMPORT_ROW.EMAIL, ATTENDANCE_IMPORT_ROW.JOINED_AT,
                ATTENDANCE_IMPORT_ROW.LEFT_AT, ATTENDANCE_IMPORT_ROW.USER_ID, ATTENDANCE_IMPORT_ROW.BY_HAND);
        for (NewRow row : rows) {
            ReportedParticipant p = row.stay();
            insert = insert.values(importId, p.line(), p.name(), p.email(), p.joinedAt(), p.leftAt(), row.userId(),
                    row.byHand());
        }
        if (!rows.isEmpty()) {
            insert.execute();
        }
    }

    /** Matches every stay of one participant of an import to an account. */
    int matchByHand(Participant participant, long userId) {
        return db.update(ATTENDANCE_IMPORT_ROW)
                .set(ATTENDANCE_IMPORT_ROW.USER_ID, userId)
                .set(ATTENDANCE_IMPORT_ROW.BY_HAND, true)
                .where(ATTENDANCE_IMPORT_ROW.IMPORT_ID.eq(participant.importId()),
                        ATTENDANCE_IMPORT_ROW.NAME.eq(participant.name()), EMAIL_KEY.eq(participant.emailKey()))
                .execute();
    }

    /** Puts every stay of one hand-matched participant of an import back among the unmatched. */
    int unmatchByHand(Participant participant) {
        return db.update(ATTENDANCE_IMPORT_ROW)
                .setNull(ATTENDANCE_IMPORT_ROW.USER_ID)
                .set(ATTENDANCE_IMPORT_ROW.BY_HAND, false)
                .where(ATTENDANCE_IMPORT_ROW.IMPORT_ID.eq(participant.importId()),
                        ATTENDANCE_IMPORT_ROW.NAME.eq(participant.name()), EMAIL_KEY.eq(participant.emailKey()),
                        ATTENDANCE_IMPORT_ROW.BY_HAND.isTrue())
                .execute();
    }

    /**
     * Makes the import's intervals again from its matched rows, each within the session's times (as Convene's
     * own are); a stay wholly outside them gives none. Closed: last seen when they left.
     */
    void rebuildIntervals(long importId) {
        db.deleteFrom(ATTENDANCE_INTERVAL).where(ATTENDANCE_INTERVAL.IMPORT_ID.eq(importId)).execute();
        Field<Instant> joined = greatest(ATTENDANCE_IMPORT_ROW.JOINED_AT, PROGRAMME_SESSION.STARTS_AT);
        Field<Instant> left = least(ATTENDANCE_IMPORT_ROW.LEFT_AT, PROGRAMME_SESSION.ENDS_AT);
        db.insertInto(ATTENDANCE_INTERVAL, ATTENDANCE_INTERVAL.SESSION_ID, ATTENDANCE_INTERVAL.USER_ID,
                        ATTENDANCE_INTERVAL.JOINED_AT, ATTENDANCE_INTERVAL.LEFT_AT, ATTENDANCE_INTERVAL.LAST_SEEN_AT,
                        ATTENDANCE_INTERVAL.SOURCE, ATTENDANCE_INTERVAL.IMPORT_ID)
                .select(select(PROGRAMME_SESSION.ID, ATTENDANCE_IMPORT_ROW.USER_ID, joined, left, left,
                        val(PresenceSource.IMPORT, ATTENDANCE_INTERVAL.SOURCE), ATTENDANCE_IMPORT.ID)
                        .from(ATTENDANCE_IMPORT_ROW)
                        .join(ATTENDANCE_IMPORT).on(ATTENDANCE_IMPORT.ID.eq(ATTENDANCE_IMPORT_ROW.IMPORT_ID))
                        .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(ATTENDANCE_IMPORT.SESSION_ID))
                        .where(ATTENDANCE_IMPORT_ROW.IMPORT_ID.eq(importId), ATTENDANCE_IMPORT_ROW.USER_ID.isNotNull(),
                                joined.lt(left)))
                .execute();
    }

    /**
     * Every count is worked out from the import's rows, never stored: a deleted account's matched rows go with it
     * (AttendancePersonalData), and the import then counts what is left.
     */
    List<ImportSummary> summaries(long sessionId) {
        Field<Integer> people = countDistinct(ATTENDANCE_IMPORT_ROW.NAME, EMAIL_KEY);
        Field<Integer> stays = select(count()).from(ATTENDANCE_IMPORT_ROW)
                .where(ATTENDANCE_IMPORT_ROW.IMPORT_ID.eq(ATTENDANCE_IMPORT.ID)).asField();
        Field<Integer> unmatched = select(countDistinct(ATTENDANCE_IMPORT_ROW.NAME, EMAIL_KEY))
                .from(ATTENDANCE_IMPORT_ROW)
                .where(ATTENDANCE_IMPORT_ROW.IMPORT_ID.eq(ATTENDANCE_IMPORT.ID), ATTENDANCE_IMPORT_ROW.USER_ID.isNull())
                .asField();
        Field<Integer> peopleIn = select(people).from(ATTENDANCE_IMPORT_ROW)
                .where(ATTENDANCE_IMPORT_ROW.IMPORT_ID.eq(ATTENDANCE_IMPORT.ID)).asField();
        return db.select(ATTENDANCE_IMPORT.ID, ATTENDANCE_IMPORT.FORMAT, ATTENDANCE_IMPORT.FILE_NAME,
                        ATTENDANCE_IMPORT.UPLOADED_AT, APP_USER.DISPLAY_NAME, stays,
                        peopleIn, unmatched)
                .from(ATTENDANCE_IMPORT).leftJoin(APP_USER).on(APP_USER.ID.eq(ATTENDANCE_IMPORT.UPLOADED_BY))
                .where(ATTENDANCE_IMPORT.SESSION_ID.eq(sessionId))
                .orderBy(ATTENDANCE_IMPORT.UPLOADED_AT.desc(), ATTENDANCE_IMPORT.ID.desc())
                .fetch(r -> new ImportSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6() == null ? 0 : r.value6(), r.value7() == null ? 0 : r.value7(),
                        r.value8() == null ? 0 : r.value8()));
    }

    Optional<ImportSummary> summary(long importId) {
        return sessionOfImport(importId).flatMap(session -> summaries(session).stream()
                .filter(s -> s.id() == importId).findFirst());
    }

    /** Everyone of the session's imports no account was found for, by name. */
    List<UnmatchedParticipant> unmatched(long sessionId) {
        Condition unconfirmed = exists(selectOne().from(APP_USER).where(APP_USER.EMAIL.eq(ATTENDANCE_IMPORT_ROW.EMAIL),
                APP_USER.EMAIL_CONFIRMED_AT.isNull()));
        return db.select(min(ATTENDANCE_IMPORT_ROW.ID), ATTENDANCE_IMPORT.FORMAT, ATTENDANCE_IMPORT_ROW.NAME,
                        ATTENDANCE_IMPORT_ROW.EMAIL, min(ATTENDANCE_IMPORT_ROW.JOINED_AT),
                        max(ATTENDANCE_IMPORT_ROW.LEFT_AT), count(), DSL.boolOr(unconfirmed))
                .from(ATTENDANCE_IMPORT_ROW)
                .join(ATTENDANCE_IMPORT).on(ATTENDANCE_IMPORT.ID.eq(ATTENDANCE_IMPORT_ROW.IMPORT_ID))
                .where(ATTENDANCE_IMPORT.SESSION_ID.eq(sessionId), ATTENDANCE_IMPORT_ROW.USER_ID.isNull())
                .groupBy(ATTENDANCE_IMPORT.ID, ATTENDANCE_IMPORT.FORMAT, ATTENDANCE_IMPORT_ROW.NAME,
                        ATTENDANCE_IMPORT_ROW.EMAIL)
                .orderBy(ATTENDANCE_IMPORT_ROW.NAME, ATTENDANCE_IMPORT.FORMAT)
                .fetch(r -> new UnmatchedParticipant(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), Boolean.TRUE.equals(r.value8())));
    }

    /** Everyone of the session's imports a host matched by hand (and whose account still exists), by name. */
    List<HandMatch> handMatched(long sessionId) {
        return db.select(min(ATTENDANCE_IMPORT_ROW.ID), ATTENDANCE_IMPORT.FORMAT, ATTENDANCE_IMPORT_ROW.NAME,
                        ATTENDANCE_IMPORT_ROW.EMAIL, APP_USER.DISPLAY_NAME, min(ATTENDANCE_IMPORT_ROW.JOINED_AT),
                        max(ATTENDANCE_IMPORT_ROW.LEFT_AT), count())
                .from(ATTENDANCE_IMPORT_ROW)
                .join(ATTENDANCE_IMPORT).on(ATTENDANCE_IMPORT.ID.eq(ATTENDANCE_IMPORT_ROW.IMPORT_ID))
                .join(APP_USER).on(APP_USER.ID.eq(ATTENDANCE_IMPORT_ROW.USER_ID))
                .where(ATTENDANCE_IMPORT.SESSION_ID.eq(sessionId), ATTENDANCE_IMPORT_ROW.BY_HAND.isTrue())
                .groupBy(ATTENDANCE_IMPORT.ID, ATTENDANCE_IMPORT.FORMAT, ATTENDANCE_IMPORT_ROW.NAME,
                        ATTENDANCE_IMPORT_ROW.EMAIL, APP_USER.ID, APP_USER.DISPLAY_NAME)
                .orderBy(ATTENDANCE_IMPORT_ROW.NAME, ATTENDANCE_IMPORT.FORMAT)
                .fetch(r -> new HandMatch(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8()));
    }

    /**
     * Accounts a host may choose: the conference's people (a session of it on their agenda, or attendance at one)
     * whose name or email contains the text, and any account whose email is exactly the text. Searching every
     * account by part of a name would show hosts people who have nothing to do with their conference.
     */
    List<PersonChoice> people(long conferenceId, String text, int limit) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        String like = "%" + lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Condition ofConference = exists(selectOne().from(AGENDA_ITEM).join(PROGRAMME_SESSION)
                .on(PROGRAMME_SESSION.ID.eq(AGENDA_ITEM.SESSION_ID))
                .where(AGENDA_ITEM.USER_ID.eq(APP_USER.ID), PROGRAMME_SESSION.CONFERENCE_ID.eq(conferenceId)))
                .or(exists(selectOne().from(ATTENDANCE_INTERVAL).join(PROGRAMME_SESSION)
                        .on(PROGRAMME_SESSION.ID.eq(ATTENDANCE_INTERVAL.SESSION_ID))
                        .where(ATTENDANCE_INTERVAL.USER_ID.eq(APP_USER.ID),
                                PROGRAMME_SESSION.CONFERENCE_ID.eq(conferenceId))));
        return db.select(APP_USER.ID, APP_USER.DISPLAY_NAME, APP_USER.EMAIL).from(APP_USER)
                .where(APP_USER.EMAIL.eq(lower).or(ofConference.and(
                        DSL.lower(APP_USER.DISPLAY_NAME).like(like, '\\').or(APP_USER.EMAIL.like(like, '\\')))))
                .orderBy(APP_USER.DISPLAY_NAME, APP_USER.ID)
                .limit(limit)
                .fetch(mapping(PersonChoice::new));
    }

    boolean accountExists(long userId) {
        return db.fetchExists(APP_USER, APP_USER.ID.eq(userId));
    }

    // ---- phone joins --------------------------------------------------------------------------------------------

    /** A phone join counted from {@code joined} to {@code left}, keeping the times as marked (db/V36). */
    long insertPhoneJoin(long sessionId, long userId, Instant joined, Instant left, Instant markedJoined,
                         Instant markedLeft, long recordedBy) {
        return db.insertInto(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.SESSION_ID, sessionId)
                .set(ATTENDANCE_INTERVAL.USER_ID, userId)
                .set(ATTENDANCE_INTERVAL.JOINED_AT, joined)
                .set(ATTENDANCE_INTERVAL.LEFT_AT, left)
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, left)
                .set(ATTENDANCE_INTERVAL.MARKED_JOINED_AT, markedJoined)
                .set(ATTENDANCE_INTERVAL.MARKED_LEFT_AT, markedLeft)
                .set(ATTENDANCE_INTERVAL.SOURCE, PresenceSource.PHONE)
                .set(ATTENDANCE_INTERVAL.RECORDED_BY, recordedBy)
                .returning(ATTENDANCE_INTERVAL.ID).fetchSingle().getId();
    }

    /**
     * Cuts the session's phone joins again from the times marked, to the session's times now. One that no longer
     * overlaps the session keeps the times marked: it counts nowhere (presence is clamped to the session), and
     * counts again if the session moves back.
     */
    int recutPhoneJoins(long sessionId) {
        Field<Instant> from = greatest(ATTENDANCE_INTERVAL.MARKED_JOINED_AT, PROGRAMME_SESSION.STARTS_AT);
        Field<Instant> to = least(ATTENDANCE_INTERVAL.MARKED_LEFT_AT, PROGRAMME_SESSION.ENDS_AT);
        Condition overlaps = from.lt(to);
        Field<Instant> left = DSL.when(overlaps, to).otherwise(ATTENDANCE_INTERVAL.MARKED_LEFT_AT);
        return db.update(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.JOINED_AT, DSL.when(overlaps, from).otherwise(ATTENDANCE_INTERVAL.MARKED_JOINED_AT))
                .set(ATTENDANCE_INTERVAL.LEFT_AT, left)
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, left)
                .from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(ATTENDANCE_INTERVAL.SESSION_ID),
                        ATTENDANCE_INTERVAL.SESSION_ID.eq(sessionId),
                        ATTENDANCE_INTERVAL.SOURCE.eq(PresenceSource.PHONE))
                .execute();
    }

    List<PhoneJoin> phoneJoins(long sessionId) {
        var recorder = APP_USER.as("recorder");
        return db.select(ATTENDANCE_INTERVAL.ID, APP_USER.DISPLAY_NAME, ATTENDANCE_INTERVAL.JOINED_AT,
                        ATTENDANCE_INTERVAL.LEFT_AT, recorder.DISPLAY_NAME)
                .from(ATTENDANCE_INTERVAL)
                .join(APP_USER).on(APP_USER.ID.eq(ATTENDANCE_INTERVAL.USER_ID))
                .leftJoin(recorder).on(recorder.ID.eq(ATTENDANCE_INTERVAL.RECORDED_BY))
                .where(ATTENDANCE_INTERVAL.SESSION_ID.eq(sessionId),
                        ATTENDANCE_INTERVAL.SOURCE.eq(PresenceSource.PHONE))
                .orderBy(ATTENDANCE_INTERVAL.JOINED_AT, ATTENDANCE_INTERVAL.ID)
                .fetch(r -> new PhoneJoin(r.value1(), r.value2(), r.value3(),
                        Objects.requireNonNull(r.value4(), "phone joins are closed"), r.value5()));
    }

    int deletePhoneJoin(long sessionId, long intervalId) {
        return db.deleteFrom(ATTENDANCE_INTERVAL)
                .where(ATTENDANCE_INTERVAL.ID.eq(intervalId), ATTENDANCE_INTERVAL.SESSION_ID.eq(sessionId),
                        ATTENDANCE_INTERVAL.SOURCE.eq(PresenceSource.PHONE))
                .execute();
    }

    boolean isFacilitatorOf(long sessionId, long userId) {
        return db.fetchExists(selectOne().from(SESSION_PERSON)
                .join(PERSON)
                .on(PERSON.ID.eq(SESSION_PERSON.PERSON_ID))
                .where(SESSION_PERSON.SESSION_ID.eq(sessionId),
                        SESSION_PERSON.ROLE.eq(PersonRole.FACILITATOR),
                        PERSON.USER_ID.eq(userId)));
    }
}
