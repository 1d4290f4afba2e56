package org.convene.captions;

import org.convene.core.ManagedPools;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The captions' threads, as Spring beans (started, paused and shut down with the application). Not default
 * candidates, so Vaadin and {@code @Scheduled} still find the one executor they look for. Queued work is dropped on
 * close: readers catch up from the latest page when they open again.
 */
@Configuration(proxyBeanMethods = false)
public class CaptionExecutors {

    /** Reads each change once per node and hands it to the node's readers, in order: one thread. */
    public static final String READER = "captionsReader";
    /** Brings changes to open pages: waiting for a page's lock must not hold up the reader. */
    public static final String PAGE_PUSH = "captionsPagePush";

    @Bean(name = READER, defaultCandidate = false)
    ThreadPoolTaskExecutor captionsReader() {
        return ManagedPools.executor("captions-read-", 1);
    }

    @Bean(name = PAGE_PUSH, defaultCandidate = false)
    ThreadPoolTaskExecutor captionsPagePush() {
        return ManagedPools.executor("captions-push-", 2);
    }
}
