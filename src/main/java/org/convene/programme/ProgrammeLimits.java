package org.convene.programme;

import java.util.Locale;

/**
 * How long the programme's names and texts may be, in characters. The forms and imports that write them refuse
 * longer text with a message naming the limit. Where the database checks the same (db/V2__programme.sql: the
 * names), ProgrammeLimitsDatabaseTest fails when the two drift apart. A session's own limits are in
 * {@link SessionRules}.
 */
public final class ProgrammeLimits {

    /** A conference's name (checked by the database too). */
    public static final int CONFERENCE_NAME_MAX = 200;
    /** A conference's short name in web addresses (the database's pattern allows no more). */
    public static final int CONFERENCE_SLUG_MAX = 64;
    /** A conference's theme. */
    public static final int CONFERENCE_THEME_MAX = 200;
    /** A track's name (checked by the database too). */
    public static final int TRACK_NAME_MAX = 100;
    /** A host organisation's name (checked by the database too). */
    public static final int HOST_NAME_MAX = 200;
    /** A person's name (checked by the database too). */
    public static final int PERSON_NAME_MAX = 200;
    /** The organisation a person belongs to, as free text. */
    public static final int PERSON_ORGANISATION_MAX = 200;
    /** The most days a conference may span, first and last day included (the form and the schedule import). */
    public static final int CONFERENCE_DAYS_MAX = 61;
    /** A conference's or host organisation's description, and a person's biography. */
    public static final int DESCRIPTION_MAX = 5000;

    private ProgrammeLimits() {
    }

    /** "200 characters or fewer", "5,000 characters or fewer": the end of every too-long message. */
    public static String charactersOrFewer(int max) {
        return String.format(Locale.UK, "%,d characters or fewer", max);
    }
}
