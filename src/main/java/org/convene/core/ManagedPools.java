package org.convene.core;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Makes the features' own pools alike (docs/architecture.md, "Executors"): a feature declares each pool as a named
 * Spring bean (not a default candidate) in its own configuration and makes it here, so Spring starts, pauses and
 * closes it. Live features catch up from a fresh read after a stop, so queued work is dropped on close and
 * closing waits only a moment for a task already running. Daemon threads, so a pool never keeps a JVM alive.
 */
public final class ManagedPools {

    /** How long closing waits for a task already running. */
    public static final int AWAIT_TERMINATION_MILLIS = 2_000;

    private ManagedPools() {
    }

    /** A fixed number of threads named {@code prefix-1}, {@code prefix-2} ... */
    public static ThreadPoolTaskExecutor executor(String threadNamePrefix, int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix(threadNamePrefix);
        executor.setDaemon(true);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAwaitTerminationMillis(AWAIT_TERMINATION_MILLIS);
        return executor;
    }

    /** A scheduler with a fixed number of threads named {@code prefix-1}, {@code prefix-2} ... */
    public static ThreadPoolTaskScheduler scheduler(String threadNamePrefix, int threads) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(threads);
        scheduler.setThreadNamePrefix(threadNamePrefix);
        scheduler.setDaemon(true);
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        scheduler.setAwaitTerminationMillis(AWAIT_TERMINATION_MILLIS);
        return scheduler;
    }
}
