package org.convene.account;

import java.util.Objects;

/** A role change that the rules do not allow. The message explains why, in words for the organiser. */
public class RoleChangeRefusedException extends RuntimeException {

    public RoleChangeRefusedException(String message) {
        super(message);
    }

    /** Never null: every refusal says why. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "made with a message");
    }
}
