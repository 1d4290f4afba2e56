package org.convene.qa;

/**
 * How long the live Q&A's texts may be, in characters (Unicode code points, as PostgreSQL's length() counts them).
 * The service refuses longer text with a message naming the limit, and the views stop typing there. The database
 * has the same limits as CHECK constraints (db/V6__qa.sql), which cannot refer to these: QaLimitsDatabaseTest
 * fails when the two drift apart.
 */
public final class QaLimits {

    /** A question, whoever types it (an attendee, or a facilitator on someone's behalf, or editing it). */
    public static final int QUESTION_MAX_LENGTH = 500;
    /** A facilitator's reply to a question. */
    public static final int REPLY_MAX_LENGTH = 2000;
    /** Why a question was dismissed, shown to the person who asked it. */
    public static final int DISMISS_REASON_MAX_LENGTH = 300;
    /** The name shown for someone a facilitator asks a question for. */
    public static final int ON_BEHALF_OF_MAX_LENGTH = 100;

    private QaLimits() {
    }
}
