package org.convene.attendance;

import org.convene.qa.QuestionState;
import org.convene.db.Routines;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.convene.db.tables.records.AttendanceSessionSummaryRecord;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Record5;
import org.jooq.ResultQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.convene.attendance.ReportColumns.ATTENDED;
import static org.convene.attendance.ReportColumns.ATTENDEE;
import static org.convene.attendance.ReportColumns.ATTENDEE_MINUTES;
import static org.convene.attendance.ReportColumns.DAY;
import static org.convene.attendance.ReportColumns.JOINED_AT;
import static org.convene.attendance.ReportColumns.LABEL;
import static org.convene.attendance.ReportColumns.LAST_SEEN_AT;
import static org.convene.attendance.ReportColumns.LEFT_AT;
import static org.convene.attendance.ReportColumns.MEAN_MINUTES;
import static org.convene.attendance.ReportColumns.MEDIAN_MINUTES;
import static org.convene.attendance.ReportColumns.MET_RULE;
import static org.convene.attendance.ReportColumns.NAMED;
import static org.convene.attendance.ReportColumns.NO_SHOWS;
import static org.convene.attendance.ReportColumns.PEAK_AT;
import static org.convene.attendance.ReportColumns.PEAK_CONCURRENT;
import static org.convene.attendance.ReportColumns.REGISTERED;
import static org.convene.attendance.ReportColumns.SESSION_ID;
import static org.convene.attendance.ReportColumns.SESSION_TITLE;
import static org.convene.attendance.ReportColumns.PRESENCE_PER_MINUTE;
import static org.convene.attendance.ReportColumns.RULE_PERCENT;
import static org.convene.attendance.ReportColumns.STILL_OPEN;
import static org.convene.attendance.ReportColumns.UNIQUE_ATTENDEES;
import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.ATTENDANCE_CONFERENCE_SUMMARY;
import static org.convene.db.Tables.ATTENDANCE_DAY_SUMMARY;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;
import static org.convene.db.Tables.ATTENDANCE_SESSION_SUMMARY;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.QUESTION;
import static org.convene.db.Tables.QUESTION_VOTE;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.count;

/**
 * The reports' SQL. The heavy statements live in sql/*.sql beside this class (the benchmark runs EXPLAIN
 * ANALYZE on the same files); their results are read through the typed columns of {@link ReportColumns}. Figures of sessions and conferences are cached in summary tables that
 * triggers empty whenever the data behind them changes (db/V11).
 */
@Repository
class AttendanceReportQueries {

    static final String SESSION_SUMMARY = sql("session-summary.sql");
    static final String SESSION_ATTENDEES = sql("session-attendees.sql");
    static final String CONFERENCE_FIGURES = sql("conference-figures.sql");
    static final String CONFERENCE_DAYS = sql("conference-days.sql");
    static final String CONFERENCE_INTERVALS = sql("conference-intervals.sql");

    private final DSLContext db;
    private final TransactionTemplate newTransaction;

