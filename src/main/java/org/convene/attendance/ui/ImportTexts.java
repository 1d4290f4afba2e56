package org.convene.attendance.ui;

import org.convene.core.time.DateTexts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Words for the import page: counts and times. */
final class ImportTexts {

    private ImportTexts() {
    }

    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String time(Instant at, ZoneId zone) {
        return DateTexts.time(at.atZone(zone).toLocalTime());
    }

    static String dayAndTime(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return DateTexts.day(local.toLocalDate()) + ", " + DateTexts.time(local.toLocalTime());
    }

    static String range(Instant from, Instant to, ZoneId zone) {
        return DateTexts.timeRange(from.atZone(zone), to.atZone(zone));
    }
}
