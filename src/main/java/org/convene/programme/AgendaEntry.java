package org.convene.programme;

import java.time.Instant;
import java.time.ZoneId;

/** A session on someone's personal agenda, with what the agenda page and calendar feed need. */
public record AgendaEntry(long sessionId, String title, Instant startsAt, Instant endsAt,
                          String conferenceSlug, String conferenceName, ZoneId conferenceZone,
                          String hostName, String joinUrl) {

    public boolean overlaps(AgendaEntry other) {
        return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }
}
