package org.convene.qa.ui;

import org.convene.qa.QaFields;
import org.convene.qa.QaLimits;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

import java.util.Map;
import org.convene.core.ui.ErrorSummary;

/** Adding a question someone sent in by phone or email. Raises an {@link AddEvent}; the page adds it. */
final class OnBehalfForm extends Section {

    private final ErrorSummary errors = new ErrorSummary(3);
    private final TextArea text = new TextArea("Question");
    private final TextField from = new TextField("From (optional)");

    OnBehalfForm() {
        text.setId("qa-behalf-text");
        text.setMaxLength(QaLimits.QUESTION_MAX_LENGTH);
        text.setWidthFull();
        from.setId("qa-behalf-from");
        from.setHelperText("Their name as they would like it shown. Leave it empty to show no name.");
        Button add = new Button("Add question", e -> {
            errors.clear(text);
            from.setInvalid(false);
            fireEvent(new AddEvent(this, text.getValue(), from.getValue()));
        });
        Div form = new Div(errors, text, from, add);
        form.addClassName("cv-form");
        add(new H2("Add a question sent in by phone or email"),
                new Paragraph("It is public at once, marked as sent in."), form);
    }

    void added() {
        text.clear();
        from.clear();
    }

    /** The session refused it as a whole (questions closed, say): said on the question. */
    void refused(String message) {
        errors.show(text, message);
    }

    /** What was typed cannot be stored: each message beside its field, what was typed stays. */
    void invalid(Map<String, String> problems) {
        errors.show(ErrorSummary.problems(problems, Map.of(QaFields.TEXT, text, QaFields.ON_BEHALF_OF, from)));
    }

    Registration addAddListener(ComponentEventListener<AddEvent> listener) {
        return addListener(AddEvent.class, listener);
    }

    static final class AddEvent extends ComponentEvent<OnBehalfForm> {

        private final String text;
        private final String from;

        AddEvent(OnBehalfForm source, String text, String from) {
            super(source, true);
            this.text = text;
            this.from = from;
        }

        String text() {
            return text;
        }

        String from() {
            return from;
        }
    }
}
