package org.convene.polls;

/** How big a poll may be: used by the service, the form and db/V25 (which checks the same numbers). */
public final class PollLimits {

    public static final int QUESTION_MAX = 200;
    public static final int OPTION_MAX = 100;
    public static final int OPTIONS_MIN = 2;
    /** Enough for a real choice; more options are hard to hold in mind when listened to. */
    public static final int OPTIONS_MAX = 8;
    /** Keeps a session's page and stage readable and a runaway script from filling the table. */
    public static final int POLLS_PER_SESSION_MAX = 30;

    private PollLimits() {
    }
}
