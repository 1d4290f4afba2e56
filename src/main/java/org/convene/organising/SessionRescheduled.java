package org.convene.organising;

import java.time.Instant;

/**
 * A session's start or end time changed. Published in the transaction that changed it, once for each move the
 * database recorded ({@code session_change}, kind MOVED), so listeners write what follows in the same transaction.
 *
 * @param changeId the {@code session_change} row of this move: two moves are two changes, a retry is the same one
 */
public record SessionRescheduled(long sessionId, long changeId, Instant wasStartsAt, Instant wasEndsAt,
                                 Instant startsAt, Instant endsAt) {
}
