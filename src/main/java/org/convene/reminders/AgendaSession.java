package org.convene.reminders;

import org.convene.programme.AccessFeature;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/**
 * A session on one person's agenda that starts soon enough for a reminder to be due, with what the message needs.
 *
 * @param chosenZone the zone the person chose for their reminders; null when they chose none
 */
public record AgendaSession(long userId, String email, @Nullable ZoneId chosenZone, long sessionId, String title,
                            Instant startsAt, Instant endsAt, ZoneId conferenceZone, Set<AccessFeature> access,
                            boolean hasJoinLink) {

    /**
     * The zone this session's reminders are timed and written in: the person's own choice, else the conference's
     * zone, which is the one the agenda and the timetable show by default.
     */
    public ZoneId zone() {
        return chosenZone != null ? chosenZone : conferenceZone;
    }
}