    AttendanceReportQueries(DSLContext db, PlatformTransactionManager transactions) {
        this.db = db;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The SQL of one report statement, for the benchmark's query plans. */
    static String sql(String name) {
        try (InputStream in = AttendanceReportQueries.class.getResourceAsStream("sql/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing report SQL " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- what a report is about

    Optional<ConferenceRef> conference(String slug) {
        return db.select(CONFERENCE.ID, CONFERENCE.SLUG, CONFERENCE.NAME, CONFERENCE.TIME_ZONE, CONFERENCE.FIRST_DAY,
                        CONFERENCE.LAST_DAY)
                .from(CONFERENCE).where(CONFERENCE.SLUG.eq(slug))
                .fetchOptional(mapping(ConferenceRef::new));
    }

    Optional<ConferenceRef> conference(long id) {
        return db.select(CONFERENCE.SLUG).from(CONFERENCE).where(CONFERENCE.ID.eq(id))
                .fetchOptional(CONFERENCE.SLUG).flatMap(this::conference);
    }

    /** @param takesPlaces adding the session took a place (db/V35), so its no-shows are counted */
    record SessionInfo(long id, long conferenceId, String title, Instant startsAt, Instant endsAt,
                       @Nullable Long hostId, @Nullable String hostName, boolean takesPlaces) {
    }

    /** The session's current setting, read live: a report follows a session changed to places or back. */
    private static final Field<Boolean> TAKES_PLACES = Routines.sessionTakesPlaces(PROGRAMME_SESSION.CAPACITY,
            PROGRAMME_SESSION.REGISTRATION_NEEDS_APPROVAL);

    Optional<SessionInfo> session(long sessionId) {
        return db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.CONFERENCE_ID, PROGRAMME_SESSION.TITLE,
                        PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ENDS_AT, HOST_ORGANISATION.ID,
                        HOST_ORGANISATION.NAME, TAKES_PLACES)
                .from(PROGRAMME_SESSION)
                .leftJoin(HOST_ORGANISATION).on(HOST_ORGANISATION.ID.eq(PROGRAMME_SESSION.HOST_ID))
                .where(PROGRAMME_SESSION.ID.eq(sessionId))
                .fetchOptional(mapping(SessionInfo::new));
    }

    List<SessionInfo> sessionsOf(long conferenceId, @Nullable Long hostId) {
        var condition = PROGRAMME_SESSION.CONFERENCE_ID.eq(conferenceId);
        if (hostId != null) {
            condition = condition.and(PROGRAMME_SESSION.HOST_ID.eq(hostId));
        }
        return db.select(PROGRAMME_SESSION.ID, PROGRAMME_SESSION.CONFERENCE_ID, PROGRAMME_SESSION.TITLE,
                        PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ENDS_AT, HOST_ORGANISATION.ID,
                        HOST_ORGANISATION.NAME, TAKES_PLACES)
                .from(PROGRAMME_SESSION)
                .leftJoin(HOST_ORGANISATION).on(HOST_ORGANISATION.ID.eq(PROGRAMME_SESSION.HOST_ID))
                .where(condition)
                .orderBy(PROGRAMME_SESSION.STARTS_AT, PROGRAMME_SESSION.ID)
                .fetch(mapping(SessionInfo::new));
    }

    List<ReportHost> hostsOf(long conferenceId) {
        return db.selectDistinct(HOST_ORGANISATION.ID, HOST_ORGANISATION.NAME)
                .from(HOST_ORGANISATION)
                .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.HOST_ID.eq(HOST_ORGANISATION.ID))
                .where(PROGRAMME_SESSION.CONFERENCE_ID.eq(conferenceId))
                .orderBy(HOST_ORGANISATION.NAME)
                .fetch(mapping(ReportHost::new));
    }

    /** Each of these hosts at each conference where it has sessions, newest conference first. */
    List<HostReportLink> hostReportLinks(java.util.Collection<Long> hostIds) {
        return db.selectDistinct(CONFERENCE.SLUG, CONFERENCE.NAME, CONFERENCE.FIRST_DAY, CONFERENCE.LAST_DAY,
                        HOST_ORGANISATION.ID, HOST_ORGANISATION.NAME)
                .from(PROGRAMME_SESSION)
                .join(CONFERENCE).on(CONFERENCE.ID.eq(PROGRAMME_SESSION.CONFERENCE_ID))
                .join(HOST_ORGANISATION).on(HOST_ORGANISATION.ID.eq(PROGRAMME_SESSION.HOST_ID))
                .where(PROGRAMME_SESSION.HOST_ID.in(hostIds))
                .orderBy(CONFERENCE.FIRST_DAY.desc(), CONFERENCE.NAME, HOST_ORGANISATION.NAME)
                .fetch(mapping(HostReportLink::new));
    }

    // --- cached figures

    /** Sessions that have ended with no cached figures: the warm-up works these out ahead of the reports. */
    List<Long> endedSessionsWithoutFigures(Instant endedBefore) {
        return db.select(PROGRAMME_SESSION.ID).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ENDS_AT.lt(endedBefore))
                .andNotExists(db.selectOne().from(ATTENDANCE_SESSION_SUMMARY)
                        .where(ATTENDANCE_SESSION_SUMMARY.SESSION_ID.eq(PROGRAMME_SESSION.ID),
                                ATTENDANCE_SESSION_SUMMARY.COMPUTED_AT.isNotNull()))
                .andExists(db.selectOne().from(ATTENDANCE_INTERVAL)
                        .where(ATTENDANCE_INTERVAL.SESSION_ID.eq(PROGRAMME_SESSION.ID)))
                .orderBy(PROGRAMME_SESSION.ENDS_AT.desc())
                .fetch(PROGRAMME_SESSION.ID);
    }

    /** Conferences with attendance and no cached figures. */
    List<Long> conferencesWithoutFigures() {
        return db.select(CONFERENCE.ID).from(CONFERENCE)
                .whereNotExists(db.selectOne().from(ATTENDANCE_CONFERENCE_SUMMARY)
                        .where(ATTENDANCE_CONFERENCE_SUMMARY.CONFERENCE_ID.eq(CONFERENCE.ID),
                                ATTENDANCE_CONFERENCE_SUMMARY.COMPUTED_AT.isNotNull()))
                .andExists(db.selectOne().from(ATTENDANCE_INTERVAL)
                        .join(PROGRAMME_SESSION).on(PROGRAMME_SESSION.ID.eq(ATTENDANCE_INTERVAL.SESSION_ID))
                        .where(PROGRAMME_SESSION.CONFERENCE_ID.eq(CONFERENCE.ID)))
                .fetch(CONFERENCE.ID);
    }

    /**
     * @param metRule    attendees present (counted once) for at least the conference's rule of the session
     * @param perMinute  the people present at some moment in each minute of the session
     */
    record SessionCounts(int registered, int attended, int noShows, int peakConcurrent, @Nullable Instant peakAt,
                         @Nullable Double medianMinutes, @Nullable Double meanMinutes, int metRule, int rulePercent,
                         double attendeeMinutes, List<Integer> perMinute, Instant computedAt) {
    }

    Optional<SessionCounts> cachedSession(long sessionId) {
        return db.selectFrom(ATTENDANCE_SESSION_SUMMARY)
                .where(ATTENDANCE_SESSION_SUMMARY.SESSION_ID.eq(sessionId),
                        ATTENDANCE_SESSION_SUMMARY.COMPUTED_AT.isNotNull())
                .fetchOptional(AttendanceReportQueries::counts);
    }

    /** The cached figures of those sessions that have them, in one read (a ranking lists every session). */
    Map<Long, SessionCounts> cachedSessions(Collection<Long> sessionIds) {
        return db.selectFrom(ATTENDANCE_SESSION_SUMMARY)
                .where(ATTENDANCE_SESSION_SUMMARY.SESSION_ID.in(sessionIds),
                        ATTENDANCE_SESSION_SUMMARY.COMPUTED_AT.isNotNull())
                .fetchMap(ATTENDANCE_SESSION_SUMMARY.SESSION_ID, AttendanceReportQueries::counts);
    }

    private static SessionCounts counts(AttendanceSessionSummaryRecord r) {
        return new SessionCounts(r.getRegistered(), r.getAttended(), r.getNoShows(),
                r.getPeakConcurrent(), r.getPeakAt(), r.getMedianMinutes(), r.getMeanMinutes(),
                r.getMetRule(), ruleOf(r), r.getAttendeeMinutes(),
                r.getPresencePerMinute() == null ? List.of() : List.of(r.getPresencePerMinute()),
                r.getComputedAt());
    }

    private static int ruleOf(AttendanceSessionSummaryRecord r) {
        Short percent = r.getRulePercent();
        return percent == null ? AttendanceRule.DEFAULT_PERCENT : percent;
    }

    SessionCounts computeSession(long sessionId, Instant now) {
        var r = db.resultQuery(SESSION_SUMMARY, sessionId)
                .coerce(REGISTERED, ATTENDED, NO_SHOWS, PEAK_CONCURRENT, PEAK_AT, MEDIAN_MINUTES, MEAN_MINUTES,
                        MET_RULE, ATTENDEE_MINUTES, PRESENCE_PER_MINUTE, RULE_PERCENT)
                .fetchOptional()
                .orElseThrow(() -> new IllegalStateException("No such session " + sessionId));
        Integer[] perMinute = r.value10();
        return new SessionCounts(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                r.value8(), r.value11(), r.value9(), perMinute == null ? List.of() : List.of(perMinute), now);
    }

    /**
     * Computes and caches a session's figures without ever caching figures older than the data: a claim row
     * is committed first (a change from then on deletes it), then every transaction that was already writing
     * is waited for (a SHARE lock, released at once), so the figures read next include everything committed
     * before the claim; they are stored only if the claim survived.
     */
    SessionCounts refreshSession(long sessionId, Instant now) {
        claim(() -> db.insertInto(ATTENDANCE_SESSION_SUMMARY).set(ATTENDANCE_SESSION_SUMMARY.SESSION_ID, sessionId)
                .onConflict(ATTENDANCE_SESSION_SUMMARY.SESSION_ID).doUpdate()
                .setNull(ATTENDANCE_SESSION_SUMMARY.COMPUTED_AT).execute());
        return newTransaction.execute(tx -> {
            SessionCounts counts = computeSession(sessionId, now);
            db.update(ATTENDANCE_SESSION_SUMMARY)
                    .set(ATTENDANCE_SESSION_SUMMARY.COMPUTED_AT, now)
                    .set(ATTENDANCE_SESSION_SUMMARY.REGISTERED, counts.registered())
                    .set(ATTENDANCE_SESSION_SUMMARY.ATTENDED, counts.attended())
                    .set(ATTENDANCE_SESSION_SUMMARY.NO_SHOWS, counts.noShows())
                    .set(ATTENDANCE_SESSION_SUMMARY.PEAK_CONCURRENT, counts.peakConcurrent())
                    .set(ATTENDANCE_SESSION_SUMMARY.PEAK_AT, counts.peakAt())
                    .set(ATTENDANCE_SESSION_SUMMARY.MEDIAN_MINUTES, counts.medianMinutes())
                    .set(ATTENDANCE_SESSION_SUMMARY.MEAN_MINUTES, counts.meanMinutes())
                    .set(ATTENDANCE_SESSION_SUMMARY.MET_RULE, counts.metRule())
                    .set(ATTENDANCE_SESSION_SUMMARY.RULE_PERCENT, (short) counts.rulePercent())
                    .set(ATTENDANCE_SESSION_SUMMARY.ATTENDEE_MINUTES, counts.attendeeMinutes())
                    .set(ATTENDANCE_SESSION_SUMMARY.PRESENCE_PER_MINUTE, counts.perMinute().toArray(Integer[]::new))
                    .where(ATTENDANCE_SESSION_SUMMARY.SESSION_ID.eq(sessionId),
                            ATTENDANCE_SESSION_SUMMARY.COMPUTED_AT.isNull())
                    .execute();
            return counts;
        });
    }

    record ConferenceCounts(int uniqueAttendees, double attendeeMinutes, int peakConcurrent, @Nullable Instant peakAt,
                            int registered, int noShows, List<DayFigures> days, Instant computedAt) {
    }

    Optional<ConferenceCounts> cachedConference(long conferenceId) {
        return db.selectFrom(ATTENDANCE_CONFERENCE_SUMMARY)
                .where(ATTENDANCE_CONFERENCE_SUMMARY.CONFERENCE_ID.eq(conferenceId),
                        ATTENDANCE_CONFERENCE_SUMMARY.COMPUTED_AT.isNotNull())
                .fetchOptional(r -> new ConferenceCounts(r.getUniqueAttendees(), r.getAttendeeMinutes(),
                        r.getPeakConcurrent(), r.getPeakAt(), r.getRegistered(), r.getNoShows(),
                        cachedDays(conferenceId), r.getComputedAt()));
    }

    private List<DayFigures> cachedDays(long conferenceId) {
        return db.selectFrom(ATTENDANCE_DAY_SUMMARY)
                .where(ATTENDANCE_DAY_SUMMARY.CONFERENCE_ID.eq(conferenceId))
                .orderBy(ATTENDANCE_DAY_SUMMARY.DAY)
                .fetch(r -> new DayFigures(r.getDay(), r.getUniqueAttendees(), r.getAttendeeMinutes()));
    }

    ConferenceCounts computeConference(long conferenceId, Instant now) {
        var r = db.resultQuery(CONFERENCE_FIGURES, conferenceId)
                .coerce(UNIQUE_ATTENDEES, ATTENDEE_MINUTES, PEAK_CONCURRENT, PEAK_AT, REGISTERED, NO_SHOWS)
                .fetchSingle();
        List<DayFigures> days = db.resultQuery(CONFERENCE_DAYS, conferenceId)
                .coerce(DAY, UNIQUE_ATTENDEES, ATTENDEE_MINUTES)
                .fetch(mapping(DayFigures::new));
        return new ConferenceCounts(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), days, now);
    }

