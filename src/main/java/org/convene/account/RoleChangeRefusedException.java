package org.convene.account;

/** A role change that the rules do not allow. The message explains why, in words for the organiser. */
public class RoleChangeRefusedException extends RuntimeException {

    public RoleChangeRefusedException(String message) {
        super(message);
    }
}
