package org.convene.core.time;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Dates and times written the way the NHS and GOV.UK style guides ask: "Wednesday 8 July 2026",
 * "10.30am to 11.30am", "midday", months in full, and always the time zone in force.
 */
public final class DateTexts {

    private static final Locale UK = Locale.UK;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", UK);
    private static final DateTimeFormatter DAY_NO_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM", UK);

    private DateTexts() {
    }

    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    public static String dayWithoutYear(LocalDate date) {
        return DAY_NO_YEAR.format(date);
    }

    /** "Monday 23 to Friday 27 November 2026", or the full form when months or years differ. */
    public static String dayRange(LocalDate first, LocalDate last) {
        if (first.equals(last)) {
            return day(first);
        }
        if (first.getYear() == last.getYear() && first.getMonth() == last.getMonth()) {
            return first.getDayOfWeek().getDisplayName(TextStyle.FULL, UK) + " " + first.getDayOfMonth()
                    + " to " + day(last);
        }
        if (first.getYear() == last.getYear()) {
            return dayWithoutYear(first) + " to " + day(last);
        }
        return day(first) + " to " + day(last);
    }

    /** "10am", "10.30am", "midday", "2.15pm". */
    public static String time(LocalTime time) {
        if (time.getHour() == 12 && time.getMinute() == 0) {
            return "midday";
        }
        int hour12 = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        String suffix = time.getHour() < 12 ? "am" : "pm";
        return time.getMinute() == 0 ? hour12 + suffix : hour12 + "." + String.format("%02d", time.getMinute()) + suffix;
    }

    public static String timeRange(ZonedDateTime start, ZonedDateTime end) {
        String range = time(start.toLocalTime()) + " to " + time(end.toLocalTime());
        if (!start.toLocalDate().equals(end.toLocalDate())) {
            range += " (" + dayWithoutYear(end.toLocalDate()) + ")";
        }
        return range;
    }

    /** The name people know a zone by: "UK time" for Europe/London, else the region's own name. */
    public static String zoneName(ZoneId zone) {
        if (zone.getId().equals("Europe/London")) {
            return "UK time";
        }
        return zone.getDisplayName(TextStyle.FULL, UK) + " (" + zone.getId() + ")";
    }
}
