package org.convene.accesshelp;

import org.convene.core.live.LiveNotices;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Brings each session's recent access help to the pages open on it on this node. A notice from any node (see
 * {@link AccessHelpService#CHANNEL}) leads to one read per session, shared by every watcher on this node; notices
 * that arrive while a read is queued add nothing. While anything is counted, the counts are read again every
 * {@link #AGEING_CHECK}, so a signal drops out of the recent counts when its time is up even if nothing new comes.
 */
@Component
public class AccessHelpFeed {

    public static final String SCHEDULER = "accessHelpScheduler";
    static final Duration AGEING_CHECK = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(AccessHelpFeed.class);

    /** Stops a watch; call when the page goes. */
    @FunctionalInterface
    public interface Registration {
        void close();
    }

    private final AccessHelpService service;
    private final ThreadPoolTaskScheduler scheduler;
    private final Map<Long, Audience> audiences = new ConcurrentHashMap<>();

    AccessHelpFeed(LiveNotices notices, AccessHelpService service, @Qualifier(SCHEDULER) ThreadPoolTaskScheduler scheduler) {
        this.service = service;
        this.scheduler = scheduler;
        notices.listen(AccessHelpService.CHANNEL, new LiveNotices.Listener() {
            @Override
            public void notice(String payload) {
                changed(Long.parseLong(payload));
            }

            @Override
            public void missed() {
                audiences.values().forEach(Audience::requestRead);
            }
        });
    }

    /**
     * Hands every newer summary of the session to the listener (on a pool thread) until the registration is
     * closed. Checks here, on the caller's request, that the current person may see the session's access help.
     */
    public Registration watch(long sessionId, Consumer<HelpSummary> listener) {
        service.requireSee(sessionId);
        audiences.compute(sessionId, (id, existing) -> {
            Audience audience = existing == null ? new Audience(id) : existing;
            audience.listeners.add(listener);
            return audience;
        });
        return () -> audiences.computeIfPresent(sessionId, (id, audience) -> {
            audience.listeners.remove(listener);
            if (audience.listeners.isEmpty()) {
                audience.stopAgeing();
                return null;
            }
            return audience;
        });
    }

    /** Whether any page on this node watches the session (for tests: a closed watch leaves nothing behind). */
    boolean isWatched(long sessionId) {
        return audiences.containsKey(sessionId);
    }

    private void changed(long sessionId) {
        Audience audience = audiences.get(sessionId);
        if (audience != null) {
            audience.requestRead();
        }
    }

    /** Every page watching one session on this node. */
    private final class Audience {
        final long sessionId;
        final List<Consumer<HelpSummary>> listeners = new CopyOnWriteArrayList<>();
        final AtomicBoolean readQueued = new AtomicBoolean();
        volatile @Nullable ScheduledFuture<?> ageing;

        Audience(long sessionId) {
            this.sessionId = sessionId;
        }

        void requestRead() {
            if (readQueued.compareAndSet(false, true)) {
                scheduler.execute(this::read);
            }
        }

        private void read() {
            // cleared before reading, so a signal committed during the read queues the next one
            readQueued.set(false);
            if (listeners.isEmpty()) {
                return;
            }
            HelpSummary summary;
            try {
                summary = service.recentUnchecked(sessionId);
            } catch (RuntimeException e) {
                log.warn("Could not read the access help of session {} ({})", sessionId, e.toString());
                return;
            }
            for (Consumer<HelpSummary> listener : listeners) {
                try {
                    listener.accept(summary);
                } catch (RuntimeException e) {
                    log.warn("A page failed to show access help ({})", e.toString());
                }
            }
            if (summary.total() > 0) {
                keepAgeing();
            }
        }

        private synchronized void keepAgeing() {
            ScheduledFuture<?> current = ageing;
            if (current == null || current.isDone()) {
                ageing = scheduler.getScheduledExecutor().schedule(this::requestRead,
                        AGEING_CHECK.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        synchronized void stopAgeing() {
            ScheduledFuture<?> current = ageing;
            if (current != null) {
                current.cancel(false);
            }
        }
    }
}
