package org.convene.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Dates and times in reminders, written as the pages write them (GOV.UK style: "Tuesday 3 June 2026", "10.30am",
 * "midday"). The pages' own formatter lives in core.ui, which is for Vaadin code; email is written outside it.
 */
public final class ReminderTexts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_NO_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

    private ReminderTexts() {
    }

    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    public static String dayWithoutYear(LocalDate date) {
        return DAY_NO_YEAR.format(date);
    }

    /**
     * "10am", "10.30am", "midday", "2.15pm"; in the hour that repeats when the clocks go back, the UTC offset is
     * added ("1.30am (UTC+1)"), as the time alone would name two moments.
     */
    public static String time(ZonedDateTime time) {
        LocalTime local = time.toLocalTime();
        String text;
        if (local.getHour() == 12 && local.getMinute() == 0) {
            text = "midday";
        } else {
            int hour12 = local.getHour() % 12 == 0 ? 12 : local.getHour() % 12;
            String suffix = local.getHour() < 12 ? "am" : "pm";
            text = local.getMinute() == 0 ? hour12 + suffix : hour12 + "." + String.format("%02d", local.getMinute()) + suffix;
        }
        if (time.getZone().getRules().getValidOffsets(time.toLocalDateTime()).size() > 1) {
            text += " (" + utcOffset(time.getOffset()) + ")";
        }
        return text;
    }

    /** "10am to 11.30am", or "11pm to 12.30am (Wednesday 4 June)" when it ends on another day. */
    public static String range(Instant start, Instant end, ZoneId zone) {
        ZonedDateTime localStart = start.atZone(zone);
        ZonedDateTime localEnd = end.atZone(zone);
        String text = time(localStart) + " to " + time(localEnd);
        if (!localEnd.toLocalDate().equals(localStart.toLocalDate())) {
            text += " (" + dayWithoutYear(localEnd.toLocalDate()) + ")";
        }
        return text;
    }

    /** The zone as named in a sentence: "UK time", "Eastern Time", "New Zealand Time". */
    public static String zoneName(ZoneId zone) {
        return zone.getId().equals("Europe/London") ? "UK time" : zone.getDisplayName(TextStyle.FULL, Locale.UK);
    }

    /** "UK time (Europe/London)": the familiar name and the exact zone, which settles any doubt. */
    public static String zoneFullName(ZoneId zone) {
        return zoneName(zone) + " (" + zone.getId() + ")";
    }

    private static String utcOffset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return "UTC";
        }
        int minutes = Math.abs(seconds) / 60;
        String sign = seconds < 0 ? "-" : "+";
        return "UTC" + sign + minutes / 60 + (minutes % 60 == 0 ? "" : ":" + String.format("%02d", minutes % 60));
    }
}
