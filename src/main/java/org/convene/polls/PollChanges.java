package org.convene.polls;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What to say, politely, when a session's polls change: a poll opened or closed. New answers are not announced
 * (that would talk over the speaker at every click); the counts on the page simply change.
 */
public final class PollChanges {

    private PollChanges() {
    }

    /** A sentence for each poll that opened or closed between two boards, or empty when none did. */
    public static Optional<String> announcement(PollBoard before, PollBoard after) {
        Map<Long, PollState> was = before.polls().stream().collect(Collectors.toMap(Poll::id, Poll::state));
        List<String> said = new ArrayList<>();
        for (Poll poll : after.polls()) {
            PollState old = was.getOrDefault(poll.id(), PollState.DRAFT);
            if (poll.isOpen() && old != PollState.OPEN) {
                said.add("A poll has opened: " + sentence(poll.question()));
            } else if (poll.isClosed() && old != PollState.CLOSED) {
                said.add("A poll has closed: " + sentence(poll.question()) + " Its results are shown.");
            }
        }
        return said.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", said));
    }

    private static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("?") || text.endsWith("!") ? text : text + ".";
    }
}
