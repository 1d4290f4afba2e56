package org.convene.certificates;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A conference where the signed-in person met the rule at one session or more, for "My certificates". */
public record MyCertificates(long conferenceId, String conferenceName, ZoneId zone, List<Session> sessions) {

    public MyCertificates {
        sessions = List.copyOf(sessions);
    }

    public record Session(long sessionId, String title, Instant startsAt, Instant endsAt, int minutes) {
    }
}
