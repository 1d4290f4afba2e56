package org.convene.account;

/** The orders the people-and-roles list can be sorted in. */
public enum UserSort {
    NAME,
    EMAIL,
    CREATED
}
