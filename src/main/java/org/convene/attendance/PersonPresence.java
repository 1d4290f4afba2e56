package org.convene.attendance;

import java.time.Duration;

/**
 * How long one person was at one session, counted once (merged intervals of every source, inside the session's
 * times), and whether that meets the conference's {@link AttendanceRule}.
 */
public record PersonPresence(long sessionId, long userId, Duration present, Duration sessionLength,
                             AttendanceRule rule) {

    public boolean metRule() {
        return rule.metBy(present, sessionLength);
    }
}
