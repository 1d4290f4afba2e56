package org.convene.mail;

/** The outbox's limits, the same in db/ (V17, V18), the sender and the outbox page. */
public final class OutboxLimits {

    /** The longest note on why a message was not sent ({@code mail_outbox.last_error}). */
    public static final int LAST_ERROR_MAX = 200;

    /** What a message not sent for want of a mail server says (state KEPT). */
    public static final String KEPT_NOTE = "not sent: no mail server is configured";

    private OutboxLimits() {
    }
}
