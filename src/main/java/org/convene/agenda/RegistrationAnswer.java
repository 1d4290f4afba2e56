package org.convene.agenda;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * The hosts' answer to my request for a place, shown on my agenda until I dismiss it.
 *
 * @param message what the hosts wrote when they declined, if anything
 */
public record RegistrationAnswer(long id, long sessionId, String title, boolean approved, @Nullable String message,
                                 Instant answeredAt) {
}
