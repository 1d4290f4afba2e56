package org.convene.exchange;

import org.convene.programme.PersonRole;
import org.convene.programme.SessionFormat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session as schedule exports carry it. Track, host, links and guid may be null; a null guid means the
 * session was made in Convene and is exported with one derived from its id (see {@link #exportGuid()}).
 * Cancelled sessions are read too: calendar exports keep them (STATUS:CANCELLED), schedule apps get them left out.
 */
record ScheduleSession(long id, UUID guid, String title, SessionFormat format, Instant startsAt, Instant endsAt,
                       String track, String hostName, String summaryMarkdown, String joinUrl, String recordingUrl,
                       int version, List<Person> people, boolean cancelled, String cancellationReason) {

    ScheduleSession {
        people = List.copyOf(people);
    }

    /** Stable across exports, so schedule apps keep their favourites when the programme changes. */
    UUID exportGuid() {
        return guid != null ? guid : derivedGuid(id);
    }

    static UUID derivedGuid(long sessionId) {
        return UUID.nameUUIDFromBytes(("convene-session-" + sessionId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    record Person(long id, String name, String bio, PersonRole role) {
    }
}
