package org.convene.organising;

import org.jspecify.annotations.Nullable;

/**
 * A session was cancelled. Published in the transaction that cancelled it.
 *
 * @param changeId the {@code session_change} row of this cancellation
 * @param reason   the organisers' reason for attendees, or null when they gave none
 */
public record SessionCancelled(long sessionId, long changeId, @Nullable String reason) {
}
