package org.convene.qa.api;

import org.convene.qa.QaEvent;

import java.util.List;

/**
 * When a topic's next frame may leave. A frame with vote counts only waits the longer interval, so counts that change
 * many times a second cost a few frames a second, not many; and at least half as long again as the last frame took to
 * reach every subscriber's connection, so with a large audience the frames get fewer and fuller instead of a backlog
 * growing.
 * <p>
 * A frame that carries a question change (asked, approved, answered, removed, the settings) may leave sooner, but
 * only while handing frames out keeps the node busy for at most a third of the time. With a small audience a
 * question goes out almost at once. With a large one, where each frame takes a while to hand out, the extra frames
 * would take the CPU that commits the questions and votes (measured at 5,000 subscribers: twice the frames, and a
 * longer tail), so questions keep the vote counts' pace.
 *
 * @param votesMillis     the shortest gap before a frame with vote counts only
 * @param questionsMillis the shortest gap before a frame with a question change
 */
record FramePacing(long votesMillis, long questionsMillis) {

    /**
     * When the next frame is due, on the same clock as {@code lastSentAtMillis}.
     *
     * @param lastHandOffMillis how long handing the last frame to every subscriber took
     * @param questions         whether the waiting events include anything but vote counts
     */
    long dueAt(long lastSentAtMillis, long lastHandOffMillis, boolean questions) {
        long votesGap = Math.max(votesMillis, lastHandOffMillis * 3 / 2);
        if (!questions) {
            return lastSentAtMillis + votesGap;
        }
        return lastSentAtMillis + Math.min(votesGap, Math.max(questionsMillis, lastHandOffMillis * 3));
    }

    static boolean changesQuestions(List<QaEvent> events) {
        for (QaEvent event : events) {
            if (!QaEvent.VOTES.equals(event.type())) {
                return true;
            }
        }
        return false;
    }
}
