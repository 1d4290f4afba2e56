package org.convene.notifications;

import org.convene.programme.AccessFeature;
import org.convene.programme.SessionDetail;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/**
 * What a message says about a session. {@code zone} is the one the person's agenda shows it in: the conference's
 * (Convene keeps no time zone per person, so this is the zone they planned by).
 */
record SessionFacts(long id, String title, String conferenceName, String conferenceSlug, Instant startsAt,
                    Instant endsAt, ZoneId zone, Set<AccessFeature> access, boolean captions, boolean transcript,
                    boolean easyReadSummary) {

    SessionFacts {
        access = Set.copyOf(access);
    }

    static SessionFacts of(SessionDetail session) {
        return new SessionFacts(session.id(), session.title(), session.conference().name(),
                session.conference().slug(), session.startsAt(), session.endsAt(), session.conference().timeZone(),
                session.access(), session.captionsUrl() != null, session.transcriptUrl() != null,
                session.easyReadSummary() != null);
    }
}
