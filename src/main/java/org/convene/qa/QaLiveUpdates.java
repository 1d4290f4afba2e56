package org.convene.qa;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where a node's Q&A changes go after commit: to every listener of the session (the Vaadin panels open on it)
 * and to listeners of all sessions (the STOMP broadcaster). Listeners run on the fan-out thread: they must
 * hand work off quickly (ui.access, a queue) and never block.
 */
@Component
public class QaLiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(QaLiveUpdates.class);

    private final Map<Long, Set<Consumer<QaUpdate>>> bySession = new ConcurrentHashMap<>();
    private final List<Consumer<QaUpdate>> everySession = new CopyOnWriteArrayList<>();
    private final Map<Long, Set<Consumer<LiveBoard>>> boardsBySession = new ConcurrentHashMap<>();
    private final Map<Long, Set<Consumer<MyVote>>> votesByPerson = new ConcurrentHashMap<>();

    /** One person's vote, as it was committed: the other pages they have open show it as theirs. */
    public record MyVote(long sessionId, long questionId, boolean up) {
    }

    /**
     * Hears the person's own votes on this node after they are committed, from whichever page or API client
     * they cast them. Runs on the voter's thread: hand work off at once.
     */
    public Registration subscribeToMyVotes(long userId, Consumer<MyVote> listener) {
        votesByPerson.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> votesByPerson.computeIfPresent(userId, (id, listeners) -> {
            listeners.remove(listener);
            return listeners.isEmpty() ? null : listeners;
        });
    }

    void publishMyVote(long userId, MyVote vote) {
        for (Consumer<MyVote> listener : votesByPerson.getOrDefault(userId, Set.of())) {
            try {
                listener.accept(vote);
            } catch (RuntimeException e) {
                log.warn("A vote listener failed: {}", e.toString());
            }
        }
    }

    /** Listens to one session. Close the registration when the view detaches. */
    public Registration subscribe(long sessionId, Consumer<QaUpdate> listener) {
        bySession.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> bySession.computeIfPresent(sessionId, (id, listeners) -> {
            listeners.remove(listener);
            return listeners.isEmpty() ? null : listeners;
        });
    }

    public Registration subscribeToAll(Consumer<QaUpdate> listener) {
        everySession.add(listener);
        return () -> everySession.remove(listener);
    }

    /** Listens to the session's shared board (see {@link LiveBoards}, which keeps it). */
    Registration subscribeBoard(long sessionId, Consumer<LiveBoard> listener) {
        boardsBySession.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> boardsBySession.computeIfPresent(sessionId, (id, listeners) -> {
            listeners.remove(listener);
            return listeners.isEmpty() ? null : listeners;
        });
    }

    void publishBoard(LiveBoard board) {
        for (Consumer<LiveBoard> listener : boardsBySession.getOrDefault(board.sessionId(), Set.of())) {
            try {
                listener.accept(board);
            } catch (RuntimeException e) {
                log.warn("A Q&A board listener failed for session {}: {}", board.sessionId(), e.toString());
            }
        }
    }

    void publish(QaUpdate update) {
        for (Consumer<QaUpdate> listener : everySession) {
            deliver(listener, update);
        }
        for (Consumer<QaUpdate> listener : bySession.getOrDefault(update.sessionId(), Set.of())) {
            deliver(listener, update);
        }
    }

    private static void deliver(Consumer<QaUpdate> listener, QaUpdate update) {
        try {
            listener.accept(update);
        } catch (RuntimeException e) {
            log.warn("A Q&A listener failed for session {}: {}", update.sessionId(), e.toString());
        }
    }

    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
