package org.convene.programme;

/** Whether someone can join a session's call at a given moment, and if not, why not. */
public enum JoinState {
    /** The host has not added a joining link (and the session has not ended). */
    NO_LINK,
    /** There is a link, but the room opens only shortly before the start. */
    NOT_YET_OPEN,
    OPEN,
    ENDED,
    /** Cancelled by the organisers: there is nothing to join, whatever the time. */
    CANCELLED
}
