package org.convene.accesshelp.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.accesshelp.AccessHelpFeed;
import org.convene.accesshelp.AccessHelpService;
import org.convene.programme.ui.SessionViewSection;

import java.time.ZoneId;
import java.util.Optional;

/** Access help at the top of the moderation page, for those who may see it. */
@SpringComponent
class HelpCountsSection implements SessionViewSection {

    private final AccessHelpService service;
    private final AccessHelpFeed feed;

    HelpCountsSection(AccessHelpService service, AccessHelpFeed feed) {
        this.service = service;
        this.feed = feed;
    }

    @Override
    public View view() {
        return View.MODERATION;
    }

    /** Before the other parts: a facilitator must see "captions have stopped" before anything else. */
    @Override
    public int order() {
        return -100;
    }

    @Override
    public Optional<Component> create(long sessionId, ZoneId zone) {
        if (!service.maySee(sessionId)) {
            return Optional.empty();
        }
        return Optional.of(new HelpCounts(service.recent(sessionId), zone,
                listener -> feed.watch(sessionId, listener)));
    }
}
