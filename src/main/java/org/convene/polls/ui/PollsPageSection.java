package org.convene.polls.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.core.security.CurrentUser;
import org.convene.polls.PollBoard;
import org.convene.polls.PollService;
import org.convene.programme.SessionDetail;
import org.convene.programme.ui.SessionPageSection;

import java.time.Clock;
import java.util.Optional;

/**
 * Adds the polls to the session page while the session is on or still to come, and afterwards while it has any
 * poll to show. Before any poll opens the part is an empty live region, so the opening of a poll is announced.
 */
@SpringComponent
class PollsPageSection implements SessionPageSection {

    private final PollService polls;
    private final PollPush push;
    private final CurrentUser currentUser;
    private final Clock clock;

    PollsPageSection(PollService polls, PollPush push, CurrentUser currentUser, Clock clock) {
        this.polls = polls;
        this.push = push;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public Place place() {
        return Place.AFTER_PLANNING;
    }

    @Override
    public Optional<Component> create(SessionDetail session) {
        if (session.cancelled()) {
            return Optional.empty();
        }
        PollBoard board = polls.board(session.id());
        if (board.visible().isEmpty() && session.hasEnded(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new PollsPagePart(polls, push, board, polls.myAnswers(session.id()),
                currentUser.get().isPresent()));
    }
}
