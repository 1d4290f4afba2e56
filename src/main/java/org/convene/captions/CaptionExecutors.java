package org.convene.captions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The captions' threads, as Spring beans (started, paused and shut down with the application). Not default
 * candidates, so Vaadin and {@code @Scheduled} still find the one executor they look for.
 */
@Configuration(proxyBeanMethods = false)
public class CaptionExecutors {

    /** Reads each change once per node and hands it to the node's readers, in order: one thread. */
    public static final String READER = "captionsReader";
    /** Brings changes to open pages: waiting for a page's lock must not hold up the reader. */
    public static final String PAGE_PUSH = "captionsPagePush";

    @Bean(name = READER, defaultCandidate = false)
    ThreadPoolTaskExecutor captionsReader() {
        return executor("captions-read-", 1);
    }

    @Bean(name = PAGE_PUSH, defaultCandidate = false)
    ThreadPoolTaskExecutor captionsPagePush() {
        return executor("captions-push-", 2);
    }

    private static ThreadPoolTaskExecutor executor(String prefix, int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix(prefix);
        executor.setDaemon(true);
        // queued work is dropped on close: readers catch up from the latest page when they open again
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAwaitTerminationMillis(2000);
        return executor;
    }
}
