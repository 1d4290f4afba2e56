package org.convene.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Times of programme pages in whichever zone the reader chose. A timetable day is a date in the
 * conference's zone; read from far away, a session under that day can fall on another local date, and
 * then the local date is written beside the time so that nobody turns up a day early or late.
 */
public final class ZoneTexts {

    private ZoneTexts() {
    }

    /** The zone as named inside a sentence: "UK time", "Pacific Time", "New Zealand Time". */
    public static String shortName(ZoneId zone) {
        if (zone.getId().equals("Europe/London")) {
            return "UK time";
        }
        return zone.getDisplayName(TextStyle.FULL, Locale.UK);
    }

    /** "UK time (Europe/London)": the familiar name and the exact zone, which settles any doubt. */
    public static String fullName(ZoneId zone) {
        String name = DateTexts.zoneName(zone);
        return name.contains(zone.getId()) ? name : name + " (" + zone.getId() + ")";
    }

    /** The sentence that says which zone a page's times are in. */
    public static String sentence(ZoneId zone, boolean viewersOwnZone) {
        return viewersOwnZone
                ? "Times are in your time zone: " + fullName(zone) + "."
                : "Times are in " + fullName(zone) + ".";
    }

    /**
     * "10.30am"; in the hour that repeats when the clocks go back, the UTC offset is added ("1.30am (UTC-4)")
     * because the time alone would name two different moments.
     */
    public static String time(ZonedDateTime time) {
        String text = DateTexts.time(time.toLocalTime());
        if (time.getZone().getRules().getValidOffsets(time.toLocalDateTime()).size() > 1) {
            text += " (" + utcOffset(time.getOffset()) + ")";
        }
        return text;
    }

    /** A start time under a conference day: "11pm", or "11pm (Sunday 22 November)" when the local date differs. */
    public static String timeOnDay(Instant instant, ZoneId zone, LocalDate conferenceDay) {
        ZonedDateTime local = instant.atZone(zone);
        String text = time(local);
        if (!local.toLocalDate().equals(conferenceDay)) {
            text += " (" + DateTexts.dayWithoutYear(local.toLocalDate()) + ")";
        }
        return text;
    }

    /** "10am to 11am"; each end carries its date when it is not the conference day (or the start's date). */
    public static String rangeOnDay(Instant start, Instant end, ZoneId zone, LocalDate conferenceDay) {
        ZonedDateTime localStart = start.atZone(zone);
        ZonedDateTime localEnd = end.atZone(zone);
        String text = timeOnDay(start, zone, conferenceDay) + " to " + time(localEnd);
        if (!localEnd.toLocalDate().equals(localStart.toLocalDate())) {
            text += " (" + DateTexts.dayWithoutYear(localEnd.toLocalDate()) + ")";
        }
        return text;
    }

    /**
     * "Monday 23 November 2026, 10am to 11.30am" in the given zone, or
     * "Monday 23 November 2026, 11pm to 12.30am on Tuesday 24 November" when it runs past midnight there.
     */
    public static String dayAndRange(Instant start, Instant end, ZoneId zone) {
        ZonedDateTime localStart = start.atZone(zone);
        ZonedDateTime localEnd = end.atZone(zone);
        String text = DateTexts.day(localStart.toLocalDate()) + ", " + time(localStart) + " to " + time(localEnd);
        if (!localEnd.toLocalDate().equals(localStart.toLocalDate())) {
            text += " on " + DateTexts.dayWithoutYear(localEnd.toLocalDate());
        }
        return text;
    }

    /** "UTC-4", "UTC+5:30". */
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
