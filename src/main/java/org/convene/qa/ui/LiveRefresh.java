package org.convene.qa.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import org.convene.qa.QaLiveUpdates;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One view's live subscription to a session's Q&A, throttled: however many changes arrive, the view is
 * refreshed at most once per {@link #MIN_INTERVAL} (about 4 pushes a second). A change that arrives while a
 * refresh is already scheduled does nothing more: that refresh re-reads everything committed before it runs.
 * <p>
 * The fan-out thread that calls the listener is shared by every session on the node, so the listener only
 * flips a flag and hands the refresh to a timer; the refresh runs through {@link UI#access} on a virtual thread,
 * never on the fan-out thread.
 */
final class LiveRefresh {

    static final Duration MIN_INTERVAL = Duration.ofMillis(250);

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("qa-ui-refresh").daemon().factory());

    private final QaLiveUpdates live;
    private final Runnable refresh;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastRunNanos = System.nanoTime() - MIN_INTERVAL.toNanos();
    private volatile UI ui;
    private QaLiveUpdates.Registration registration;

    /** @param refresh runs with the UI locked: re-read and re-render */
    LiveRefresh(QaLiveUpdates live, Runnable refresh) {
        this.live = live;
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
        TIMER.schedule(() -> Thread.startVirtualThread(() -> access(target, () -> {
            // cleared before reading, so a change committed during the read schedules the next refresh
            scheduled.set(false);
            lastRunNanos = System.nanoTime();
            refresh.run();
        })), wait, TimeUnit.NANOSECONDS);
    }

    /** Runs a task on the UI after a delay (to let a batched announcement out), unless the view has gone. */
    void later(Duration delay, Runnable task) {
        UI target = ui;
        if (target == null) {
            return;
        }
        TIMER.schedule(() -> Thread.startVirtualThread(() -> access(target, task)),
                Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
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