    /** As {@link #refreshSession}, for a conference's figures. */
    ConferenceCounts refreshConference(long conferenceId, Instant now) {
        claim(() -> {
            db.deleteFrom(ATTENDANCE_CONFERENCE_SUMMARY)
                    .where(ATTENDANCE_CONFERENCE_SUMMARY.CONFERENCE_ID.eq(conferenceId)).execute();
            return db.insertInto(ATTENDANCE_CONFERENCE_SUMMARY)
                    .set(ATTENDANCE_CONFERENCE_SUMMARY.CONFERENCE_ID, conferenceId).execute();
        });
        return newTransaction.execute(tx -> {
            ConferenceCounts counts = computeConference(conferenceId, now);
            int stored = db.update(ATTENDANCE_CONFERENCE_SUMMARY)
                    .set(ATTENDANCE_CONFERENCE_SUMMARY.COMPUTED_AT, now)
                    .set(ATTENDANCE_CONFERENCE_SUMMARY.UNIQUE_ATTENDEES, counts.uniqueAttendees())
                    .set(ATTENDANCE_CONFERENCE_SUMMARY.ATTENDEE_MINUTES, counts.attendeeMinutes())
                    .set(ATTENDANCE_CONFERENCE_SUMMARY.PEAK_CONCURRENT, counts.peakConcurrent())
                    .set(ATTENDANCE_CONFERENCE_SUMMARY.PEAK_AT, counts.peakAt())
                    .set(ATTENDANCE_CONFERENCE_SUMMARY.REGISTERED, counts.registered())
                    .set(ATTENDANCE_CONFERENCE_SUMMARY.NO_SHOWS, counts.noShows())
                    .where(ATTENDANCE_CONFERENCE_SUMMARY.CONFERENCE_ID.eq(conferenceId),
                            ATTENDANCE_CONFERENCE_SUMMARY.COMPUTED_AT.isNull())
                    .execute();
            if (stored == 1) {
                for (DayFigures day : counts.days()) {
                    db.insertInto(ATTENDANCE_DAY_SUMMARY)
                            .set(ATTENDANCE_DAY_SUMMARY.CONFERENCE_ID, conferenceId)
                            .set(ATTENDANCE_DAY_SUMMARY.DAY, day.day())
                            .set(ATTENDANCE_DAY_SUMMARY.UNIQUE_ATTENDEES, day.uniqueAttendees())
                            .set(ATTENDANCE_DAY_SUMMARY.ATTENDEE_MINUTES, day.attendeeMinutes())
                            .execute();
                }
            }
            return counts;
        });
    }

