package org.convene.polls.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.FieldSet;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Paragraph;
import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A question with one answer: a fieldset whose legend is the question and a native radio button with a visible
 * label per answer. Arrow keys move between the answers, as in any web form.
 */
class ChoiceFieldSet<T> extends FieldSet {

    private final Map<T, Input> inputs = new LinkedHashMap<>();
    private final Paragraph error = new Paragraph();
    private final String idPrefix;
    private @Nullable T lastTicked;

    /** @param choices each answer's value and its words, in the order shown */
    ChoiceFieldSet(String idPrefix, String legend, Map<T, String> choices) {
        this.idPrefix = idPrefix;
        setId(idPrefix);
        setLegendText(legend);
        addClassName("cv-choice-fieldset");
        error.setId(idPrefix + "-error");
        error.addClassName("cv-error-message");
        error.setVisible(false);
        add(error);
        int n = 0;
        for (Map.Entry<T, String> choice : choices.entrySet()) {
            n++;
            Input input = new Input();
            input.setType("radio");
            String id = idPrefix + "-" + n;
            input.setId(id);
            input.getElement().setAttribute("name", idPrefix);
            input.setValue(Integer.toString(n));
            // the browser unticks the others without telling us: the one ticked last is the answer (unticking
            // them here would echo back to the browser and could untick a newer choice)
            T value = choice.getKey();
            input.getElement().addPropertyChangeListener("checked", "change", e -> {
                if (input.getElement().getProperty("checked", false)) {
                    lastTicked = value;
                }
            });
            inputs.put(choice.getKey(), input);
            NativeLabel label = new NativeLabel(choice.getValue());
            label.setFor(id);
            Div row = new Div(input, label);
            row.addClassName("cv-poll-choice");
            add(row);
        }
    }

    /** The first answer's id: where an error summary's link leads. */
    String firstInputId() {
        return idPrefix + "-1";
    }

    @Nullable T getValue() {
        T last = lastTicked;
        if (last != null) {
            Input input = inputs.get(last);
            if (input != null && input.getElement().getProperty("checked", false)) {
                return last;
            }
        }
        for (Map.Entry<T, Input> entry : inputs.entrySet()) {
            if (entry.getValue().getElement().getProperty("checked", false)) {
                return entry.getKey();
            }
        }
        return null;
    }

    void setValue(@Nullable T value) {
        lastTicked = value;
        inputs.forEach((key, input) -> input.getElement().setProperty("checked", key.equals(value)));
    }

    void setError(@Nullable String message) {
        error.setText(message == null ? "" : "Error: " + message);
        error.setVisible(message != null);
        if (message == null) {
            getElement().removeAttribute("aria-describedby");
        } else {
            getElement().setAttribute("aria-describedby", error.getId().orElseThrow());
        }
    }
}
