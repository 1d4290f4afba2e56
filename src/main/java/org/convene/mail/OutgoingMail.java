package org.convene.mail;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One message to put in the outbox.
 *
 * @param idempotencyKey  one message per key, ever: the person, the thing and the kind, such as
 *                        {@code "reminder-soon:42:17"}, so the same cause on two nodes or after a restart sends once
 * @param kind            what sort of message, lower-case words joined by '-' ({@code "password-reset"}); shown on
 *                        the outbox page and used to count
 * @param recipientUserId the account it is for, if any (an invitation may go to an address with no account yet)
 * @param toAddress       where it goes
 * @param content         subject, plain text and HTML
 * @param unsubscribeUrl  the one-click address that turns this kind off (RFC 8058), or null for messages a person
 *                        cannot turn off, such as a password reset
 * @param notBefore       not sent before this time (a reminder is written ahead of its moment)
 */
public record OutgoingMail(String idempotencyKey, String kind, @Nullable Long recipientUserId, String toAddress,
                           MailContent content, @Nullable String unsubscribeUrl, Instant notBefore) {

    /** The longest idempotency key the outbox takes (the column's check). */
    public static final int KEY_MAX = 200;

    public OutgoingMail {
        if (idempotencyKey.isEmpty() || idempotencyKey.length() > KEY_MAX) {
            throw new IllegalArgumentException("An idempotency key has 1 to " + KEY_MAX + " characters");
        }
        if (!kind.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("A mail kind is lower-case words joined by '-': " + kind);
        }
    }
}
