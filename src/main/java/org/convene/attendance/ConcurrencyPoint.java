package org.convene.attendance;

import java.time.Instant;

/** The most people present at any moment of one time bucket of a session. */
public record ConcurrencyPoint(Instant bucketStart, int mostPresent) {
}
