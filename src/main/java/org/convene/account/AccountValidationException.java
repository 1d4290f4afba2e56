package org.convene.account;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything wrong with what someone typed into an account form, one message per field, so that a
 * form can show them all at once. Messages are written to be shown to the person as they are.
 */
public class AccountValidationException extends RuntimeException {

    private final Map<AccountField, String> errors;

    public AccountValidationException(Map<AccountField, String> errors) {
        super("Account details are not valid: " + errors.keySet());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("errors must not be empty");
        }
        this.errors = Collections.unmodifiableMap(new EnumMap<>(errors));
    }

    /** Field to message, in form order. */
    public Map<AccountField, String> errors() {
        return errors;
    }
}
