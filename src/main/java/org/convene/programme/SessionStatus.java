package org.convene.programme;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A session as the cancel page shows it: whether it is cancelled and why, and how many people have it on
 * their agenda (they are the ones a cancellation reaches).
 */
public record SessionStatus(long sessionId, String title, Instant startsAt, Instant endsAt, ZoneId zone,
                            String conferenceName, @Nullable Instant cancelledAt, @Nullable String cancellationReason,
                            int version,
                            int onAgendas) {

    public boolean cancelled() {
        return cancelledAt != null;
    }
}
