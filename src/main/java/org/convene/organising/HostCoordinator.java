package org.convene.organising;

import java.time.Instant;

/** Someone who coordinates a host organisation's sessions. */
public record HostCoordinator(long userId, String displayName, String email, Instant addedAt) {
}
