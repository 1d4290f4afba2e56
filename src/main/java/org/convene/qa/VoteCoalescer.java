package org.convene.qa;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
    private volatile @Nullable ScheduledExecutorService scheduler;

    VoteCoalescer(QaService service, QaRepository repository, QaProperties properties) {
        this.service = service;
        this.repository = repository;
        this.properties = properties;
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

    @Override
    public void start() {
        long interval = properties.votesInterval().toMillis();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("qa-votes").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
