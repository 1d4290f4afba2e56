package org.convene.agenda;

import java.time.Instant;
import java.time.ZoneId;

/** A session I am waiting for a place at; {@code position} 1 is the next to get one. */
public record WaitingListEntry(long sessionId, String title, Instant startsAt, Instant endsAt, ZoneId zone,
                               int position) {
}
