package org.convene.attendance;

import java.time.Duration;
import java.time.Instant;

/**
 * One stay at a session, as organisers see it: the attendee's name only if they agreed to be named,
 * else "Attendee 3" (numbered within the session by first arrival).
 *
 * @param leftAt    when they left, or for someone still there, when they were last heard from
 * @param stillOpen true while the stay has not ended
 */
public record AttendeeRow(String label, boolean named, Instant joinedAt, Instant leftAt, boolean stillOpen) {

    public double minutes() {
        return Duration.between(joinedAt, leftAt).toMillis() / 60_000.0;
    }
}
