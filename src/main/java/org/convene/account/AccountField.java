package org.convene.account;

/** The fields of the account forms, in the order they appear, so errors can be listed in that order. */
public enum AccountField {
    DISPLAY_NAME,
    EMAIL,
    PASSWORD,
    CURRENT_PASSWORD,
    NEW_PASSWORD,
    CONFIRM_PASSWORD
}
