package org.convene.attendance;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A host organisation's sessions in one conference and their totals. {@code attendances} adds up each
 * session's attendees; {@code uniqueAttendees} counts each person once across the host's sessions. Registrations and
 * no-shows count only the sessions where adding took a place ({@link SessionFigures#noShowsCounted()}).
 */
public record HostReport(ConferenceRef conference, ReportHost host, List<SessionFigures> sessions,
                         int uniqueAttendees) {

    /** Registrations for the sessions with places. */
    public int registered() {
        return sessions.stream().filter(SessionFigures::noShowsCounted).mapToInt(SessionFigures::registered).sum();
    }

    /** Some of the sessions had places, so there are no-shows to count. */
    public boolean noShowsCounted() {
        return sessions.stream().anyMatch(SessionFigures::noShowsCounted);
    }

    public int attendances() {
        return sessions.stream().mapToInt(SessionFigures::attended).sum();
    }

    public int noShows() {
        return sessions.stream().filter(SessionFigures::noShowsCounted).mapToInt(SessionFigures::noShows).sum();
    }

    public double attendeeMinutes() {
        return sessions.stream().mapToDouble(SessionFigures::attendeeMinutes).sum();
    }

    public int metRule() {
        return sessions.stream().mapToInt(SessionFigures::metRule).sum();
    }

    /** The conference's attendance rule, which all these sessions share. */
    public int rulePercent() {
        return sessions.isEmpty() ? AttendanceRule.DEFAULT_PERCENT : sessions.getFirst().rulePercent();
    }

    public int questionsAsked() {
        return sessions.stream().mapToInt(SessionFigures::questionsAsked).sum();
    }

    public int questionsAnswered() {
        return sessions.stream().mapToInt(SessionFigures::questionsAnswered).sum();
    }

    public int votes() {
        return sessions.stream().mapToInt(SessionFigures::votes).sum();
    }

    public @Nullable Double noShowRate() {
        return noShowsCounted() ? Rates.share(noShows(), registered()) : null;
    }
}
