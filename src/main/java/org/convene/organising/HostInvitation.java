package org.convene.organising;

import java.time.Instant;

/** An invitation not yet accepted or revoked; {@code expired} when its 14 days have passed. */
public record HostInvitation(long id, String email, Instant createdAt, Instant expiresAt, boolean expired) {
}
