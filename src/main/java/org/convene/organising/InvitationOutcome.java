package org.convene.organising;

import org.jspecify.annotations.Nullable;

/** What an invitation link leads to: an organisation to join, or why not. */
public sealed interface InvitationOutcome {

    /** The link can be accepted (preview) or has just been accepted. */
    record Open(long hostId, String hostName) implements InvitationOutcome {
    }

    /** The link cannot be used; {@code message} says why in plain words. */
    record Refused(Reason reason, @Nullable String hostName, String message) implements InvitationOutcome {
    }

    /** UNCONFIRMED_ADDRESS: the invited account has not confirmed its email address yet, so it cannot coordinate. */
    enum Reason { UNKNOWN, EXPIRED, REVOKED, ALREADY_USED, WRONG_ACCOUNT, UNCONFIRMED_ADDRESS }
}
