package org.convene.qa.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import org.convene.qa.QaLiveUpdates;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One view's live subscription to a session's Q&A, throttled: however many changes arrive, the view is
 * refreshed at most once per {@link #MIN_INTERVAL} (about 4 pushes a second). A change that arrives while a
 * refresh is already scheduled does nothing more: that refresh re-reads everything committed before it runs.
 * <p>
 * The fan-out thread that calls the listener is shared by every session on the node, so the listener only
 * flips a flag and hands the refresh to a timer; the refresh runs through {@link UI#access} on the timer's
 * thread, never on the fan-out thread.
 * <p>
 * For the few pages that need every change read afresh (moderation, stage); attendees' pages share one board.
 */
final class LiveRefresh {

    static final Duration MIN_INTERVAL = Duration.ofMillis(250);

    /** Runs a task after a delay on a thread the application manages. */
    @FunctionalInterface
    interface Timer {
        void schedule(Runnable task, Duration delay);
    }

    private final QaLiveUpdates live;
    private final Timer timer;
    private final Runnable refresh;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastRunNanos = System.nanoTime() - MIN_INTERVAL.toNanos();
    private volatile @Nullable UI ui;
    private QaLiveUpdates.@Nullable Registration registration;

    /** @param refresh runs with the UI locked: re-read and re-render */
    LiveRefresh(QaLiveUpdates live, Timer timer, Runnable refresh) {
        this.live = live;
        this.timer = timer;
        this.refresh = refresh;
    }

    /** Starts listening; call on attach. Listening again to another session first stops the old one. */
    synchronized void start(UI ui, long sessionId) {
        stop();
        this.ui = ui;
        scheduled.set(false);
        registration = live.subscribe(sessionId, update -> request());
    }

    /** Stops listening; call on detach. A refresh already queued then does nothing. */
    synchronized void stop() {
        QaLiveUpdates.Registration current = registration;
        registration = null;
        ui = null;
        if (current != null) {
            current.close();
        }
    }

    boolean isRunning() {
        return ui != null;
    }

    /** Asks for a refresh soon; safe from any thread. */
    void request() {
        UI target = ui;
        if (target == null || !scheduled.compareAndSet(false, true)) {
            return;
        }
        long wait = Math.max(0, MIN_INTERVAL.toNanos() - (System.nanoTime() - lastRunNanos));
        timer.schedule(() -> access(target, () -> {
            // cleared before reading, so a change committed during the read schedules the next refresh
            scheduled.set(false);
            lastRunNanos = System.nanoTime();
            refresh.run();
        }), Duration.ofNanos(wait));
    }

    /** Runs a task on the UI after a delay (to let a batched announcement out), unless the view has gone. */
    void later(Duration delay, Runnable task) {
        UI target = ui;
        if (target == null) {
            return;
        }
        timer.schedule(() -> access(target, task), delay.isNegative() ? Duration.ZERO : delay);
    }

    private void access(UI target, Runnable task) {
        try {
            target.access(() -> {
                if (ui == target) {
                    task.run();
                }
            });
        } catch (UIDetachedException e) {
            // the page was closed without a detach event reaching us: stop listening for it
            if (ui == target) {
                stop();
            }
        }
    }
}
