package org.convene.polls.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import org.convene.core.ui.PoliteStatus;
import org.convene.polls.Poll;
import org.convene.polls.PollBoard;
import org.convene.polls.PollChanges;
import org.convene.polls.PollLive;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The stage's polls: every open poll with its results as they come in, and the last poll closed. A poll opening
 * or closing is announced politely; new answers only change the numbers.
 */
@StyleSheet("styles/polls.css")
class PollsStagePart extends Section {

    private final PollPush push;
    private final long sessionId;
    private final H2 heading = new H2("Polls");
    private final Div content = new Div();
    private final PoliteStatus announcer = new PoliteStatus();
    private PollBoard shown;
    private PollLive.@Nullable Registration watching;

    PollsStagePart(PollPush push, PollBoard board) {
        this.push = push;
        this.sessionId = board.sessionId();
        this.shown = board;
        setId("stage-polls");
        addClassName("cv-polls");
        addClassName("cv-stage-polls");
        announcer.setId("stage-polls-announcements");
        announcer.addClassName("cv-visually-hidden");
        add(heading, content, announcer);
        render(board);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        watching = push.attach(event.getUI(), sessionId, this::show);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        PollLive.Registration registration = watching;
        watching = null;
        if (registration != null) {
            registration.close();
        }
        super.onDetach(event);
    }

    void show(PollBoard board) {
        if (!board.isNewerThan(shown)) {
            return;
        }
        PollChanges.announcement(shown, board).ifPresent(announcer::setText);
        shown = board;
        render(board);
    }

    String announcement() {
        return announcer.getText();
    }

    static List<Poll> onStage(PollBoard board) {
        List<Poll> polls = new ArrayList<>(board.open().stream()
                .sorted(Comparator.comparingLong(Poll::id).reversed()).toList());
        board.visible().stream().filter(Poll::isClosed)
                .max(Comparator.comparing(p -> java.util.Objects.requireNonNullElse(p.closedAt(), java.time.Instant.MIN)))
                .ifPresent(polls::add);
        return polls;
    }

    private void render(PollBoard board) {
        List<Poll> polls = onStage(board);
        heading.setVisible(!polls.isEmpty());
        content.removeAll();
        for (Poll poll : polls) {
            Div item = new Div(new H3(poll.question()),
                    new Paragraph(poll.isOpen() ? "Open for answers on the session page." : "This poll has closed."),
                    new PollResultsView(poll));
            item.setId("stage-poll-" + poll.id());
            item.addClassName("cv-stage-poll");
            content.add(item);
        }
    }
}
