package org.convene.captions;

import org.convene.core.live.LiveNotices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Brings committed caption changes to this node's readers (open pages, STOMP subscribers). A change notice from
 * any node leads to one read of what changed, shared by every reader here, never a read per page: thousands may
 * have a session page open.
 */
@Component
public class CaptionLive {

    private static final Logger log = LoggerFactory.getLogger(CaptionLive.class);

    /** Something to close when a reader goes. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private final CaptionService captions;
    private final TaskExecutor reader;
    private final List<Consumer<CaptionUpdate>> everything = new CopyOnWriteArrayList<>();
    private final Map<Long, List<Consumer<CaptionUpdate>>> bySession = new ConcurrentHashMap<>();
    /** The newest change read per session (only touched on the reader thread). */
    private final Map<Long, Long> lastRead = new ConcurrentHashMap<>();
    /** Sessions with a notice waiting to be read: a burst of notices becomes one read. */
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();

    CaptionLive(CaptionService captions, LiveNotices notices, @Qualifier(CaptionExecutors.READER) TaskExecutor reader) {
        this.captions = captions;
        this.reader = reader;
        notices.listen(CaptionService.CHANNEL, new LiveNotices.Listener() {
            @Override
            public void notice(String payload) {
                heard(payload);
            }

            @Override
            public void missed() {
                rereadAll();
            }
        });
    }

    /** Every update of every session on this node (the STOMP topics), until closed. */
    public Registration subscribeToAll(Consumer<CaptionUpdate> listener) {
        everything.add(listener);
        return () -> everything.remove(listener);
    }

    /** The updates of one session, until closed. */
    public Registration subscribe(long sessionId, Consumer<CaptionUpdate> listener) {
        bySession.computeIfAbsent(sessionId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> bySession.computeIfPresent(sessionId, (id, listeners) -> {
            listeners.remove(listener);
            return listeners.isEmpty() ? null : listeners;
        });
    }

    private void heard(String payload) {
        int colon = payload.indexOf(':');
        long sessionId;
        long change;
        try {
            sessionId = Long.parseLong(payload.substring(0, colon));
            change = Long.parseLong(payload.substring(colon + 1));
        } catch (RuntimeException e) {
            log.warn("Ignored a caption notice that is not \"session:change\"");
            return;
        }
        if (everything.isEmpty() && !bySession.containsKey(sessionId)) {
            lastRead.remove(sessionId); // nobody reads it here: the next reader starts from its own page
            return;
        }
        lastRead.putIfAbsent(sessionId, change - 1);
        if (waiting.add(sessionId)) {
            run(() -> read(sessionId));
        }
    }

    private void read(long sessionId) {
        waiting.remove(sessionId);
        long after = lastRead.getOrDefault(sessionId, 0L);
        List<CaptionLine> lines = captions.changedAfter(sessionId, after);
        if (lines.isEmpty()) {
            return;
        }
        boolean reread = lines.size() >= CaptionLimits.CHANGES_PER_READ;
        CaptionUpdate update = new CaptionUpdate(sessionId, lines, reread);
        lastRead.put(sessionId, reread ? captions.latest(sessionId).lastChange() : update.lastChange());
        deliver(update);
    }

    private void rereadAll() {
        run(() -> {
            for (Long sessionId : List.copyOf(lastRead.keySet())) {
                lastRead.put(sessionId, captions.latest(sessionId).lastChange());
                deliver(new CaptionUpdate(sessionId, List.of(), true));
            }
        });
    }

    private void deliver(CaptionUpdate update) {
        for (Consumer<CaptionUpdate> listener : everything) {
            safely(listener, update);
        }
        for (Consumer<CaptionUpdate> listener : bySession.getOrDefault(update.sessionId(), List.of())) {
            safely(listener, update);
        }
    }

    private static void safely(Consumer<CaptionUpdate> listener, CaptionUpdate update) {
        try {
            listener.accept(update);
        } catch (RuntimeException e) {
            log.error("A caption reader failed on session {}", update.sessionId(), e);
        }
    }

    private void run(Runnable task) {
        try {
            reader.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Reading caption changes failed", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // the application is closing: readers catch up from the latest page when they open again
        }
    }
}
