package org.convene.polls;

import java.util.List;

/**
 * Every poll of one session with its counts, read once per change per node and shared by all pages showing the
 * session there. Drafts are in it for the facilitators' part; attendees' and the stage's parts show only
 * {@link #visible()}. {@code readNanos} says when this node read it (System.nanoTime), so a page can drop a board
 * older than the one it shows.
 */
public record PollBoard(long sessionId, List<Poll> polls, long readNanos) {

    public PollBoard {
        polls = List.copyOf(polls);
    }

    public List<Poll> visible() {
        return polls.stream().filter(p -> p.state() != PollState.DRAFT).toList();
    }

    /** Whether this board was read after {@code other} (a board of the same session on the same node). */
    public boolean isNewerThan(PollBoard other) {
        return readNanos - other.readNanos >= 0;
    }

    public List<Poll> open() {
        return polls.stream().filter(Poll::isOpen).toList();
    }
}
