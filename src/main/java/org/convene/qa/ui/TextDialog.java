package org.convene.qa.ui;

import org.convene.qa.QaLimits;
import org.jspecify.annotations.Nullable;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import org.convene.qa.QuestionView;

/**
 * A moderation dialog that takes one text about a question: editing it before approval, a reason to dismiss it,
 * or a reply. It raises a {@link SubmitEvent}; the page acts, then closes it or shows {@link #problem} on the
 * field.
 */
final class TextDialog extends Dialog {

    private final TextArea field;

    private TextDialog(String title, TextArea field, String action, @Nullable Paragraph quoted) {
        this.field = field;
        setHeaderTitle(title);
        addClassName("cv-mod-dialog");
        field.setWidthFull();
        Button submit = new Button(action, e -> fireEvent(new SubmitEvent(this, field.getValue())));
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        if (quoted != null) {
            add(quoted);
        }
        add(field);
        getFooter().add(new Button("Cancel", e -> close()), submit);
    }

    static TextDialog edit(QuestionView question) {
        TextArea text = new TextArea("Question");
        text.setId("qa-edit-text");
        text.setValue(question.text());
        text.setMaxLength(QaLimits.QUESTION_MAX_LENGTH);
        text.setHelperText("Fix typos or remove personal details. Keep the asker's meaning.");
        return new TextDialog("Edit then approve", text, "Save and approve", null);
    }

    static TextDialog dismiss(QuestionView question) {
        TextArea reason = new TextArea("Reason (optional)");
        reason.setId("qa-dismiss-reason");
        reason.setHelperText("Only the person who asked will see it, for example: “This is covered in tomorrow's session.”");
        return new TextDialog("Dismiss this question", reason, "Dismiss question", quoted(question));
    }

    static TextDialog reply(QuestionView question) {
        TextArea reply = new TextArea("Your reply");
        reply.setId("qa-reply-text");
        reply.setHelperText("Everyone who can see the question will see your reply, with your name.");
        return new TextDialog("Reply to this question", reply, "Send reply", quoted(question));
    }

    /** The question the dialog is about, as its asker wrote it. */
    static Paragraph quoted(QuestionView question) {
        Paragraph text = new Paragraph(question.text());
        text.addClassNames("cv-question-text", "cv-mod-dialog-question");
        return text;
    }

    /** Opens with the focus in the field. */
    void show() {
        open();
        field.focus();
    }

    /** A problem with what was typed: said on the field, and the dialog stays open. */
    void problem(String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        field.focus();
    }

    Registration addSubmitListener(ComponentEventListener<SubmitEvent> listener) {
        return addListener(SubmitEvent.class, listener);
    }

    static final class SubmitEvent extends ComponentEvent<TextDialog> {

        private final String text;

        SubmitEvent(TextDialog source, String text) {
            super(source, true);
            this.text = text;
        }

        String text() {
            return text;
        }
    }
}
