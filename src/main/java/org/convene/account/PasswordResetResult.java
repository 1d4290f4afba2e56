package org.convene.account;

import java.util.Map;

/** What choosing a new password with a reset link did. */
public sealed interface PasswordResetResult {

    /** The password is changed; the person can log in with it at this address. */
    record Done(String email) implements PasswordResetResult {
    }

    /** The new password breaks a rule; the link still works. Keys: NEW_PASSWORD, CONFIRM_PASSWORD. */
    record Invalid(Map<AccountField, String> problems) implements PasswordResetResult {
    }

    /** The link cannot be used (unknown, expired, used); nothing changed. */
    record LinkRefused(String message) implements PasswordResetResult {
    }
}
