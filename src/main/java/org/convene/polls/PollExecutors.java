package org.convene.polls;

import org.convene.core.ManagedPools;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

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
    /** Gathers the STOMP subscriptions arriving close together into one read for all of them. */
    public static final String STOMP_JOINS = "pollsStompJoinScheduler";

    /** One thread: a read is a few small queries, and a burst of notices for a session becomes one read. */
    @Bean(name = READ, defaultCandidate = false)
    ThreadPoolTaskExecutor pollsReadExecutor() {
        return ManagedPools.executor("polls-read-", 1);
    }

    /**
     * Two threads: pushing waits for each page's lock, so a busy page must leave the others moving; each page has
     * at most one push in flight, so a slow page builds no queue.
     */
    @Bean(name = PAGE_PUSH, defaultCandidate = false)
    ThreadPoolTaskExecutor pollsPagePushExecutor() {
        return ManagedPools.executor("polls-push-", 2);
    }

    /** One thread: it only asks {@link PollLive} for a read, a moment after the first of a burst of subscriptions. */
    @Bean(name = STOMP_JOINS, defaultCandidate = false)
    ThreadPoolTaskScheduler pollsStompJoinScheduler() {
        return ManagedPools.scheduler("polls-stomp-", 1);
    }
}
