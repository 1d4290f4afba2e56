package org.convene.polls;

import org.convene.core.live.LiveNotices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Each session's polls as this node last read them, for everything showing them here. A notice from any node
 * (a poll prepared, opened, closed or answered) makes one read of that session, on {@link PollExecutors#READ},
 * however many pages are open on it; notices arriving while a read waits add nothing, because the read sees every
 * change committed before it starts. Only sessions someone here is watching are read.
 */
@Component
public class PollLive {

    private static final Logger log = LoggerFactory.getLogger(PollLive.class);

    /** Closes a watch; safe to call twice. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private final PollService polls;
    private final TaskExecutor reads;
    private final Map<Long, Watchers> sessions = new ConcurrentHashMap<>();

    PollLive(PollService polls, LiveNotices notices, @Qualifier(PollExecutors.READ) TaskExecutor reads) {
        this.polls = polls;
        this.reads = reads;
        notices.listen(PollService.CHANNEL, new LiveNotices.Listener() {
            @Override
            public void notice(String payload) {
                try {
                    changed(Long.parseLong(payload));
                } catch (NumberFormatException e) {
                    log.warn("Ignored a poll notice that names no session");
                }
            }

            @Override
            public void missed() {
                sessions.keySet().forEach(PollLive.this::changed);
            }
        });
    }

    /**
     * Calls {@code listener} with the session's polls after each change, on the read thread (hand slow work on),
     * until the registration is closed. Returns at once; the caller reads the current polls itself to start.
     */
    public Registration watch(long sessionId, Consumer<PollBoard> listener) {
        sessions.compute(sessionId, (id, w) -> {
            Watchers watchers = w == null ? new Watchers() : w;
            watchers.listeners.add(listener);
            return watchers;
        });
        return () -> sessions.computeIfPresent(sessionId, (id, w) -> {
            w.listeners.remove(listener);
            return w.listeners.isEmpty() ? null : w;
        });
    }

    /**
     * Reads a watched session's polls again and gives them to its listeners, as after a change: for a reader that
     * has just arrived and holds nothing yet. Requests made while a read waits share it.
     */
    public void refresh(long sessionId) {
        changed(sessionId);
    }

    /** Whether anyone on this node watches the session (for tests and the node's own checks). */
    boolean watched(long sessionId) {
        return sessions.containsKey(sessionId);
    }

    private void changed(long sessionId) {
        Watchers watchers = sessions.get(sessionId);
        if (watchers == null || !watchers.pending.compareAndSet(false, true)) {
            return;
        }
        reads.execute(() -> {
            // cleared before reading, so a change committed during the read asks for the next one
            watchers.pending.set(false);
            PollBoard board;
            try {
                board = polls.board(sessionId);
            } catch (RuntimeException e) {
                log.warn("Could not read the polls of a session after a change ({})", e.toString());
                return;
            }
            for (Consumer<PollBoard> listener : watchers.listeners) {
                try {
                    listener.accept(board);
                } catch (RuntimeException e) {
                    log.warn("A poll listener failed ({})", e.toString());
                }
            }
        });
    }

    private static final class Watchers {
        final Set<Consumer<PollBoard>> listeners = ConcurrentHashMap.newKeySet();
        final AtomicBoolean pending = new AtomicBoolean();
    }
}
