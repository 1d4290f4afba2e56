package org.convene.agenda;

import org.jspecify.annotations.Nullable;

/**
 * Published in the transaction that approved or declined a request for a place, so the email about it is in the
 * outbox exactly when the answer is stored; {@code message} is what the hosts wrote with a decline, if anything. {@code answerId} names this one answer (the idempotency key).
 */
public record RegistrationAnswered(long answerId, long userId, long sessionId, boolean approved,
                                   @Nullable String message) {
}
