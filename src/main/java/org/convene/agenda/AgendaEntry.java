package org.convene.agenda;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A session as a personal agenda and a calendar show it.
 *
 * @param revision increases whenever the session changes, so calendar apps replace their copy (iCalendar SEQUENCE)
 * @param cancellationReason what the organisers told attendees; null when they gave none or it goes ahead
 * @param hasJoinLink whether the session has a meeting to join; the meeting's address itself never leaves the
 *                    join redirect, so agendas and calendars do not carry it
 * @param recordingUrl null until a recording is published
 */
public record AgendaEntry(long sessionId, String title, Instant startsAt, Instant endsAt,
                          String conferenceSlug, String conferenceName, ZoneId conferenceZone,
                          @Nullable String hostName, boolean hasJoinLink, int revision,
                          boolean cancelled, @Nullable String cancellationReason, @Nullable String recordingUrl) {

    public boolean overlaps(AgendaEntry other) {
        return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }
}
