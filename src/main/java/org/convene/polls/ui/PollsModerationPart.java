package org.convene.polls.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;
import org.convene.core.SaveResult;
import org.convene.core.ui.PoliteStatus;
import org.convene.polls.Poll;
import org.convene.polls.PollBoard;
import org.convene.polls.PollDraft;
import org.convene.polls.PollException;
import org.convene.polls.PollLimits;
import org.convene.polls.PollLive;
import org.convene.polls.PollService;
import org.convene.polls.PollState;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facilitators' polls, at the top of the moderation page: a form to prepare a poll, and each poll with what
 * can be done with it next (open, close, remove) and its results as they come in. Items are updated in place, so
 * a button keeps its focus while answers arrive.
 */
@StyleSheet("styles/polls.css")
class PollsModerationPart extends Section {

    private static final int OPTION_FIELDS_AT_FIRST = 4;

    private final PollService polls;
    private final PollPush push;
    private final long sessionId;
    private final ErrorSummary summary = new ErrorSummary("poll-form-errors");
    private final TextField question = new TextField("Question");
    private final List<TextField> options = new ArrayList<>();
    private final Div optionFields = new Div();
    private final Button addOption = new Button("Add another answer");
    private final Checkbox multiple = new Checkbox("People may choose more than one answer");
    private final Checkbox anonymous = new Checkbox("Anonymous: nobody, not even the organisers, can see who chose what");
    private final Button save = new Button("Save poll");
    private final Div list = new Div();
    private final PoliteStatus status = new PoliteStatus();
    private final Map<Long, Item> items = new LinkedHashMap<>();
    private PollLive.@Nullable Registration watching;
    private @Nullable PollBoard shown;

    PollsModerationPart(PollService polls, PollPush push, PollBoard board) {
        this.polls = polls;
        this.push = push;
        this.sessionId = board.sessionId();
        setId("moderation-polls");
        addClassName("cv-polls");
        status.setId("moderation-polls-status");
        status.addClassName("cv-poll-status");
        list.addClassName("cv-poll-list");
        add(new H2("Polls"), form(), status, list);
        show(board);
    }

