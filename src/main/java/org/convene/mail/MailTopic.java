package org.convene.mail;

/**
 * The kinds of email a person can turn off, each on its own or all at once. Messages about the account itself
 * (confirming an address, a password reset) and about a role someone was given are not topics: they always go.
 * The names are the {@code mail_preference.topic} check's values.
 */
public enum MailTopic {
    /** The day before: the day's sessions on your agenda in one message. */
    DAY_BEFORE_REMINDER,
    /** About 15 minutes before each session on your agenda. */
    SOON_REMINDER,
    /** A session on your agenda moved or was cancelled. */
    SESSION_CHANGES,
    /** A recording of a session on your agenda was published. */
    RECORDINGS
}
