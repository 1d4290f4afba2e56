package org.convene.organising;

import java.time.Instant;

/**
 * An organiser invited someone to coordinate a partner host. Published in the transaction that stored the
 * invitation, the only moment its link is known (only a hash of the token is kept).
 *
 * @param path the invitation's page, {@code /invitations/<token>}: a secret, never to be logged
 */
public record HostInvitationCreated(long invitationId, String hostName, String email, String path,
                                    Instant expiresAt) {

    /** Without the address and the secret link, so a logged event gives neither away. */
    @Override
    public String toString() {
        return "HostInvitationCreated[invitationId=" + invitationId + "]";
    }
}
