package org.convene.timetable;

import org.convene.programme.AccessFeature;
import org.convene.programme.HostRef;
import org.convene.programme.PersonRole;
import org.convene.programme.SessionFormat;
import org.convene.programme.SessionPersonName;
import org.convene.programme.TrackRef;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A session as its timetable card shows it. Track and host may be null. Only whether there is a joining
 * link or a recording is carried here: the links themselves belong to the session page. A cancelled session
 * stays on the timetable, marked, so that people who look for it learn what happened.
 */
public record TimetableEntry(long id, String title, SessionFormat format, Instant startsAt, Instant endsAt,
                             @Nullable TrackRef track, @Nullable HostRef host, List<SessionPersonName> people,
                             Set<AccessFeature> access, boolean hasJoinLink, boolean hasRecording,
                             boolean cancelled, @Nullable String cancellationReason) {

    public TimetableEntry {
        people = List.copyOf(people);
        access = Set.copyOf(access);
    }

    public List<String> facilitators() {
        return names(PersonRole.FACILITATOR);
    }

    public List<String> speakers() {
        return names(PersonRole.SPEAKER);
    }

    public boolean isOnAt(Instant instant) {
        return !instant.isBefore(startsAt) && instant.isBefore(endsAt);
    }

    private List<String> names(PersonRole role) {
        return people.stream().filter(p -> p.role() == role).map(SessionPersonName::name).toList();
    }
}
