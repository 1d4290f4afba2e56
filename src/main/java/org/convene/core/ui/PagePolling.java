package org.convene.core.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * Re-checks something on a page at a fixed interval while the component is attached (a join window opening,
 * "Happening now" moving on): the browser polls, so it works without push and stops when the page is left.
 */
public final class PagePolling {

    private PagePolling() {
    }

    public static void every(Component component, int intervalMillis, Runnable action) {
        component.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ui.setPollInterval(intervalMillis);
            Registration poll = ui.addPollListener(event -> action.run());
            component.addDetachListener(detach -> {
                poll.remove();
                detach.getUI().setPollInterval(-1);
                detach.unregisterListener();
            });
        });
    }
}
