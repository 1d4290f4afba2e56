package org.convene.organising;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * How people register for a session, as its editor sets it (kept apart from the draft, which the imports share:
 * they leave these as they are).
 *
 * @param closesAt      after this moment nobody can add the session or join its waiting list; null keeps it open
 * @param needsApproval people ask for a place and the hosts approve or decline each request
 */
public record SessionRegistration(@Nullable Instant closesAt, boolean needsApproval) {

    /** What a new session starts with: registration open until the session ends, without approval. */
    public static final SessionRegistration OPEN = new SessionRegistration(null, false);
}
