package org.convene.attendance;

import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

import java.time.Instant;
import java.time.LocalDate;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

/**
 * The result columns of the report statements in sql/*.sql, typed, in the order each statement selects them.
 * The statements stay plain SQL files (the benchmark runs EXPLAIN ANALYZE on the same text), and their results
 * are read through {@code ResultQuery.coerce} with these fields: jOOQ reads each column with the field's type,
 * so nothing is looked up by index or converted by hand.
 */
final class ReportColumns {

    private ReportColumns() {
    }

    // session-summary.sql (its question counts after these are not read: the report counts questions live)
    static final Field<Integer> REGISTERED = column("registered", SQLDataType.INTEGER);
    static final Field<Integer> ATTENDED = column("attended", SQLDataType.INTEGER);
    static final Field<Integer> NO_SHOWS = column("no_shows", SQLDataType.INTEGER);
    static final Field<Integer> PEAK_CONCURRENT = column("peak_concurrent", SQLDataType.INTEGER);
    static final Field<Instant> PEAK_AT = column("peak_at", SQLDataType.INSTANT);
    static final Field<Double> MEDIAN_MINUTES = column("median_minutes", SQLDataType.DOUBLE);
    static final Field<Double> MEAN_MINUTES = column("mean_minutes", SQLDataType.DOUBLE);
    static final Field<Integer> MET_RULE = column("met_rule", SQLDataType.INTEGER);
    static final Field<Double> ATTENDEE_MINUTES = column("attendee_minutes", SQLDataType.DOUBLE);
    static final Field<Integer[]> PRESENCE_PER_MINUTE = column("presence_per_minute", SQLDataType.INTEGER.array());
    static final Field<Integer> RULE_PERCENT = column("rule_percent", SQLDataType.INTEGER);

    // conference-figures.sql: UNIQUE_ATTENDEES, ATTENDEE_MINUTES, PEAK_CONCURRENT, PEAK_AT, REGISTERED, NO_SHOWS
    static final Field<Integer> UNIQUE_ATTENDEES = column("unique_attendees", SQLDataType.INTEGER);

    // conference-days.sql: DAY, UNIQUE_ATTENDEES, ATTENDEE_MINUTES
    static final Field<LocalDate> DAY = column("day", SQLDataType.LOCALDATE);

    // session-attendees.sql: LABEL, NAMED, JOINED_AT, LEFT_AT, STILL_OPEN
    static final Field<String> LABEL = column("label", SQLDataType.CLOB);
    static final Field<Boolean> NAMED = column("named", SQLDataType.BOOLEAN);
    static final Field<Instant> JOINED_AT = column("joined_at", SQLDataType.INSTANT);
    static final Field<Instant> LEFT_AT = column("left_at", SQLDataType.INSTANT);
    static final Field<Boolean> STILL_OPEN = column("still_open", SQLDataType.BOOLEAN);

    // conference-intervals.sql: SESSION_ID, SESSION_TITLE, ATTENDEE, NAMED, JOINED_AT, LEFT_AT, LAST_SEEN_AT
    static final Field<Long> SESSION_ID = column("session_id", SQLDataType.BIGINT);
    static final Field<String> SESSION_TITLE = column("session_title", SQLDataType.CLOB);
    static final Field<String> ATTENDEE = column("attendee", SQLDataType.CLOB);
    static final Field<Instant> LAST_SEEN_AT = column("last_seen_at", SQLDataType.INSTANT);

    private static <T> Field<T> column(String name, DataType<T> type) {
        return field(name(name), type);
    }
}