    private void claim(Supplier<Integer> writeClaim) {
        newTransaction.executeWithoutResult(tx -> writeClaim.get());
        newTransaction.executeWithoutResult(tx ->
                db.execute("lock table attendance_interval, agenda_item in share mode"));
    }

    // --- live figures (cheap enough to read on every request)

    record QuestionCounts(int asked, int answered, int votes) {
        static final QuestionCounts NONE = new QuestionCounts(0, 0, 0);
    }

    /** Each session's question counts, in two grouped reads; a session without questions is left out. */
    Map<Long, QuestionCounts> questionsBySession(Collection<Long> sessionIds) {
        Map<Long, Integer> votes = db.select(QUESTION.SESSION_ID, count())
                .from(QUESTION_VOTE.join(QUESTION).on(QUESTION.ID.eq(QUESTION_VOTE.QUESTION_ID)))
                .where(QUESTION.SESSION_ID.in(sessionIds))
                .groupBy(QUESTION.SESSION_ID)
                .fetchMap(Record2::value1, Record2::value2);
        Map<Long, QuestionCounts> counts = new HashMap<>();
        db.select(QUESTION.SESSION_ID, count(), count().filterWhere(QUESTION.STATE.eq(QuestionState.ANSWERED)))
                .from(QUESTION).where(QUESTION.SESSION_ID.in(sessionIds))
                .groupBy(QUESTION.SESSION_ID)
                .forEach(r -> counts.put(r.value1(),
                        new QuestionCounts(r.value2(), r.value3(), votes.getOrDefault(r.value1(), 0))));
        return counts;
    }

