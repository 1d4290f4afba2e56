package org.convene.mail;

/** A message's subject and both its parts, as the outbox page shows them. */
public record OutboxMessage(long id, String subject, String text, String html, MailState state) {
}
