package org.convene.captions.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import org.convene.captions.CaptionExecutors;
import org.convene.captions.CaptionLive;
import org.convene.captions.CaptionUpdate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Brings each session's caption updates to the panes open on it, on this node: one subscription per session (the
 * update was read once for all of them), and per page at most one UI access in flight, so a slow page never holds
 * up the others and never builds a queue of accesses.
 */
@Component
class CaptionPush {

    private final CaptionLive live;
    private final TaskExecutor pushers;
    private final Map<Long, Audience> audiences = new ConcurrentHashMap<>();

    CaptionPush(CaptionLive live, @Qualifier(CaptionExecutors.PAGE_PUSH) TaskExecutor pushers) {
        this.live = live;
        this.pushers = pushers;
    }

    /** The session's pages on this node, and their one subscription. */
    private final class Audience {
        final Set<Page> pages = ConcurrentHashMap.newKeySet();
        final CaptionLive.Registration registration;

        Audience(long sessionId) {
            registration = live.subscribe(sessionId, update -> pages.forEach(page -> page.offer(update)));
        }
    }

    private final class Page {
        final UI ui;
        final Consumer<CaptionUpdate> show;
        final Queue<CaptionUpdate> waiting = new ConcurrentLinkedQueue<>();
        final AtomicBoolean scheduled = new AtomicBoolean();

        Page(UI ui, Consumer<CaptionUpdate> show) {
            this.ui = ui;
            this.show = show;
        }

        void offer(CaptionUpdate update) {
            waiting.add(update);
            if (scheduled.compareAndSet(false, true)) {
                try {
                    pushers.execute(this::push);
                } catch (RejectedExecutionException stopping) {
                    scheduled.set(false);
                }
            }
        }

        private void push() {
            try {
                ui.access(() -> {
                    scheduled.set(false);
                    for (CaptionUpdate update = waiting.poll(); update != null; update = waiting.poll()) {
                        show.accept(update);
                    }
                });
            } catch (UIDetachedException gone) {
                waiting.clear();
            }
        }
    }

    /**
     * Shows the session's updates on the page until the registration is closed.
     *
     * @param show runs with the UI locked, once per update, in order
     */
    CaptionLive.Registration attach(UI ui, long sessionId, Consumer<CaptionUpdate> show) {
        Page page = new Page(ui, show);
        audiences.compute(sessionId, (id, audience) -> {
            Audience joined = audience == null ? new Audience(id) : audience;
            joined.pages.add(page);
            return joined;
        });
        return () -> audiences.computeIfPresent(sessionId, (id, audience) -> {
            audience.pages.remove(page);
            if (audience.pages.isEmpty()) {
                audience.registration.close();
                return null;
            }
            return audience;
        });
    }
}
