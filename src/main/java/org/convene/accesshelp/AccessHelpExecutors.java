package org.convene.accesshelp;

import org.convene.core.ManagedPools;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The one pool access help uses, named and managed by Spring like the Q&A's (docs/architecture.md, Executors). */
@Configuration(proxyBeanMethods = false)
class AccessHelpExecutors {

    /**
     * Two threads: they read a session's counts once per change for every page open on it on this node, and hand
     * the result to each page (which waits for that page's lock); facilitators' pages are few.
     */
    @Bean(name = AccessHelpFeed.SCHEDULER, defaultCandidate = false)
    ThreadPoolTaskScheduler accessHelpScheduler() {
        ThreadPoolTaskScheduler scheduler = ManagedPools.scheduler("access-help-", 2);
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
