package org.convene.qa.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import org.convene.qa.LiveBoard;
import org.convene.qa.LiveBoards;
import org.convene.qa.QaExecutors;
import org.convene.qa.QaLiveUpdates;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Brings each session's shared board to the pages open on it, on this node. One subscription per session, not
 * per page; pushes are paced per session by {@link PushPacing}, and each page gets at most one UI access in
 * flight: a page still busy with the last board simply gets the newest one next, so a slow page never builds a
 * queue and never holds up the others.
 */
@Component
class BoardPush {

    private static final Logger log = LoggerFactory.getLogger(BoardPush.class);

    private final LiveBoards boards;
    private final Map<Long, Audience> audiences = new ConcurrentHashMap<>();
    /** Locks the pages and pushes to them ({@link QaExecutors#PAGE_PUSH}); also the pages' timer. */
    private final ThreadPoolTaskScheduler scheduler;

    BoardPush(LiveBoards boards, @Qualifier(QaExecutors.PAGE_PUSH) ThreadPoolTaskScheduler scheduler) {
        this.boards = boards;
        this.scheduler = scheduler;
    }

    /**
     * Shows every newer board of the session on the page until the registration is closed.
     *
     * @param show runs with the UI locked
     */
    QaLiveUpdates.Registration attach(UI ui, long sessionId, Consumer<LiveBoard> show) {
        Audience audience;
        Page page;
        while (true) {
            audience = audiences.computeIfAbsent(sessionId, Audience::new);
            synchronized (audience) {
                if (!audience.closed) {
                    page = new Page(audience, ui, show);
                    audience.pages.add(page);
                    break;
                }
            }
        }
        audience.start();
        Audience joined = audience;
        return () -> leave(joined, page);
    }

    /** The pages' timer, for views that refresh on their own ({@link LiveRefresh}). */
    void schedule(Runnable task, Duration delay) {
        scheduler.getScheduledExecutor().schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** Runs a task on the page after a delay (to let a held announcement out), unless the page has gone. */
    void later(UI ui, Duration delay, Runnable task) {
        scheduler.getScheduledExecutor().schedule(() -> {
            try {
                ui.access(task::run);
            } catch (UIDetachedException e) {
                // the page has gone: nothing to say any more
            }
        }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void leave(Audience audience, Page page) {
        page.gone = true;
        QaLiveUpdates.Registration watching = null;
        synchronized (audience) {
            if (audience.pages.remove(page) && audience.pages.isEmpty() && !audience.closed) {
                audience.closed = true;
                audiences.remove(audience.sessionId, audience);
                watching = audience.watching;
            }
        }
        if (watching != null) {
            watching.close();
        }
    }

    /** Everyone watching one session on this node. */
    private final class Audience {
        final long sessionId;
        final Set<Page> pages = ConcurrentHashMap.newKeySet();
        /** Guarded by this. */
        boolean closed;
        QaLiveUpdates.@Nullable Registration watching;
        boolean starting;
        @Nullable LiveBoard latest;
        @Nullable LiveBoard lastPushed;
        long lastPushNanos = System.nanoTime() - PushPacing.VOTES_AT_MOST.toNanos();
        /** When the next push is due, or 0 when none is scheduled. */
        long dueNanos;

        Audience(long sessionId) {
            this.sessionId = sessionId;
        }

        /** The first page starts the session's subscription; the others find it running. */
        void start() {
            synchronized (this) {
                if (watching != null || starting || closed) {
                    return;
                }
                starting = true;
            }
            QaLiveUpdates.@Nullable Registration registration = null;
            try {
                registration = boards.watch(sessionId, this::changed);
            } finally {
                boolean closeNow;
                synchronized (this) {
                    starting = false;
                    watching = registration;
                    closeNow = closed && registration != null;
                }
                if (closeNow && registration != null) {
                    registration.close();
                }
            }
        }

        synchronized LiveBoard newest(LiveBoard offered) {
            return latest != null && latest.moderationSeq() > offered.moderationSeq() ? latest : offered;
        }

        /** On the fan-out thread: note the board and make sure a push is due soon enough. */
        void changed(LiveBoard board) {
            synchronized (this) {
                latest = board;
                long now = System.nanoTime();
                Duration delay = PushPacing.delay(Duration.ofNanos(now - lastPushNanos),
                        board.questionsChangedSince(lastPushed), pages.size());
                long due = now + delay.toNanos();
                log.debug("board seq {} arrived, push in {}", board.moderationSeq(), delay);
                if (dueNanos != 0 && dueNanos <= due) {
                    return;
                }
                dueNanos = due;
            }
            scheduler.getScheduledExecutor().schedule(this::push, Math.max(0, dueNanos - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
        }

        /** Several pushes may have been scheduled (a question arriving after votes moves one earlier): the later ones find nothing new. */
        void push() {
            LiveBoard board;
            synchronized (this) {
                if (latest == null || latest == lastPushed || System.nanoTime() < dueNanos - 1_000_000) {
                    return;
                }
                board = latest;
                lastPushed = board;
                lastPushNanos = System.nanoTime();
                dueNanos = 0;
            }
            log.debug("pushing board seq {} version {} to {} pages", board.moderationSeq(), board.questionsVersion(), pages.size());
            for (Page page : pages) {
                page.offer(board);
            }
        }
    }

    /** One open page: at most one UI access in flight, always with the newest board. */
    private final class Page {
        final Audience audience;
        final UI ui;
        final Consumer<LiveBoard> show;
        final AtomicReference<LiveBoard> next = new AtomicReference<>();
        volatile boolean gone;

        Page(Audience audience, UI ui, Consumer<LiveBoard> show) {
            this.audience = audience;
            this.ui = ui;
            this.show = show;
        }

        void offer(LiveBoard board) {
            if (next.getAndSet(board) == null) {
                scheduler.execute(this::run);
            }
        }

        private void run() {
            try {
                ui.access(() -> {
                    LiveBoard offered = next.getAndSet(null);
                    if (offered != null && !gone) {
                        // a page that waited for its lock gets the newest board the node has, not the one it was offered
                        show.accept(audience.newest(offered));
                    }
                });
            } catch (UIDetachedException e) {
                // closed without a detach reaching the view: it stops listening on its detach, or never
                next.set(null);
            } catch (RuntimeException e) {
                next.set(null);
                log.warn("Could not push the Q&A board to a page: {}", e.toString());
            }
        }
    }
}
