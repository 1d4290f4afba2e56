package org.convene.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Times in email, written as the pages write them (NHS and GOV.UK style: "Tuesday 24 November 2026, 10am to
 * 11.30am (UK time)"), always naming the zone. The pages' own helpers live in {@code core.ui}, which code outside
 * the views may not use, so the few rules email needs are repeated here and tested against the same examples.
 */
final class MailTimes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_NO_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

    private MailTimes() {
    }

    /** "Tuesday 24 November 2026, 10am to 11.30am (UK time)"; an end on another day names that day. */
    static String when(Instant start, Instant end, ZoneId zone) {
        ZonedDateTime localStart = start.atZone(zone);
        ZonedDateTime localEnd = end.atZone(zone);
        String text = DAY.format(localStart) + ", " + time(localStart) + " to " + time(localEnd);
        if (!localEnd.toLocalDate().equals(localStart.toLocalDate())) {
            text += " on " + DAY_NO_YEAR.format(localEnd);
        }
        return text + " (" + zoneName(zone) + ")";
    }

    /** "Tuesday 24 November 2026". */
    static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** "UK time" for Europe/London, else the zone's full name and its id: "Central European Time (Europe/Paris)". */
    static String zoneName(ZoneId zone) {
        if (zone.getId().equals("Europe/London")) {
            return "UK time";
        }
        return zone.getDisplayName(TextStyle.FULL, Locale.UK) + ", " + zone.getId();
    }

    /**
     * "10am", "10.30am", "midday", "2.15pm"; in the hour that repeats when the clocks go back, the offset is added
     * ("1.30am, UTC+1") because the time alone would name two moments.
     */
    static String time(ZonedDateTime time) {
        String text = time(time.toLocalTime());
        if (time.getZone().getRules().getValidOffsets(time.toLocalDateTime()).size() > 1) {
            text += ", " + utc(time.getOffset().getTotalSeconds());
        }
        return text;
    }

    static String time(LocalTime time) {
        if (time.getHour() == 12 && time.getMinute() == 0) {
            return "midday";
        }
        int hour12 = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        String suffix = time.getHour() < 12 ? "am" : "pm";
        return time.getMinute() == 0 ? hour12 + suffix
                : hour12 + "." + String.format(Locale.ROOT, "%02d", time.getMinute()) + suffix;
    }

    private static String utc(int seconds) {
        if (seconds == 0) {
            return "UTC";
        }
        int minutes = Math.abs(seconds) / 60;
        return "UTC" + (seconds < 0 ? "-" : "+") + minutes / 60
                + (minutes % 60 == 0 ? "" : ":" + String.format(Locale.ROOT, "%02d", minutes % 60));
    }
}
