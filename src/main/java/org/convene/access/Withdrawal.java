package org.convene.access;

import org.convene.programme.AccessFeature;

/**
 * A promise about access taken back for one session and feature.
 *
 * @param id the {@code access_withdrawal} row: the idempotency key of what people are told names it
 */
public record Withdrawal(long id, long sessionId, AccessFeature feature, Kind kind) {

    /** The names are the {@code access_withdrawal.kind} check's values. */
    public enum Kind {
        /** The host unticked a feature the session advertised. */
        NO_LONGER_OFFERED,
        /** The host set a confirmed feature back to booked or requested. */
        NO_LONGER_CONFIRMED
    }

    /** The withdrawal a change of state makes, if any: only leaving "confirmed" takes a promise back. */
    public static boolean takesBackPromise(ArrangementState before, ArrangementState after) {
        return before == ArrangementState.CONFIRMED && after != ArrangementState.CONFIRMED;
    }
}
