package org.convene.attendance;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One session's attendance figures, each person's presence counted once however many windows, joins, imported
 * stays or phone calls they had. Minutes are clamped to the session's time; "attended" counts different people
 * present for some time; no-shows are people with the session on their agenda who never attended; the peak is
 * the most people present in one minute.
 *
 * @param medianMinutes null when nobody attended
 * @param metRule       attendees present for at least the conference's attendance rule of the session's length
 * @param rulePercent   the conference's attendance rule (85 unless its organisers changed it)
 * @param computedAt    when the figures were worked out
 * @param noShowsCounted adding the session took a place (it has places or needs approval; db/V35), so its agendas
 *                      are registrations and its no-shows are counted; for any other session an agenda is a
 *                      bookmark, {@code noShows} is 0 and there is no rate
 */
public record SessionFigures(long sessionId, String title, Instant startsAt, Instant endsAt, @Nullable Long hostId,
                             @Nullable String hostName, int registered, int attended, int noShows, int peakConcurrent,
                             @Nullable Instant peakAt, @Nullable Double medianMinutes, @Nullable Double meanMinutes,
                             int metRule, int rulePercent, double attendeeMinutes, int questionsAsked, int questionsAnswered, int votes,
                             Instant computedAt, boolean noShowsCounted) {

    public @Nullable Double noShowRate() {
        return noShowsCounted ? Rates.share(noShows, registered) : null;
    }

    public @Nullable Double metRuleShare() {
        return Rates.share(metRule, attended);
    }

    public long lengthMinutes() {
        return java.time.Duration.between(startsAt, endsAt).toMinutes();
    }
}
