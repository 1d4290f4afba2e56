package org.convene.attendance;

import java.time.Instant;
import java.time.ZoneId;

/** The session an import or phone join is for, as the page and the checks need it. */
public record ImportSession(long id, String title, Instant startsAt, Instant endsAt, ZoneId zone, long conferenceId) {
}
