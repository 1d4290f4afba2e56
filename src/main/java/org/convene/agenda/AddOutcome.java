package org.convene.agenda;

/** What adding a session to my agenda did. */
public enum AddOutcome {
    /** It is on my agenda (with a place, if the session has places). */
    ADDED,
    /** No place was left, so nothing changed; the person may join the waiting list. */
    FULL,
    /** I am on the waiting list (see my position). */
    WAITING
}
