package org.convene.attendance;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A conference's headline figures. Each person's presence at a session counts once (merged stays of every source).
 * Attendee-minutes and the peak (the most present in one minute) count places in sessions, so someone in two
 * sessions at once counts twice there; unique attendees count people once. {@code registered} and {@code noShows}
 * count only sessions where adding took a place (db/V35); {@code noShowsCounted} says whether any session did.
 */
public record ConferenceOverview(ConferenceRef conference, int uniqueAttendees, List<DayFigures> days,
                                 double attendeeMinutes, int peakConcurrent, @Nullable Instant peakAt, int registered,
                                 int noShows, int questionsAsked, int questionsAnswered, int sessions,
                                 List<ReportHost> hosts, Instant computedAt, boolean noShowsCounted) {

    public @Nullable Double noShowRate() {
        return noShowsCounted ? Rates.share(noShows, registered) : null;
    }
}
