package org.convene.qa.api;

import org.convene.qa.QaEvent;

import java.util.List;

/**
 * When a topic's next frame may leave. A frame with vote counts only waits the longer interval, so counts that change
 * many times a second cost a few frames a second, not many; and at least half as long again as the last frame took to
 * reach every subscriber's connection, so with a large audience the counts come fewer and fuller.
 * <p>
 * A frame that carries a question change (asked, approved, answered, removed, the settings) leaves sooner, and
 * without waiting for the last frame to reach everyone: the connections not written yet take both frames in one
 * write, so a question reaches the last of a large audience about one hand-off after it is committed, not after the
 * rest of the last hand-off and then its own. It waits half as long as the last hand-off took (at least the short
 * interval), which keeps at most about two frames in hand at once.
 * <p>
 * Measured at 10,000 subscribers on one core (docs/benchmarks.md, 7 December 2026): on a warm node a question reached
 * the last subscriber with p99 0.21 to 0.26 s in two runs of eleven (0.37 to 1.09 s in the others, following what a
 * byte costs on that shared machine), against 0.41 to 0.50 s when every frame waited; the node spends more of its
 * core writing, and the commits are no slower. The price is the first minute of a node that starts cold into such
 * an audience, where the writing takes the core from the JIT: p99 1.6 to 1.9 s against about 1 s. An AOT cache
 * trained under that load (docs/deploy.md) shortens that warm-up (0.83 and 1.23 s against 1.36 and 1.48 s, with
 * G1) but does not remove it.
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
        if (questions) {
            return lastSentAtMillis + Math.max(questionsMillis, lastHandOffMillis / 2);
        }
        return lastSentAtMillis + Math.max(votesMillis, lastHandOffMillis * 3 / 2);
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
