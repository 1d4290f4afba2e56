package org.convene.organising;

/** Someone with an account was made a facilitator of a session. Published in the transaction that did it. */
public record FacilitatorAssigned(long sessionId, long userId) {
}
