package org.convene.polls.api;

import org.convene.polls.PollService;
import org.convene.qa.api.SessionTopic;
import org.springframework.stereotype.Component;

import java.util.Set;

/** Registers {@code /topic/sessions.{id}.polls} and {@code SEND /app/polls.{pollId}.answer} with the STOMP API. */
@Component
class PollTopic implements SessionTopic {

    static final String NAME = "polls";
    static final String ANSWER = "answer";

    private final PollService polls;
    private final PollStompBroadcaster broadcaster;

    PollTopic(PollService polls, PollStompBroadcaster broadcaster) {
        this.polls = polls;
        this.broadcaster = broadcaster;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Everyone who may see the session may follow its polls, as on its page and stage view. */
    @Override
    public void checkReader(long sessionId) {
        polls.requireVisible(sessionId);
    }

    @Override
    public Set<String> itemActions() {
        return Set.of(ANSWER);
    }

    @Override
    public void subscribed(long sessionId) {
        broadcaster.subscribed(sessionId);
    }
}
