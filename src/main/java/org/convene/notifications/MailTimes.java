package org.convene.notifications;

import org.convene.core.time.DateTexts;
import org.convene.core.time.ZoneTexts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Times in change emails, written by the same rules as the pages ({@link ZoneTexts}), always naming the zone:
 * "Tuesday 24 November 2026, 10am to 11.30am (UK time)".
 */
final class MailTimes {

    private MailTimes() {
    }

    /** "Tuesday 24 November 2026, 10am to 11.30am (UK time)"; an end on another day names that day. */
    static String when(Instant start, Instant end, ZoneId zone) {
        return ZoneTexts.dayAndRange(start, end, zone) + " (" + zoneName(zone) + ")";
    }

    /** "Tuesday 24 November 2026". */
    static String day(LocalDate date) {
        return DateTexts.day(date);
    }

    /** "UK time" for Europe/London, else the zone's name and its id: "Eastern Time, America/New_York". */
    static String zoneName(ZoneId zone) {
        String name = ZoneTexts.shortName(zone);
        return zone.getId().equals("Europe/London") ? name : name + ", " + zone.getId();
    }
}
