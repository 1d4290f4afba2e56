package org.convene.polls.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import org.convene.core.SaveResult;
import org.convene.core.ui.PoliteStatus;
import org.convene.polls.Poll;
import org.convene.polls.PollBoard;
import org.convene.polls.PollChanges;
import org.convene.polls.PollException;
import org.convene.polls.PollLive;
import org.convene.polls.PollService;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The session page's polls: each open poll as a form, each closed one with its results. It changes only when a
 * poll opens or closes (not at every answer, so nobody's half-made choice is redrawn under them), and says so in a
 * polite live region that exists from the start, never moving focus.
 */
@StyleSheet("styles/polls.css")
class PollsPagePart extends Section {

    private final PollService polls;
    private final PollPush push;
    private final long sessionId;
    private final boolean signedIn;
    private final Map<Long, Set<Integer>> mine;
    private final Map<Long, PollForm> forms = new HashMap<>();
    private final H2 heading = new H2("Polls");
    private final Div content = new Div();
    private final PoliteStatus announcer = new PoliteStatus();
    private PollBoard shown;
    private String shownShape = "";
    private PollLive.@Nullable Registration watching;

    PollsPagePart(PollService polls, PollPush push, PollBoard board, Map<Long, Set<Integer>> mine, boolean signedIn) {
        this.polls = polls;
        this.push = push;
        this.sessionId = board.sessionId();
        this.signedIn = signedIn;
        this.mine = new HashMap<>(mine);
        this.shown = board;
        setId("polls");
        addClassName("cv-polls");
        announcer.setId("polls-announcements");
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

    /** A newer board: redraw only if a poll opened or closed, and say what happened. */
    void show(PollBoard board) {
        if (!board.isNewerThan(shown)) {
            return;
        }
        PollChanges.announcement(shown, board).ifPresent(announcer::setText);
        shown = board;
        if (!shape(board).equals(shownShape)) {
            render(board);
        }
    }

    String announcement() {
        return announcer.getText();
    }

    @Nullable PollForm form(long pollId) {
        return forms.get(pollId);
    }

    private static String shape(PollBoard board) {
        return board.visible().stream().map(p -> p.id() + ":" + p.state()).collect(Collectors.joining(","));
    }

    private void render(PollBoard board) {
        shownShape = shape(board);
        List<Poll> visible = board.visible().stream().sorted(Comparator.comparing(Poll::isClosed)
                .thenComparing(Comparator.comparingLong(Poll::id).reversed())).toList();
        heading.setVisible(!visible.isEmpty());
        content.removeAll();
        Map<Long, PollForm> kept = new HashMap<>();
        for (Poll poll : visible) {
            if (poll.isOpen()) {
                if (signedIn) {
                    PollForm form = forms.get(poll.id());
                    if (form == null) {
                        form = new PollForm(poll, mine.getOrDefault(poll.id(), Set.of()));
                        form.addAnswerListener(this::answer);
                    }
                    kept.put(poll.id(), form);
                    content.add(form);
                } else {
                    content.add(signInToAnswer(poll));
                }
            } else {
                Div closed = new Div(new H3(poll.question()), new Paragraph("This poll has closed."),
                        new PollResultsView(poll));
                closed.setId("poll-" + poll.id());
                closed.addClassName("cv-poll-closed");
                content.add(closed);
            }
        }
        forms.clear();
        forms.putAll(kept);
    }

    private static Div signInToAnswer(Poll poll) {
        Paragraph invite = new Paragraph("A poll is open. ");
        invite.add(new Anchor("login", "Log in to answer it"));
        Div open = new Div(new H3(poll.question()), invite);
        open.setId("poll-" + poll.id());
        open.addClassName("cv-poll-form");
        return open;
    }

    private void answer(PollForm.AnswerEvent event) {
        PollForm form = event.getSource();
        try {
            SaveResult<Set<Integer>> result = polls.answer(form.pollId(), event.choices());
            switch (result) {
                case SaveResult.Saved<Set<Integer>> saved -> {
                    mine.put(form.pollId(), saved.value());
                    form.saved(saved.value());
                }
                case SaveResult.Invalid<Set<Integer>> invalid -> form.refused(invalid.firstMessage());
                case SaveResult.Conflict<Set<Integer>> conflict -> form.refused("Please try again.");
            }
        } catch (PollException | AccessDeniedException e) {
            form.refused(String.valueOf(e.getMessage()));
        }
    }
}
