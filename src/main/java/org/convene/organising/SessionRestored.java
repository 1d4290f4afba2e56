package org.convene.organising;

/**
 * A cancelled session goes ahead after all. Published in the transaction that restored it.
 *
 * @param changeId the {@code session_change} row of this restoration
 */
public record SessionRestored(long sessionId, long changeId) {
}
