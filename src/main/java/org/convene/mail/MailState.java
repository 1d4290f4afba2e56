package org.convene.mail;

/** Where a message in the outbox stands. The names are the {@code mail_outbox.state} check's values. */
public enum MailState {
    /** Waiting to be sent, now or at its next attempt. */
    PENDING,
    /** The mail server accepted it. */
    SENT,
    /** Given up: the server refused it for good, or every retry failed. An operator may retry it. */
    FAILED,
    /** Not sent because no mail server is configured (development): kept so the outbox page can show it. */
    KEPT
}
