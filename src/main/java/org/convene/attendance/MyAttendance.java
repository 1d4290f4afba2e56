package org.convene.attendance;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One of my own attendance records, for the self-service download. */
public record MyAttendance(long sessionId, String sessionTitle, String conferenceName, Instant joinedAt,
                           @Nullable Instant leftAt) {
}
