package org.convene.attendance;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** Someone marked as having joined a session by phone. {@code recordedBy} is null once that account is deleted. */
public record PhoneJoin(long intervalId, String name, Instant joinedAt, Instant leftAt, @Nullable String recordedBy) {
}
