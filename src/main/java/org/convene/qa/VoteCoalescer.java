package org.convene.qa;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

/**
 * Vote bursts become at most one votes.changed event per session per interval (200 ms by default, so about
 * 5 a second): each vote only marks its question; this announces the marked counts. Every node runs it;
 * the first to lock a session's settings claims the marks, the others find none.
 */
@Component
class VoteCoalescer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VoteCoalescer.class);

    private final QaService service;
    private final QaRepository repository;
    private final QaProperties properties;
    private final ThreadPoolTaskScheduler scheduler;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private volatile @Nullable ScheduledFuture<?> ticks;

    VoteCoalescer(QaService service, QaRepository repository, QaProperties properties,
                  @Qualifier(QaExecutors.VOTES) ThreadPoolTaskScheduler scheduler) {
        this.service = service;
        this.repository = repository;
        this.properties = properties;
        this.scheduler = scheduler;
    }

    void votesChanged(long sessionId) {
        pending.add(sessionId);
    }

    /** Marks left by a node that stopped before announcing them are picked up here. */
    void catchUp() {
        try {
            pending.addAll(repository.sessionsWithDirtyVotes());
        } catch (RuntimeException e) {
            log.warn("Could not look for unannounced votes: {}", e.getMessage());
        }
    }

    private void tick() {
        for (Long sessionId : pending) {
            pending.remove(sessionId);
            try {
                service.announceVotes(sessionId);
            } catch (RuntimeException e) {
                pending.add(sessionId);
                log.warn("Announcing votes for session {} failed: {}", sessionId, e.getMessage());
            }
        }
    }

    /** Also after a stop: the test context cache stops paused contexts and starts them again. */
    @Override
    public void start() {
        Duration interval = properties.votesInterval();
        // the scheduler's own clock, not the application's: a test's moved Clock must not stall the ticks
        ticks = scheduler.scheduleWithFixedDelay(this::tick, scheduler.getClock().instant().plus(interval), interval);
    }

    /** Marks not yet announced stay pending; the next start (or another node) announces them. */
    @Override
    public void stop() {
        ScheduledFuture<?> running = ticks;
        if (running != null) {
            running.cancel(false);
            ticks = null;
        }
    }

    @Override
    public boolean isRunning() {
        return ticks != null;
    }

    @Override
    public int getPhase() {
        return QaExecutors.WORK_PHASE;
    }
}
