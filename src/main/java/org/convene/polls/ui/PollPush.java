package org.convene.polls.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import org.convene.polls.PollBoard;
import org.convene.polls.PollExecutors;
import org.convene.polls.PollLive;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Brings the session's polls, read once per change on this node ({@link PollLive}), to one open page. Each page
 * has at most one push in flight and always gets the newest board, so a slow page builds no queue and holds up no
 * other page.
 */
@Component
class PollPush {

    private final PollLive live;
    private final TaskExecutor pushes;

    PollPush(PollLive live, @Qualifier(PollExecutors.PAGE_PUSH) TaskExecutor pushes) {
        this.live = live;
        this.pushes = pushes;
    }

    /** @param show runs with the UI locked, with each newer board until the registration is closed */
    PollLive.Registration attach(UI ui, long sessionId, Consumer<PollBoard> show) {
        AtomicReference<PollBoard> next = new AtomicReference<>();
        PollLive.Registration[] registration = new PollLive.Registration[1];
        registration[0] = live.watch(sessionId, board -> {
            if (next.getAndSet(board) != null) {
                return; // a push is already on its way and will take this newer board
            }
            pushes.execute(() -> {
                try {
                    ui.access(() -> {
                        PollBoard newest = next.getAndSet(null);
                        if (newest != null) {
                            show.accept(newest);
                        }
                    });
                } catch (UIDetachedException e) {
                    // the page was closed without a detach reaching us: stop watching for it
                    registration[0].close();
                }
            });
        });
        return registration[0];
    }
}
