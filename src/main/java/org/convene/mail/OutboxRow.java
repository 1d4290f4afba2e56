package org.convene.mail;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One line of the outbox page: a message and where it stands (its text is in {@link OutboxMessage}). */
public record OutboxRow(long id, Instant createdAt, String kind, String toAddress, String subject, MailState state,
                        @Nullable String lastError, int attempts, @Nullable Instant sentAt, Instant nextAttemptAt) {
}
