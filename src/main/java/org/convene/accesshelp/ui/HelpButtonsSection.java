package org.convene.accesshelp.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.accesshelp.AccessHelpException;
import org.convene.accesshelp.AccessHelpService;
import org.convene.accesshelp.HelpRules;
import org.convene.core.SaveResult;
import org.convene.core.security.CurrentUser;
import org.convene.programme.SessionDetail;
import org.convene.programme.ui.SessionPageSection;

import java.time.Clock;
import java.util.Optional;

/**
 * "Tell the facilitator" under the Join button, while the session is on or about to be. Decided from the page's
 * own session record, so thousands of open pages cost no extra read; the service checks the time again on a press.
 */
@SpringComponent
class HelpButtonsSection implements SessionPageSection {

    private final AccessHelpService service;
    private final CurrentUser currentUser;
    private final Clock clock;

    HelpButtonsSection(AccessHelpService service, CurrentUser currentUser, Clock clock) {
        this.service = service;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public Place place() {
        return Place.UNDER_JOIN;
    }

    @Override
    public Optional<Component> create(SessionDetail session) {
        if (!HelpRules.isOpen(session.startsAt(), session.endsAt(), session.cancelled(), clock.instant())) {
            return Optional.empty();
        }
        if (currentUser.get().isEmpty()) {
            return Optional.of(new HelpButtons());
        }
        long id = session.id();
        return Optional.of(new HelpButtons((kind, note) -> {
            try {
                return switch (service.send(id, kind, note)) {
                    case SaveResult.Saved<?> saved -> new HelpButtons.Reply.Sent();
                    case SaveResult.Invalid<?> invalid -> new HelpButtons.Reply.NoteProblem(invalid.firstMessage());
                    case SaveResult.Conflict<?> conflict -> new HelpButtons.Reply.Refused("Please try again.");
                };
            } catch (AccessHelpException e) {
                return new HelpButtons.Reply.Refused(e.getMessage());
            }
        }));
    }
}
