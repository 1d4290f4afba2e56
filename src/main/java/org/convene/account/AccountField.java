package org.convene.account;

import org.convene.core.SaveResult;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of the account forms, in the order they appear, so errors can be listed in that order. An account
 * form's problems travel in the shared {@link SaveResult.Invalid}, keyed by these names.
 */
public enum AccountField {
    DISPLAY_NAME,
    EMAIL,
    PASSWORD,
    CURRENT_PASSWORD,
    NEW_PASSWORD,
    CONFIRM_PASSWORD;

    /** A refusal listing every field that needs correcting, in form order. */
    static <T> SaveResult.Invalid<T> invalid(Map<AccountField, String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("A refusal needs at least one problem");
        }
        Map<String, String> byName = new LinkedHashMap<>();
        new EnumMap<>(problems).forEach((field, message) -> byName.put(field.name(), message));
        return new SaveResult.Invalid<>(byName);
    }

    /** The problems of a refusal, by field, in form order. */
    public static Map<AccountField, String> problems(SaveResult.Invalid<?> invalid) {
        Map<AccountField, String> byField = new EnumMap<>(AccountField.class);
        invalid.problems().forEach((name, message) -> byField.put(valueOf(name), message));
        return byField;
    }
}
