package org.convene.attendance;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A participant of an import no account was found for: all their stays in that file, from the first join to the
 * last leave. {@code rowId} names them when matching by hand.
 *
 * @param unconfirmedAccount an account has this email but has not confirmed it, so it was not matched by itself
 */
public record UnmatchedParticipant(long rowId, MeetingTool tool, String name, @Nullable String email,
                                   Instant firstJoin, Instant lastLeave, int stays, boolean unconfirmedAccount) {
}
