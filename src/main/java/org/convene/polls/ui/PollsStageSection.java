package org.convene.polls.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.polls.PollService;
import org.convene.programme.ui.SessionViewSection;

import java.time.ZoneId;
import java.util.Optional;

/** The polls on the stage view, after the questions. */
@SpringComponent
class PollsStageSection implements SessionViewSection {

    private final PollService polls;
    private final PollPush push;

    PollsStageSection(PollService polls, PollPush push) {
        this.polls = polls;
        this.push = push;
    }

    @Override
    public View view() {
        return View.STAGE;
    }

    @Override
    public Optional<Component> create(long sessionId, ZoneId zone) {
        return Optional.of(new PollsStagePart(push, polls.board(sessionId)));
    }
}
