package org.convene.attendance;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One session's attendance figures. Minutes are clamped to the session's time; "attended" counts different
 * people; no-shows are people with the session on their agenda who never attended.
 *
 * @param medianMinutes null when nobody attended
 * @param stayed85      attendees present for at least 85 % of the session's length
 * @param computedAt    when the cached figures were worked out
 */
public record SessionFigures(long sessionId, String title, Instant startsAt, Instant endsAt, @Nullable Long hostId,
                             @Nullable String hostName, int registered, int attended, int noShows, int peakConcurrent,
                             @Nullable Instant peakAt, @Nullable Double medianMinutes, @Nullable Double meanMinutes,
                             int stayed85, double attendeeMinutes, int questionsAsked, int questionsAnswered, int votes,
                             Instant computedAt) {

    public @Nullable Double noShowRate() {
        return Rates.share(noShows, registered);
    }

    public @Nullable Double stayed85Share() {
        return Rates.share(stayed85, attended);
    }

    public long lengthMinutes() {
        return java.time.Duration.between(startsAt, endsAt).toMinutes();
    }
}
