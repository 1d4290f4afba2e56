package org.convene.attendance;

import org.convene.qa.QuestionState;
import org.convene.db.Routines;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Record5;
import org.jooq.ResultQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

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
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.QUESTION;
import static org.convene.db.Tables.QUESTION_VOTE;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.count;

/**
 * The reports' SQL. The heavy statements live in sql/*.sql beside this class (the benchmark runs EXPLAIN
 * ANALYZE on the same files); their results are read through the typed columns of {@link ReportColumns}. Figures
 * are worked out on every read from the presence kept as intervals change (db/V34): a few thousand rows for a
 * conference, so nothing is cached and no read writes.
 */
@Repository
class AttendanceReportQueries {

    static final String SESSION_FIGURES = sql("session-figures.sql");
    static final String SESSION_ATTENDEES = sql("session-attendees.sql");
    static final String CONFERENCE_FIGURES = sql("conference-figures.sql");
    static final String CONFERENCE_DAYS = sql("conference-days.sql");
    static final String CONFERENCE_INTERVALS = sql("conference-intervals.sql");

    private final DSLContext db;

    AttendanceReportQueries(DSLContext db) {
        this.db = db;
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

    // --- figures, worked out on every read from the presence kept as intervals change (db/V34)

    /**
     * @param metRule    attendees present (counted once) for at least the conference's rule of the session
     * @param perMinute  the people present at some moment in each minute of the session
     */
    record SessionCounts(long sessionId, int registered, int attended, int noShows, int peakConcurrent,
                         @Nullable Instant peakAt, @Nullable Double medianMinutes, @Nullable Double meanMinutes,
                         int metRule, int rulePercent, double attendeeMinutes, List<Integer> perMinute) {
    }

    SessionCounts sessionFigures(long sessionId) {
        return sessionFigures(List.of(sessionId), 0, 1).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No such session " + sessionId));
    }

    /** These sessions' figures in one statement, most attended first (then by start): a page of the ranking. */
    List<SessionCounts> sessionFigures(Collection<Long> sessionIds, int offset, int limit) {
        return db.resultQuery(SESSION_FIGURES, sessionIds.toArray(Long[]::new), offset, limit)
                .coerce(SESSION_ID, REGISTERED, ATTENDED, NO_SHOWS, PEAK_CONCURRENT, PEAK_AT, MEDIAN_MINUTES,
                        MEAN_MINUTES, MET_RULE, ATTENDEE_MINUTES, PRESENCE_PER_MINUTE, RULE_PERCENT)
                .fetch(r -> {
                    Integer[] perMinute = r.value11();
                    return new SessionCounts(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                            r.value7(), r.value8(), r.value9(), r.value12(), r.value10(),
                            perMinute == null ? List.of() : List.of(perMinute));
                });
    }

    record ConferenceCounts(int uniqueAttendees, double attendeeMinutes, int peakConcurrent, @Nullable Instant peakAt,
                            int registered, int noShows, List<DayFigures> days) {
    }

    ConferenceCounts conferenceFigures(long conferenceId) {
        var r = db.resultQuery(CONFERENCE_FIGURES, conferenceId)
                .coerce(UNIQUE_ATTENDEES, ATTENDEE_MINUTES, PEAK_CONCURRENT, PEAK_AT, REGISTERED, NO_SHOWS)
                .fetchSingle();
        List<DayFigures> days = db.resultQuery(CONFERENCE_DAYS, conferenceId)
                .coerce(DAY, UNIQUE_ATTENDEES, ATTENDEE_MINUTES)
                .fetch(mapping(DayFigures::new));
        return new ConferenceCounts(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), days);
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
