package org.convene.attendance;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A host organisation's sessions in one conference and their totals. {@code attendances} adds up each
 * session's attendees; {@code uniqueAttendees} counts each person once across the host's sessions.
 */
public record HostReport(ConferenceRef conference, ReportHost host, List<SessionFigures> sessions,
                         int uniqueAttendees) {

    public int registered() {
        return sessions.stream().mapToInt(SessionFigures::registered).sum();
    }

    public int attendances() {
        return sessions.stream().mapToInt(SessionFigures::attended).sum();
    }

    public int noShows() {
        return sessions.stream().mapToInt(SessionFigures::noShows).sum();
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
        return Rates.share(noShows(), registered());
    }
}
