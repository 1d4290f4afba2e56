package org.convene.attendance;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One stay of one participant as a meeting tool's report gives it.
 *
 * @param line  where it is in the file (for JSON, the person's position in the list), for messages
 * @param email in lower case; null when the report has none or it is not an email address
 */
public record ReportedParticipant(int line, String name, @Nullable String email, Instant joinedAt, Instant leftAt) {
}
