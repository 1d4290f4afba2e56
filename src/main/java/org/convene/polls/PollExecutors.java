package org.convene.polls;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The polls' threads (docs/architecture.md, "Executors"). Not default candidates: injected by name only, so
 * Spring's and Vaadin's own look-ups by type still find theirs.
 */
@Configuration(proxyBeanMethods = false)
public class PollExecutors {

    /** Reads a changed session's polls once for the node, one session at a time. */
    public static final String READ = "pollsReadExecutor";
    /** Brings the newest polls to the pages open on this node. */
    public static final String PAGE_PUSH = "pollsPagePushExecutor";

    /** One thread: a read is a few small queries, and a burst of notices for a session becomes one read. */
    @Bean(name = READ, defaultCandidate = false)
    ThreadPoolTaskExecutor pollsReadExecutor() {
        return executor("polls-read-", 1);
    }

    /**
     * Two threads: pushing waits for each page's lock, so a busy page must leave the others moving; each page has
     * at most one push in flight, so a slow page builds no queue.
     */
    @Bean(name = PAGE_PUSH, defaultCandidate = false)
    ThreadPoolTaskExecutor pollsPagePushExecutor() {
        return executor("polls-push-", 2);
    }

    private static ThreadPoolTaskExecutor executor(String prefix, int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix(prefix);
        executor.setDaemon(true);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAwaitTerminationMillis(2_000);
        return executor;
    }
}
