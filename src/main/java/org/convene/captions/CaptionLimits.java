package org.convene.captions;

import java.time.Duration;

/**
 * The limits of live captions, defined once: the database (db/V23), the service, the STOMP API and the pane use
 * these.
 */
public final class CaptionLimits {

    /** One caption line, as sent and as corrected (caption_line.text and .corrected check the same). */
    public static final int LINE_MAX = 500;
    /**
     * How many SENDs one person may make to one session's captions per {@link #RATE_WINDOW}, revisions of a line
     * included. A stenographer's tool revising a line word by word sends a few a second; more is a runaway script.
     */
    public static final int SENDS_PER_WINDOW = 60;
    public static final Duration RATE_WINDOW = Duration.ofSeconds(10);
    /** Lines one session may have: a line a second for more than five hours. */
    public static final int LINES_PER_SESSION_MAX = 20_000;
    /** Lines the pane shows at first, and how many more "Show earlier lines" adds. */
    public static final int PAGE = 50;
    /** Changes one live read takes at most; a node that fell further behind re-reads the latest page instead. */
    public static final int CHANGES_PER_READ = 500;

    private CaptionLimits() {
    }
}
