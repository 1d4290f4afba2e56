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

    /** A session's no-shows in a table row when it had no places: adding it to an agenda kept nothing. */
    static final String NO_SHOWS_NO_PLACES = "not counted (no places)";

    /** A conference's or a host's registrations when none of the sessions had places. */
    static final String REGISTRATIONS_NONE_HAD_PLACES = "none: no session had places";

    /** Why a conference's or a host's no-shows have no number. */
    static final String NO_SHOWS_NONE_HAD_PLACES = "Not counted: none of the sessions had places, so anyone could "
            + "come without adding a session to their agenda";

    /** What "sessions with places" means, under the figures that count only those. */
    static final String SESSIONS_WITH_PLACES = "Registrations and no-shows count only sessions with places (a "
            + "limited number, or the hosts approve each person). At other sessions anyone could come, so having "
            + "one on your agenda is not a registration.";

    /** "12 of 140 registrations for sessions with places: 9% (about 1 in 12)". */
    static String noShowsOfRegistrations(int noShows, int registered, @Nullable Double rate) {
        if (registered == 0) {
            return "none: nobody registered for a session with places";
        }
        return count(noShows) + " of " + count(registered) + (registered == 1 ? " registration" : " registrations")
                + " for sessions with places: " + share(rate);
    }

    /** A no-shows cell of a table of sessions. */
    static String noShowsCell(int noShows, boolean counted) {
        return counted ? count(noShows) : NO_SHOWS_NO_PLACES;
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
