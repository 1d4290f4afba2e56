package org.convene.qa;

import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The shared, always-current board of each session that is being watched on this node. The first watcher of
 * a session makes the node keep its board (one read); after that the fan-out applies each change to it once,
 * however many pages show it, and hands the new board to the watchers on its thread: they must hand work off
 * quickly. The last watcher to leave lets the board go.
 */
@Component
public class LiveBoards {

    private final QaFanout fanout;
    private final QaLiveUpdates live;
    private final BoardReader reader;
    /** Watchers per session; guarded by this. */
    private final Map<Long, Integer> watchers = new HashMap<>();

    LiveBoards(QaFanout fanout, QaLiveUpdates live, BoardReader reader) {
        this.fanout = fanout;
        this.live = live;
        this.reader = reader;
    }

    /**
     * The session's board as the database has it now: what a page shows when it opens, so it shows the
     * reader's own writes at once. Boards that arrive afterwards with a lower {@link LiveBoard#moderationSeq()}
     * are older than this and must be ignored.
     *
     * @throws QaException NOT_FOUND when there is no such session
     */
    public LiveBoard read(long sessionId) {
        return reader.read(sessionId);
    }

    /**
     * The board this node keeps for the session while pages show it (current up to the last change the node has
     * heard of), else the database's. A page opening on a session thousands already watch then costs no read;
     * after a reader's own write, {@link #read} shows it at once instead.
     */
    public LiveBoard current(long sessionId) {
        LiveBoard kept = fanout.keptBoard(sessionId);
        return kept != null ? kept : reader.read(sessionId);
    }

    /**
     * Hands every new board of the session to the listener until the registration is closed. The listener
     * runs on the fan-out thread.
     */
    public QaLiveUpdates.Registration watch(long sessionId, Consumer<LiveBoard> listener) {
        QaLiveUpdates.Registration registration = live.subscribeBoard(sessionId, listener);
        try {
            // under the lock, so a last watcher leaving cannot drop the board a new first watcher just kept
            synchronized (this) {
                if (watchers.getOrDefault(sessionId, 0) == 0) {
                    fanout.keepBoard(reader.read(sessionId));
                }
                watchers.merge(sessionId, 1, Integer::sum);
            }
        } catch (RuntimeException e) {
            registration.close();
            throw e;
        }
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.getAndSet(false)) {
                registration.close();
                release(sessionId);
            }
        };
    }

    private synchronized void release(long sessionId) {
        if (watchers.merge(sessionId, -1, Integer::sum) <= 0) {
            watchers.remove(sessionId);
            fanout.dropBoard(sessionId);
        }
    }
}
