package org.convene.agenda;

/** What approving a request for a place did. */
public enum ApprovalOutcome {
    /** The session is on the person's agenda now (with a place, if it has places), and they are told. */
    APPROVED,
    /** No place is left, so nothing changed: the hosts may raise the number of places, or decline. */
    FULL,
    /** The request is no longer waiting: the person withdrew it, or another host answered it first. */
    GONE
}
