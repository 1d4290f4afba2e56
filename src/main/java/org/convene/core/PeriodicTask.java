package org.convene.core;

import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * A task run again and again on a Spring-managed scheduler, from {@link #start} to {@link #stop}: the body of a
 * {@code SmartLifecycle} whose work is a periodic check. Started again after a stop (the test context cache stops
 * paused contexts and starts them again).
 */
public final class PeriodicTask {

    private final ThreadPoolTaskScheduler scheduler;
    private final Runnable task;
    private volatile @Nullable ScheduledFuture<?> running;

    public PeriodicTask(ThreadPoolTaskScheduler scheduler, Runnable task) {
        this.scheduler = scheduler;
        this.task = task;
    }

    /** Runs the task every {@code interval}, the first time one interval from now. */
    public void start(Duration interval) {
        // the scheduler's own clock, not the application's: a test's moved Clock must not stall the task
        running = scheduler.scheduleWithFixedDelay(task, scheduler.getClock().instant().plus(interval), interval);
    }

    /** A run already under way finishes; no other starts. */
    public void stop() {
        ScheduledFuture<?> current = running;
        if (current != null) {
            current.cancel(false);
            running = null;
        }
    }

    public boolean isRunning() {
        return running != null;
    }
}
