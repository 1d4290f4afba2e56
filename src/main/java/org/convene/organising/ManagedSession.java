package org.convene.organising;

import org.convene.programme.HostRef;
import org.convene.programme.TrackRef;

import java.time.Instant;

/** A row of the programme management list. Reference, track and host may be null. */
public record ManagedSession(long id, String reference, String title, Instant startsAt, Instant endsAt,
                             TrackRef track, HostRef host, boolean cancelled) {
}
