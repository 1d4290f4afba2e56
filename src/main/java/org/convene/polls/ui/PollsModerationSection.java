package org.convene.polls.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.polls.PollService;
import org.convene.programme.ui.SessionViewSection;

import java.time.ZoneId;
import java.util.Optional;

/** The polls at the top of the moderation page, for those who may run them. */
@SpringComponent
class PollsModerationSection implements SessionViewSection {

    private final PollService polls;
    private final PollPush push;

    PollsModerationSection(PollService polls, PollPush push) {
        this.polls = polls;
        this.push = push;
    }

    @Override
    public View view() {
        return View.MODERATION;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Component> create(long sessionId, ZoneId zone) {
        if (!polls.mayRun(sessionId)) {
            return Optional.empty();
        }
        return Optional.of(new PollsModerationPart(polls, push, polls.board(sessionId)));
    }
}
