package org.convene.mail;

import org.jspecify.annotations.Nullable;

/** One outbox row the sender has locked, with what it needs to send it. */
record DueMail(long id, String idempotencyKey, String kind, String toAddress, String subject, String textBody,
               String htmlBody, @Nullable String unsubscribeUrl, int attempts) {
}
