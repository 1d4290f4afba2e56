package org.convene.qa;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The live Q&A's threads, all in one place (docs/architecture.md, "Executors"). Spring starts, pauses (when the
 * test context cache stops a context) and shuts them down, so no feature class builds or restarts a pool.
 * <p>
 * The beans are not default candidates: they are injected only by name ({@code @Qualifier}), so that Spring's
 * {@code @Scheduled} support and Vaadin still find the one scheduler and executor they look for by type.
 * <p>
 * Phases: Spring starts lower phases first and stops higher phases first. The classes that hand work to these
 * pools ({@link #WORK_PHASE}) stop before the pools ({@link #EXECUTOR_PHASE}) pause, and the pools pause before
 * the STOMP broker and its channels ({@link #STOMP_PHASE}) stop, so a frame already being written still has a
 * broker to go to. Starting runs the other way round.
 */
@Configuration(proxyBeanMethods = false)
public class QaExecutors {

    /** The LISTEN thread, the vote announcer and the STOMP broadcaster: stop first, start last. */
    public static final int WORK_PHASE = SmartLifecycle.DEFAULT_PHASE;
    /** The pools below: after the work that feeds them stops, before the broker. */
    public static final int EXECUTOR_PHASE = ExecutorConfigurationSupport.DEFAULT_PHASE;
    /** The STOMP broker, its channels and its WebSocket handler: stop last. */
    public static final int STOMP_PHASE = 0;

    /** Reads each session's new events after a notice, one session at a time, in notice order. */
    public static final String FANOUT = "qaFanoutExecutor";
    /** Announces coalesced vote counts at a fixed delay. */
    public static final String VOTES = "qaVotesScheduler";
    /** Sends each STOMP destination's next frame when its interval is up. */
    public static final String STOMP_FRAMES = "qaStompFrameScheduler";
    /** Starts writes on idle STOMP connections of the public topics. */
    public static final String STOMP_WRITERS = "qaStompWriters";
    /** Brings the newest board to the Q&A pages open on this node, paced per session. */
    public static final String PAGE_PUSH = "qaPagePushScheduler";

    /**
     * How long closing the application waits for a task already running (a read of the event log, a frame being
     * handed to its connections). Queued work is dropped, as it always was: clients catch up from the snapshot.
     */
    private static final int AWAIT_TERMINATION_MILLIS = 2_000;

    /** One thread: a session's events must be read and announced in order, and one read serves every listener. */
    @Bean(name = FANOUT, defaultCandidate = false)
    ThreadPoolTaskExecutor qaFanoutExecutor() {
        return singleThreadExecutor("qa-fanout-");
    }

    /** One thread: each tick walks every session with new votes; ticks never overlap. */
    @Bean(name = VOTES, defaultCandidate = false)
    ThreadPoolTaskScheduler qaVotesScheduler() {
        return singleThreadScheduler("qa-votes-");
    }

    /** One thread: a destination's frames leave in order, and building a frame is quick (the writing is not here). */
    @Bean(name = STOMP_FRAMES, defaultCandidate = false)
    ThreadPoolTaskScheduler qaStompFrameScheduler() {
        return singleThreadScheduler("qa-stomp-");
    }

    /**
     * Sized to the cores (at least two): starting writes and closing connections given up on is CPU work, not
     * waiting, so more threads than cores would only take turns.
     */
    @Bean(name = STOMP_WRITERS, defaultCandidate = false)
    ThreadPoolTaskExecutor qaStompWriters() {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        return executor("qa-stomp-writer-", threads);
    }

    /**
     * Three threads: pushing to a page waits for that page's lock, so one page busy or slow to write to must
     * leave the others moving; pushes are paced per session, so a few threads serve many pages.
     */
    @Bean(name = PAGE_PUSH, defaultCandidate = false)
    ThreadPoolTaskScheduler qaPagePushScheduler() {
        return scheduler("qa-page-push-", 3);
    }

    private static ThreadPoolTaskExecutor singleThreadExecutor(String threadNamePrefix) {
        return executor(threadNamePrefix, 1);
    }

    private static ThreadPoolTaskExecutor executor(String threadNamePrefix, int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        // a fixed pool with an unbounded queue, like Executors.newFixedThreadPool: nothing is ever refused while running
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix(threadNamePrefix);
        configureShutdown(executor);
        return executor;
    }

    private static ThreadPoolTaskScheduler singleThreadScheduler(String threadNamePrefix) {
        return scheduler(threadNamePrefix, 1);
    }

    private static ThreadPoolTaskScheduler scheduler(String threadNamePrefix, int threads) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(threads);
        scheduler.setThreadNamePrefix(threadNamePrefix);
        // a cancelled task (the vote ticks, on stop) leaves the queue at once
        scheduler.setRemoveOnCancelPolicy(true);
        configureShutdown(scheduler);
        return scheduler;
    }

    private static void configureShutdown(ExecutorConfigurationSupport pool) {
        // daemon threads, as before: a pool never keeps the JVM alive
        pool.setDaemon(true);
        pool.setPhase(EXECUTOR_PHASE);
        pool.setWaitForTasksToCompleteOnShutdown(false);
        pool.setAwaitTerminationMillis(AWAIT_TERMINATION_MILLIS);
    }
}
