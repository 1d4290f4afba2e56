package org.convene.qa.ui;

import java.time.Duration;

/**
 * How soon a session's open pages get a new board. New and changed questions go out promptly; vote counts,
 * which change many times a second in a big room and matter less to the second, go out at a pace that slows
 * as the audience grows, so each push to every page buys more.
 */
final class PushPacing {

    /** The shortest gap between two pushes to a session's pages. */
    static final Duration QUESTIONS = Duration.ofMillis(250);
    /**
     * A change waits at least this long, so a burst (a facilitator approving several questions, three people
     * asking at once) reaches the page as one update and is announced as one summary.
     */
    static final Duration GATHER = Duration.ofMillis(200);
    /** The gap for vote counts grows by this much per open page... */
    static final Duration VOTES_PER_PAGE = Duration.ofNanos(500_000);
    /** ...up to this, well inside the two seconds people may wait to see a count move. */
    static final Duration VOTES_AT_MOST = Duration.ofMillis(1_500);

    private PushPacing() {
    }

    /** The gap between two pushes of vote counts only, for this many open pages. */
    static Duration votesInterval(int pages) {
        Duration grown = VOTES_PER_PAGE.multipliedBy(Math.max(0, pages));
        if (grown.compareTo(QUESTIONS) < 0) {
            return QUESTIONS;
        }
        return grown.compareTo(VOTES_AT_MOST) > 0 ? VOTES_AT_MOST : grown;
    }

    /**
     * How long to wait from now before the next push.
     *
     * @param sinceLastPush    how long ago the session's pages were last pushed to
     * @param questionsChanged whether anything but vote counts changed since then
     */
    static Duration delay(Duration sinceLastPush, boolean questionsChanged, int pages) {
        Duration interval = questionsChanged ? QUESTIONS : votesInterval(pages);
        Duration left = interval.minus(sinceLastPush);
        return left.compareTo(GATHER) < 0 ? GATHER : left;
    }
}