    QuestionCounts questions(List<Long> sessionIds) {
        Record r = db.select(count(), count().filterWhere(QUESTION.STATE.eq(QuestionState.ANSWERED)))
                .from(QUESTION).where(QUESTION.SESSION_ID.in(sessionIds)).fetchSingle();
        int votes = db.fetchCount(QUESTION_VOTE.join(QUESTION).on(QUESTION.ID.eq(QUESTION_VOTE.QUESTION_ID)),
                QUESTION.SESSION_ID.in(sessionIds));
        return new QuestionCounts(r.get(0, Integer.class), r.get(1, Integer.class), votes);
    }

    /** Different people present at any of these sessions: kept presence, and the people still there (db/V34). */
    int uniqueAttendees(List<Long> sessionIds) {
        Long[] ids = sessionIds.toArray(Long[]::new);
        return db.resultQuery("""
                        select count(*) as unique_attendees
                        from (select user_id from attendance_presence where session_id = any (?)
                              union
                              select user_id from attendance_live(?)) people""", ids, ids)
                .coerce(UNIQUE_ATTENDEES).fetchSingle().value1();
    }

    List<AttendeeRow> attendees(long sessionId, int offset, int limit) {
        return attendeesQuery(sessionId, offset, limit).fetch(mapping(AttendeeRow::new));
    }

