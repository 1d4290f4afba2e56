package org.convene.agenda;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What happened to a session on my agenda since I added it or last dismissed a notice about it. Several
 * unseen changes to one session make one notice: the latest kind, and for a move the time I last knew
 * (before the first unseen change) and the time now.
 *
 * @param changeId the latest change this notice covers; dismissing it marks everything up to it as seen
 * @param reason the organisers' reason, for a cancellation (may be null)
 */
public record AgendaNotice(long changeId, long sessionId, String title, Kind kind, Instant wasStartsAt,
                           Instant wasEndsAt, Instant nowStartsAt, Instant nowEndsAt, ZoneId zone, @Nullable String reason) {

    public enum Kind { CANCELLED, RESTORED, MOVED }

    /** True when the time people last knew differs from the time now (a restore may also have been a move). */
    public boolean timeChanged() {
        return !wasStartsAt.equals(nowStartsAt) || !wasEndsAt.equals(nowEndsAt);
    }
}
