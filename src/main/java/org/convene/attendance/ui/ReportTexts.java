package org.convene.attendance.ui;

import org.convene.attendance.Rates;
import org.convene.core.time.DateTexts;
import org.jspecify.annotations.Nullable;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/** Numbers and times in reports, written for people: "1,250", "about 21 hours", "2.15pm on Monday 23 November". */
final class ReportTexts {

    private ReportTexts() {
    }

    static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(value);
    }

    /** "1,234 minutes (about 21 hours)"; "12 minutes". */
    static String minutes(double minutes) {
        long rounded = Math.round(minutes);
        String text = count(rounded) + (rounded == 1 ? " minute" : " minutes");
        if (rounded >= 120) {
            text += " (about " + count(Math.round(minutes / 60)) + " hours)";
        }
        return text;
    }

    /** "32.5 minutes", or "none" when there is nothing to average. */
    static String averageMinutes(@Nullable Double minutes) {
        if (minutes == null) {
            return "nobody attended";
        }
        return String.format(Locale.UK, "%.1f minutes", minutes);
    }

    static String share(@Nullable Double share) {
        return Rates.describe(share);
    }

    /** "2.15pm" in the zone. */
    static String time(Instant instant, ZoneId zone) {
        return DateTexts.time(instant.atZone(zone).toLocalTime());
    }

    /** "2.15pm on Monday 23 November (UK time)". */
    static String moment(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        return DateTexts.time(local.toLocalTime()) + " on " + DateTexts.dayWithoutYear(local.toLocalDate())
                + " (" + DateTexts.zoneName(zone) + ")";
    }

    /** "Monday 23 November 2026, 10am to 11.30am (UK time)". */
    static String when(Instant start, Instant end, ZoneId zone) {
        return DateTexts.day(start.atZone(zone).toLocalDate()) + ", "
                + DateTexts.timeRange(start.atZone(zone), end.atZone(zone)) + " (" + DateTexts.zoneName(zone) + ")";
    }
}
