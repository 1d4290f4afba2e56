package org.convene.agenda;

/**
 * Published in the transaction that gave a person on the waiting list a place, so the email about it is in the
 * outbox exactly when the place is theirs. {@code placeGivenId} names this one offer (the idempotency key).
 */
public record PlaceGiven(long placeGivenId, long userId, long sessionId) {
}
