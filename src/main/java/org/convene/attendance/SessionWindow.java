package org.convene.attendance;

import java.time.Instant;

/** When a session runs: attendance is recorded only from its start to its end. */
public record SessionWindow(Instant startsAt, Instant endsAt) {

    public boolean isRunning(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    public boolean hasEnded(Instant now) {
        return !now.isBefore(endsAt);
    }
}
