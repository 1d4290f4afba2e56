package org.convene.accesshelp.ui;

import org.convene.accesshelp.AccessHelpLimits;
import org.convene.core.time.DateTexts;

import java.time.Instant;
import java.time.ZoneId;

/** Words shared by the access-help parts. */
final class HelpTexts {

    private HelpTexts() {
    }

    /** "5 minutes". */
    static String windowMinutes() {
        long minutes = AccessHelpLimits.RECENT_WINDOW.toMinutes();
        return minutes == 1 ? "minute" : minutes + " minutes";
    }

    /** "2.15pm". */
    static String time(Instant at, ZoneId zone) {
        return DateTexts.time(at.atZone(zone).toLocalTime());
    }
}
