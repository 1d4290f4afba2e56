package org.convene.account;

import java.util.Objects;

/** Deleting or anonymising an account that the rules keep (the last organiser). The message says why and what to do. */
public class AccountDeletionRefusedException extends RuntimeException {

    public AccountDeletionRefusedException(String message) {
        super(message);
    }

    /** Never null: every refusal says why. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "made with a message");
    }
}
