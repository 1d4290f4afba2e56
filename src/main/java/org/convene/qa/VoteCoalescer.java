package org.convene.qa;

import org.convene.core.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final PeriodicTask ticks;

    VoteCoalescer(QaService service, QaRepository repository, QaProperties properties,
                  @Qualifier(QaExecutors.VOTES) ThreadPoolTaskScheduler scheduler) {
        this.service = service;
        this.repository = repository;
        this.properties = properties;
        this.ticks = new PeriodicTask(scheduler, this::tick);
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
        ticks.start(properties.votesInterval());
    }

    /** Marks not yet announced stay pending; the next start (or another node) announces them. */
    @Override
    public void stop() {
        ticks.stop();
    }

    @Override
    public boolean isRunning() {
        return ticks.isRunning();
    }

    @Override
    public int getPhase() {
        return QaExecutors.WORK_PHASE;
    }
}
