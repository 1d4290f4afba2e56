package org.convene.accesshelp;

import java.time.Duration;

/** The limits of access help, used by the service, the pages and (as literals, checked by a test) the database. */
public final class AccessHelpLimits {

    /** "Something else" is a short note, not a conversation: the facilitator reads it at a glance mid-session. */
    public static final int TEXT_MAX = 200;

    /**
     * One person may send this many signals per {@link #PERSON_WINDOW}: enough for several real problems in a row,
     * too few for one person to drown out everyone else's counts.
     */
    public static final int SIGNALS_PER_PERSON = 5;
    public static final Duration PERSON_WINDOW = Duration.ofMinutes(5);

    /** Facilitators see the counts of this recent stretch: what is wrong now, not an hour ago. */
    public static final Duration RECENT_WINDOW = Duration.ofMinutes(5);

    /** The newest "Something else" notes shown to facilitators; the report has them all. */
    public static final int RECENT_NOTES = 10;

    private AccessHelpLimits() {
    }
}
