package org.convene.attendance;

import java.time.Instant;
import java.util.List;

/**
 * A conference's headline figures. Attendee-minutes and the peak count places in sessions, so someone in two
 * sessions at once counts twice there; unique attendees count people once.
 */
public record ConferenceOverview(ConferenceRef conference, int uniqueAttendees, List<DayFigures> days,
                                 double attendeeMinutes, int peakConcurrent, Instant peakAt, int registered,
                                 int noShows, int questionsAsked, int questionsAnswered, int sessions,
                                 List<ReportHost> hosts, Instant computedAt) {

    public Double noShowRate() {
        return Rates.share(noShows, registered);
    }
}
