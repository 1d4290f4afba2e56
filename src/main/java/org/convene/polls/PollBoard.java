package org.convene.polls;

import java.util.List;

/**
 * Every poll of one session with its counts, read once per change per node and shared by all pages showing the
 * session there. Drafts are in it for the facilitators' part; attendees' and the stage's parts show only
 * {@link #visible()}.
 */
public record PollBoard(long sessionId, List<Poll> polls) {

    public PollBoard {
        polls = List.copyOf(polls);
    }

    public List<Poll> visible() {
        return polls.stream().filter(p -> p.state() != PollState.DRAFT).toList();
    }

    public List<Poll> open() {
        return polls.stream().filter(Poll::isOpen).toList();
    }
}
