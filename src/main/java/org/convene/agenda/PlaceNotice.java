package org.convene.agenda;

import java.time.Instant;

/** "You have a place at …": someone left and I was next on the waiting list. Shown until I dismiss it. */
public record PlaceNotice(long id, long sessionId, String title, Instant givenAt) {
}
