package org.convene.organising;

import java.time.Instant;

/**
 * An invitation just made. {@code path} ("/invitations/...") holds the secret token: it is shown to the organiser
 * once, to send on, and never stored (only its hash is).
 */
public record NewHostInvitation(long id, String email, String path, Instant expiresAt) {
}
