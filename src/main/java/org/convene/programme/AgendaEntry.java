package org.convene.programme;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A session as a personal agenda and a calendar show it.
 *
 * @param revision increases whenever the session changes, so calendar apps replace their copy (iCalendar SEQUENCE)
 */
public record AgendaEntry(long sessionId, String title, Instant startsAt, Instant endsAt,
                          String conferenceSlug, String conferenceName, ZoneId conferenceZone,
                          String hostName, String joinUrl, int revision) {

    public boolean overlaps(AgendaEntry other) {
        return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }
}
