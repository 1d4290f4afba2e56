package org.convene.polls.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.FieldSet;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.shared.Registration;
import org.convene.core.ui.PoliteStatus;
import org.convene.polls.Poll;
import org.convene.polls.PollOption;
import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One open poll as a form: a fieldset whose legend is the question, native radio buttons (one answer) or
 * checkboxes (several), and a Submit button. Arrow keys move between radio buttons and Space ticks a checkbox, as
 * in any web form. The page saves the answer ({@link AnswerEvent}) and calls {@link #saved} or {@link #refused}.
 */
class PollForm extends Div {

    /** The person pressed Submit with these options (their positions) chosen. */
    static final class AnswerEvent extends ComponentEvent<PollForm> {
        private final Set<Integer> choices;

        AnswerEvent(PollForm source, Set<Integer> choices) {
            super(source, true);
            this.choices = Set.copyOf(choices);
        }

        Set<Integer> choices() {
            return choices;
        }
    }

    private final Poll poll;
    private final Map<Integer, Input> inputs = new LinkedHashMap<>();
    private final FieldSet fieldSet = new FieldSet();
    private final Paragraph error = new Paragraph();
    private final PoliteStatus status = new PoliteStatus();
    private final Button submit = new Button();
    private @Nullable Integer lastTicked;

    PollForm(Poll poll, Set<Integer> mine) {
        this.poll = poll;
        String prefix = "poll-" + poll.id();
        setId(prefix);
        addClassName("cv-poll-form");
        fieldSet.setLegendText(poll.question());
        fieldSet.addClassName("cv-poll-fieldset");
        Paragraph hint = new Paragraph(poll.multiple() ? "Choose all the answers that apply." : "Choose one answer.");
        hint.setId(prefix + "-hint");
        hint.addClassName("cv-hint");
        error.setId(prefix + "-error");
        error.addClassName("cv-error-message");
        error.setVisible(false);
        fieldSet.getElement().setAttribute("aria-describedby", hint.getId().orElseThrow());
        fieldSet.add(hint, error);
        for (PollOption option : poll.options()) {
            Input input = new Input();
            input.setType(poll.multiple() ? "checkbox" : "radio");
            String id = prefix + "-option-" + option.position();
            input.setId(id);
            input.getElement().setAttribute("name", prefix);
            input.setValue(Integer.toString(option.position()));
            input.getElement().setProperty("checked", mine.contains(option.position()));
            // The browser unticks the other radio buttons without telling us, so the one ticked last is the
            // answer. Unticking them here too would echo back to the browser and could untick a newer choice.
            int position = option.position();
            input.getElement().addPropertyChangeListener("checked", "change", e -> {
                if (input.getElement().getProperty("checked", false)) {
                    lastTicked = position;
                }
            });
            inputs.put(option.position(), input);
            NativeLabel label = new NativeLabel(option.label());
            label.setFor(id);
            Div choice = new Div(input, label);
            choice.addClassName("cv-poll-choice");
            fieldSet.add(choice);
        }
        submit.setText(mine.isEmpty() ? "Submit answer" : "Change answer");
        submit.setId(prefix + "-submit");
        submit.addClickListener(e -> fireEvent(new AnswerEvent(this, chosen())));
        status.setId(prefix + "-status");
        status.addClassName("cv-poll-status");
        if (!mine.isEmpty()) {
            status.setText(yourAnswer(mine));
        }
        add(fieldSet, submit, status);
    }

    long pollId() {
        return poll.id();
    }

    Registration addAnswerListener(ComponentEventListener<AnswerEvent> listener) {
        return addListener(AnswerEvent.class, listener);
    }

    /** Ticks the options as a person would (for tests and for showing a saved answer). */
    void choose(Set<Integer> positions) {
        inputs.forEach((position, input) -> input.getElement().setProperty("checked", positions.contains(position)));
        lastTicked = positions.stream().findFirst().orElse(null);
    }

    Set<Integer> chosen() {
        Integer last = lastTicked;
        if (!poll.multiple() && last != null) {
            Input input = inputs.get(last);
            if (input != null && input.getElement().getProperty("checked", false)) {
                return Set.of(last);
            }
        }
        Set<Integer> chosen = new TreeSet<>();
        inputs.forEach((position, input) -> {
            if (input.getElement().getProperty("checked", false)) {
                chosen.add(position);
            }
        });
        return chosen;
    }

    void saved(Set<Integer> choices) {
        error.setVisible(false);
        fieldSet.getElement().setAttribute("aria-describedby", "poll-" + poll.id() + "-hint");
        submit.setText("Change answer");
        status.setText("Thank you. " + yourAnswer(choices));
    }

    void refused(String message) {
        error.setText("Error: " + message);
        error.setVisible(true);
        fieldSet.getElement().setAttribute("aria-describedby", "poll-" + poll.id() + "-hint poll-" + poll.id() + "-error");
        status.setText("");
        inputs.values().stream().findFirst().ifPresent(Input::focus);
    }

    String statusText() {
        return status.getText();
    }

    String errorText() {
        return error.isVisible() ? error.getText() : "";
    }

    private String yourAnswer(Set<Integer> choices) {
        String labels = String.join(", ", choices.stream().map(poll::label).toList());
        return "Your answer is saved: " + labels + ". You can change it until the poll closes.";
    }
}
