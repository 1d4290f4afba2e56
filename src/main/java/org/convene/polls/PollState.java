package org.convene.polls;

/** A poll is prepared (only its facilitators see it), then open for answers, then closed with its results. */
public enum PollState {
    DRAFT, OPEN, CLOSED
}
