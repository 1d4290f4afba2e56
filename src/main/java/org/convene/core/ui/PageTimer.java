package org.convene.core.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import org.springframework.core.task.TaskExecutor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs something on a page at the moment it is due (a join window opening, a session ending) by server push,
 * instead of having every open page poll the server: in a plenary of thousands, polls every few seconds are most
 * of the server's work. One sleeping virtual thread per page and moment; cancelled when the page goes.
 */
public final class PageTimer {

    /** Further ahead than this, nothing is scheduled: a page open that long is reloaded long before. */
    static final Duration LONGEST = Duration.ofHours(24);

    private final TaskExecutor executor;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Thread> sleeper = new AtomicReference<>();

    /** @param executor Spring's virtual-thread executor ("VaadinTaskExecutor") */
    public PageTimer(TaskExecutor executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    /** Runs the action with the UI locked at that moment; replaces whatever was scheduled before. */
    public void at(UI ui, Instant when, Runnable action) {
        cancel();
        Duration wait = Duration.between(clock.instant(), when);
        if (wait.compareTo(LONGEST) > 0) {
            return;
        }
        long mine = generation.get();
        executor.execute(() -> {
            Thread self = Thread.currentThread();
            sleeper.set(self);
            try {
                if (generation.get() != mine) {
                    return;
                }
                if (!wait.isNegative()) {
                    // a moment late rather than early: the page re-checks the clock when it runs
                    Thread.sleep(wait.plusMillis(200));
                }
                ui.access(() -> {
                    if (generation.get() == mine) {
                        action.run();
                    }
                });
            } catch (InterruptedException | UIDetachedException e) {
                // cancelled, or the page has gone
            } finally {
                sleeper.compareAndSet(self, null);
            }
        });
    }

    /** Nothing scheduled runs any more. */
    public void cancel() {
        generation.incrementAndGet();
        Thread sleeping = sleeper.getAndSet(null);
        if (sleeping != null) {
            sleeping.interrupt();
        }
    }
}