    private Div form() {
        Div form = new Div();
        form.addClassName("cv-poll-prepare");
        question.setId("poll-question");
        question.setMaxLength(PollLimits.QUESTION_MAX);
        question.setWidthFull();
        question.setHelperText("For example: Could you follow the captions? Up to " + PollLimits.QUESTION_MAX
                + " characters.");
        optionFields.addClassName("cv-poll-option-fields");
        for (int i = 0; i < OPTION_FIELDS_AT_FIRST; i++) {
            addOptionField();
        }
        addOption.setId("poll-add-option");
        addOption.addClickListener(e -> {
            addOptionField().focus();
            addOption.setVisible(options.size() < PollLimits.OPTIONS_MAX);
        });
        multiple.setId("poll-multiple");
        anonymous.setId("poll-anonymous");
        anonymous.setValue(true);
        save.setId("poll-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        form.add(new H3("Prepare a poll"), new Paragraph("Attendees see it only when you open it. Leave answers you do "
                + "not need empty."), summary, question, optionFields, addOption, multiple, anonymous, save);
        return form;
    }

    private TextField addOptionField() {
        int number = options.size() + 1;
        TextField field = new TextField("Answer " + number + (number > PollLimits.OPTIONS_MIN ? " (optional)" : ""));
        field.setId("poll-option-" + number);
        field.setMaxLength(PollLimits.OPTION_MAX);
        options.add(field);
        optionFields.add(field);
        return field;
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

    private void save() {
        question.setInvalid(false);
        options.forEach(o -> o.setInvalid(false));
        PollDraft draft = new PollDraft(question.getValue(), options.stream().map(TextField::getValue).toList(),
                multiple.getValue(), anonymous.getValue());
        SaveResult<Long> result;
        try {
            result = polls.prepare(sessionId, draft);
        } catch (PollException | AccessDeniedException e) {
            summary.show(Map.of("poll-question", String.valueOf(e.getMessage())));
            return;
        }
        switch (result) {
            case SaveResult.Saved<Long> saved -> {
                summary.clear();
                question.clear();
                options.forEach(TextField::clear);
                status.setText("The poll is saved. Open it when you are ready.");
                show(polls.board(sessionId));
            }
            case SaveResult.Invalid<Long> invalid -> {
                Map<String, String> byField = new LinkedHashMap<>();
                invalid.problems().forEach((field, message) -> {
                    TextField shown = PollDraft.QUESTION.equals(field) ? question : options.getFirst();
                    shown.setErrorMessage(message);
                    shown.setInvalid(true);
                    byField.put(shown.getId().orElseThrow(), message);
                });
                summary.show(byField);
            }
            case SaveResult.Conflict<Long> conflict -> summary.show(Map.of("poll-question", "Please try again."));
        }
    }

    /** Every poll, newest first, each updated in place. */
    void show(PollBoard board) {
        PollBoard before = shown;
        if (before != null && !board.isNewerThan(before)) {
            return;
        }
        shown = board;
        Map<Long, Poll> now = new HashMap<>();
        board.polls().forEach(p -> now.put(p.id(), p));
        items.keySet().removeIf(id -> {
            if (!now.containsKey(id)) {
                Item gone = items.get(id);
                if (gone != null) {
                    list.remove(gone);
                }
                return true;
            }
            return false;
        });
        List<Poll> newestFirst = new ArrayList<>(board.polls());
        java.util.Collections.reverse(newestFirst);
        int index = 0;
        for (Poll poll : newestFirst) {
            Item item = items.get(poll.id());
            if (item == null) {
                item = new Item(poll.id());
                items.put(poll.id(), item);
                list.addComponentAtIndex(index, item);
            }
            item.update(poll);
            index++;
        }
        if (items.isEmpty()) {
            list.removeAll();
            list.add(new Paragraph("No polls yet."));
        } else {
            list.getChildren().filter(c -> c instanceof Paragraph).toList().forEach(list::remove);
        }
    }

    String statusText() {
        return status.getText();
    }

    String summaryText() {
        return summary.text();
    }

    /** One poll: its question, state, next action and results. */
    private final class Item extends Div {
        final long pollId;
        final H3 title = new H3();
        final Paragraph state = new Paragraph();
        final Button open = new Button("Open poll");
        final Button close = new Button("Close poll");
        final Button remove = new Button("Remove");
        final Div results = new Div();

        Item(long pollId) {
            this.pollId = pollId;
            setId("moderation-poll-" + pollId);
            addClassName("cv-poll-item");
            open.setId("poll-" + pollId + "-open");
            close.setId("poll-" + pollId + "-close");
            remove.setId("poll-" + pollId + "-remove");
            open.addClickListener(e -> act("open", () -> polls.open(pollId), close));
            close.addClickListener(e -> act("closed", () -> polls.close(pollId), null));
            remove.addClickListener(e -> act("removed", () -> polls.deleteDraft(pollId), null));
            Div actions = new Div(open, close, remove);
            actions.addClassName("cv-poll-actions");
            add(title, state, actions, results);
        }

        void update(Poll poll) {
            String kind = (poll.multiple() ? "More than one answer allowed" : "One answer each")
                    + (poll.anonymous() ? ", anonymous" : "");
            title.setText(poll.question());
            state.setText(switch (poll.state()) {
                case DRAFT -> "Not open yet. ";
                case OPEN -> "Open for answers. ";
                case CLOSED -> "Closed. ";
            } + kind + ". Answers: " + String.join(", ", poll.options().stream().map(o -> o.label()).toList()) + ".");
            open.setVisible(poll.state() == PollState.DRAFT);
            remove.setVisible(poll.state() == PollState.DRAFT);
            close.setVisible(poll.isOpen());
            results.removeAll();
            if (poll.state() != PollState.DRAFT) {
                results.add(new PollResultsView(poll));
            }
        }

        private void act(String done, Runnable action, @Nullable Button focusAfter) {
            try {
                action.run();
                status.setText("The poll “" + title.getText() + "” is " + done + ".");
                show(polls.board(sessionId));
                if (focusAfter != null) {
                    focusAfter.focus();
                } else {
                    status.getElement().setAttribute("tabindex", "-1");
                    status.getElement().callJsFunction("focus");
                }
            } catch (PollException | AccessDeniedException e) {
                status.setText(String.valueOf(e.getMessage()));
            }
        }
    }
}
