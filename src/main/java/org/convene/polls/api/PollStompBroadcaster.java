package org.convene.polls.api;

import org.convene.polls.Poll;
import org.convene.polls.PollBoard;
import org.convene.polls.PollExecutors;
import org.convene.polls.PollLive;
import org.convene.polls.PollOption;
import org.convene.qa.api.SessionTopics;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * Sends a session's polls to {@code /topic/sessions.{id}.polls} after each change, from {@link PollLive}'s one
 * read per change per node, so a thousand subscribers cost the same single read as one. Each frame holds every
 * poll people can see (opened or closed, never a draft) in full, so any frame replaces what a client holds.
 * A session is watched from its first subscriber on this node until a change finds it has none left.
 */
@Component
class PollStompBroadcaster {

    /**
     * How long the first new subscriber of a burst waits for the others: a room of a thousand joining over ten
     * seconds then costs about forty reads and frames, not a thousand frames to everyone.
     */
    static final Duration JOIN_GATHER = Duration.ofMillis(250);

    private final PollLive live;
    private final SessionTopics topics;
    private final JsonMapper json;
    private final ThreadPoolTaskScheduler joins;
    /** The sessions this node watches for its subscribers. Guarded by {@code this}. */
    private final Map<Long, PollLive.Registration> watching = new HashMap<>();
    /** Sessions with a read for newcomers already asked for. */
    private final Set<Long> gathering = ConcurrentHashMap.newKeySet();

    PollStompBroadcaster(PollLive live, SessionTopics topics, JsonMapper json,
                         @Qualifier(PollExecutors.STOMP_JOINS) ThreadPoolTaskScheduler joins) {
        this.live = live;
        this.topics = topics;
        this.json = json;
        this.joins = joins;
    }

    /**
     * A poll as subscribers get it: the results are those the stage view shows to everyone (counts, never who
     * chose what).
     *
     * @param kind "single" or "multiple" choice
     * @param state "open" or "closed"
     * @param answered how many people answered
     */
    record Event(String type, long id, String question, String kind, boolean anonymous, String state,
                 @Nullable Instant openedAt, @Nullable Instant closedAt, List<Option> options, int answered) {

        static Event of(Poll poll) {
            return new Event("poll", poll.id(), poll.question(), poll.multiple() ? "multiple" : "single",
                    poll.anonymous(), poll.state().name().toLowerCase(Locale.ROOT), poll.openedAt(), poll.closedAt(),
                    poll.options().stream().map(o -> Option.of(poll, o)).toList(), poll.answered());
        }
    }

    /**
     * @param id what {@code SEND /app/polls.{pollId}.answer} names in {@code options}
     * @param result the count in words, as the page and the stage say it
     */
    record Option(int id, String label, int count, int percent, String result) {

        static Option of(Poll poll, PollOption option) {
            return new Option(option.position(), option.label(), option.count(), poll.percent(option),
                    poll.sentence(option));
        }
    }

    /**
     * A client subscribed: watch the session if this node does not yet, and read it once more so the newcomer gets
     * the polls as they are. The read waits {@link #JOIN_GATHER} and is shared by everyone subscribing meanwhile
     * (and by any change waiting for a read).
     */
    void subscribed(long sessionId) {
        synchronized (this) {
            watching.computeIfAbsent(sessionId, id -> live.watch(id, this::send));
        }
        if (!gathering.add(sessionId)) {
            return;
        }
        Runnable read = () -> {
            gathering.remove(sessionId);
            live.refresh(sessionId);
        };
        try {
            joins.schedule(read, joins.getClock().instant().plus(JOIN_GATHER));
        } catch (RejectedExecutionException stopping) {
            read.run();
        }
    }

    /** Runs on the polls' one read thread, so a topic's frames leave in order. */
    private void send(PollBoard board) {
        if (!stillWatched(board.sessionId())) {
            return;
        }
        List<Poll> visible = board.visible();
        if (visible.isEmpty()) {
            return; // nothing to show yet; a frame without events would also not merge with others
        }
        topics.publish(PollTopic.NAME, board.sessionId(), json.writeValueAsString(visible.stream().map(Event::of).toList()));
    }

    /**
     * Stops watching a session nobody here subscribes to any more. Under the same lock as {@link #subscribed}: a
     * client subscribes before it is announced, so a newcomer is either seen here or watches the session anew.
     */
    private synchronized boolean stillWatched(long sessionId) {
        if (topics.hasSubscribers(PollTopic.NAME, sessionId)) {
            return true;
        }
        PollLive.Registration registration = watching.remove(sessionId);
        if (registration != null) {
            registration.close();
        }
        return false;
    }
}
