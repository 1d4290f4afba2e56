package org.convene.qa.ui;

import org.convene.qa.QaLimits;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import org.convene.core.ui.ErrorSummary;
import org.convene.qa.QaBoard;
import org.jspecify.annotations.Nullable;

/**
 * The Q&A panel's "Ask a question" section: the question with its character counter, asking anonymously, and
 * what happened to the last question asked. It raises an {@link AskEvent}; the panel asks the service and then
 * calls {@link #sent} or {@link #refused}.
 */
final class AskForm extends Div {

    /** The counter is announced only this close to the limit: every keystroke would drown everything else. */
    static final int ANNOUNCE_COUNTER_BELOW = 50;
    static final String SENT = "Your question was sent.";
    static final String SENT_FOR_CHECKING = "Your question was sent. A facilitator will check it before everyone can see it.";

    private final Paragraph askStatus = new Paragraph();
    private final Div askArea = new Div();
    private final Paragraph loginPrompt = new Paragraph();
    private final Paragraph overNote = new Paragraph("This session has ended, so it no longer takes questions.");
    /**
     * Built when the reader may first ask. In a plenary most pages are signed out and never show it; a hidden
     * field would still cost each of them its memory, and Vaadin keeps re-checking, on every push, the browser
     * calls the field made while it was hidden.
     */
    private @Nullable Fields fields;

    AskForm() {
        addClassName("cv-qa-ask");
        H3 heading = new H3("Ask a question");
        askStatus.addClassName("cv-qa-ask-status");
        askStatus.getElement().setAttribute("role", "status");

        Anchor login = new Anchor("login", "Log in to ask or vote");
        login.getElement().setAttribute("router-link", "");
        loginPrompt.add(login);

        askArea.add(loginPrompt, overNote);
        add(heading, askArea, askStatus);
    }

    Registration addAskListener(ComponentEventListener<AskEvent> listener) {
        return addListener(AskEvent.class, listener);
    }

    /** The question went out: the field empties and the status says whether a facilitator checks it first. */
    void sent(boolean waitsForChecking) {
        if (fields != null) {
            fields.errorSummary.clear(fields.questionField);
            fields.questionField.clear();
        }
        askStatus.setText(waitsForChecking ? SENT_FOR_CHECKING : SENT);
    }

    /** The service's words (on what was typed, or why the session takes no question now), on the field and in
     * the summary; what was typed stays. */
    void refused(String message) {
        if (fields != null) {
            fields.errorSummary.show(fields.questionField, message);
        }
    }

    /** Who may ask now, and how. */
    void update(QaBoard board) {
        boolean canAsk = board.signedIn() && !board.sessionOver();
        if (canAsk && fields == null) {
            fields = new Fields();
            askArea.addComponentAsFirst(fields.form);
        }
        if (fields != null) {
            fields.form.setVisible(canAsk);
            // a ticked box stays visible when anonymity is switched off, so the refusal that follows makes sense
            // and nobody's question goes out with their name by surprise
            fields.anonymous.setVisible(board.settings().anonymousAllowed() || fields.anonymous.getValue());
            fields.preModerationNote.setVisible(board.settings().preModeration());
        }
        loginPrompt.setVisible(!board.signedIn() && !board.sessionOver());
        overNote.setVisible(board.sessionOver());
    }

    String status() {
        return askStatus.getText();
    }

    String counterAnnouncement() {
        return fields == null ? "" : fields.counterAnnouncer.getText();
    }

    String errorSummary() {
        return fields != null && fields.errorSummary.isVisible() ? fields.errorSummary.text() : "";
    }

    /** The question, its counter, the anonymity choice and the button. */
    private final class Fields {
        final ErrorSummary errorSummary = new ErrorSummary(4);
        final TextArea questionField = new TextArea("Your question");
        final Div counterAnnouncer = new Div();
        final Checkbox anonymous = new Checkbox("Ask anonymously");
        final Paragraph preModerationNote = new Paragraph("A facilitator checks each question before everyone can see it.");
        final Div form = new Div();

        Fields() {
            questionField.setId("qa-question");
            questionField.setMaxLength(QaLimits.QUESTION_MAX_LENGTH);
            questionField.setWidthFull();
            questionField.setValueChangeMode(ValueChangeMode.LAZY);
            questionField.addValueChangeListener(e -> showCounter());
            counterAnnouncer.addClassName("cv-visually-hidden");
            counterAnnouncer.getElement().setAttribute("aria-live", "polite");
            showCounter();

            anonymous.setId("qa-anonymous");
            anonymous.setHelperText("Not even the facilitators will see your name.");
            preModerationNote.addClassName("cv-muted");
            Button askButton = new Button("Ask");
            askButton.addThemeVariants(ButtonVariant.PRIMARY);
            askButton.addClickListener(e -> {
                askStatus.setText("");
                fireEvent(new AskEvent(AskForm.this, questionField.getValue(), anonymous.getValue()));
            });

            form.addClassNames("cv-form", "cv-qa-form");
            form.add(errorSummary, questionField, counterAnnouncer, anonymous, preModerationNote, askButton);
        }

        private void showCounter() {
            String value = questionField.getValue() == null ? "" : questionField.getValue();
            int left = QaLimits.QUESTION_MAX_LENGTH - value.codePointCount(0, value.length());
            String text = left >= 0
                    ? (left == 1 ? "1 character left" : left + " characters left")
                    : (left == -1 ? "1 character too many" : -left + " characters too many");
            questionField.setHelperText(text);
            counterAnnouncer.setText(left < ANNOUNCE_COUNTER_BELOW ? text : "");
        }
    }

    /** Someone asked the question typed in the form. */
    static final class AskEvent extends ComponentEvent<AskForm> {

        private final String text;
        private final boolean anonymous;

        AskEvent(AskForm source, String text, boolean anonymous) {
            super(source, true);
            this.text = text;
            this.anonymous = anonymous;
        }

        String text() {
            return text;
        }

        boolean anonymous() {
            return anonymous;
        }
    }
}