    /** All of a session's attendees, read {@code fetchSize} rows at a time; the caller closes the stream. */
    Stream<AttendeeRow> streamAttendees(long sessionId, int fetchSize) {
        return attendeesQuery(sessionId, 0, Integer.MAX_VALUE).fetchSize(fetchSize).fetchStream()
                .map(mapping(AttendeeRow::new));
    }

    private ResultQuery<Record5<String, Boolean, Instant, Instant, Boolean>> attendeesQuery(long sessionId, int offset,
                                                                                            int limit) {
        return db.resultQuery(SESSION_ATTENDEES, sessionId, offset, limit, sessionId)
                .coerce(LABEL, NAMED, JOINED_AT, LEFT_AT, STILL_OPEN);
    }

    int attendeeRowCount(long sessionId) {
        return db.fetchCount(ATTENDANCE_INTERVAL, ATTENDANCE_INTERVAL.SESSION_ID.eq(sessionId));
    }

    /** One stay in the raw export of a conference's intervals; {@code leftAt} is null while it is open. */
    record IntervalRow(long sessionId, String sessionTitle, String attendee, boolean named, Instant joinedAt,
                       Instant leftAt, Instant lastSeenAt) {
    }

    int intervalCount(long conferenceId) {
        return db.fetchCount(ATTENDANCE_INTERVAL.join(PROGRAMME_SESSION)
                        .on(PROGRAMME_SESSION.ID.eq(ATTENDANCE_INTERVAL.SESSION_ID)),
                PROGRAMME_SESSION.CONFERENCE_ID.eq(conferenceId));
    }

    /** Every interval of a conference, read {@code fetchSize} rows at a time; the caller closes the stream. */
    Stream<IntervalRow> streamIntervals(long conferenceId, int fetchSize) {
        return db.resultQuery(CONFERENCE_INTERVALS, conferenceId, conferenceId)
                .coerce(SESSION_ID, SESSION_TITLE, ATTENDEE, NAMED, JOINED_AT, LEFT_AT, LAST_SEEN_AT)
                .fetchSize(fetchSize).fetchStream()
                .map(mapping(IntervalRow::new));
    }

    int registered(long sessionId) {
        return db.fetchCount(AGENDA_ITEM, AGENDA_ITEM.SESSION_ID.eq(sessionId));
    }
}
