package org.convene.accesshelp.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;
import org.convene.accesshelp.AccessHelpLimits;
import org.convene.accesshelp.HelpKind;
import org.jspecify.annotations.Nullable;

/**
 * "Tell the facilitator" on the session page: one button per {@link HelpKind}, and for "Something else" a short
 * optional note. What happened is said in a polite live region that exists from the start and never takes focus.
 * The component only raises the press; its section sends it and says how it went.
 */
@StyleSheet("styles/access-help.css")
final class HelpButtons extends Section {

    static final String SENT = "Sent. The facilitators can see it.";
    static final String SENT_AGAIN = "Sent again. The facilitators can see it.";

    /** What became of a press. */
    sealed interface Reply {
        record Sent() implements Reply {
        }

        /** The note cannot be stored; nothing was sent. */
        record NoteProblem(String message) implements Reply {
        }

        /** Not sent, for a reason the attendee is told (too many, session over). */
        record Refused(String message) implements Reply {
        }
    }

    @FunctionalInterface
    interface Sender {
        Reply send(HelpKind kind, @Nullable String note);
    }

    private final Paragraph status = new Paragraph();
    private final TextField note = new TextField("What is wrong? (optional)");
    private final Div noteForm = new Div();
    private final Sender sender;

    /** For someone signed in: the buttons. */
    HelpButtons(Sender sender) {
        this.sender = sender;
        heading();
        add(new Paragraph("Press a button to tell the session’s facilitators privately. They do not see your name."));
        Div buttons = new Div();
        buttons.addClassName("cv-help-buttons");
        for (HelpKind kind : HelpKind.values()) {
            Button button = new Button(kind.label());
            button.setId("help-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            if (kind == HelpKind.SOMETHING_ELSE) {
                button.getElement().setAttribute("aria-expanded", "false");
                button.getElement().setAttribute("aria-controls", "help-note-form");
                button.addClickListener(e -> toggleNote(button));
            } else {
                button.addClickListener(e -> send(kind, null));
            }
            buttons.add(button);
        }
        note.setId("help-note");
        note.setMaxLength(AccessHelpLimits.TEXT_MAX);
        note.setHelperText("Up to " + AccessHelpLimits.TEXT_MAX + " characters. For example: the slides are too small.");
        note.setWidthFull();
        Button sendNote = new Button("Send", e -> send(HelpKind.SOMETHING_ELSE, note.getValue()));
        sendNote.setId("help-note-send");
        sendNote.addThemeVariants(ButtonVariant.PRIMARY);
        note.addKeyPressListener(Key.ENTER, e -> send(HelpKind.SOMETHING_ELSE, note.getValue()));
        noteForm.setId("help-note-form");
        noteForm.addClassName("cv-help-note");
        noteForm.add(note, sendNote);
        noteForm.setVisible(false);
        add(buttons, noteForm);
        liveStatus();
    }

    /** For someone not signed in: why they cannot press, and the way to log in. */
    HelpButtons() {
        this.sender = (kind, text) -> new Reply.Refused("Log in to tell the facilitator.");
        heading();
        Anchor login = new Anchor("login", "Log in to tell the facilitator");
        login.getElement().setAttribute("router-link", "");
        add(new Paragraph(new com.vaadin.flow.component.Text("If the captions stop, you cannot hear, or anything else "
                + "gets in your way, you can tell the session’s facilitators privately. "), login,
                new com.vaadin.flow.component.Text(".")));
        liveStatus();
    }

    private void heading() {
        setId("access-help");
        addClassName("cv-access-help");
        H2 heading = new H2("Tell the facilitator");
        heading.setId("access-help-heading");
        getElement().setAttribute("aria-labelledby", "access-help-heading");
        add(heading);
    }

    private void liveStatus() {
        status.setId("help-status");
        status.addClassName("cv-help-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        add(status);
    }

    private void toggleNote(Button button) {
        boolean open = !noteForm.isVisible();
        noteForm.setVisible(open);
        button.getElement().setAttribute("aria-expanded", Boolean.toString(open));
        if (open) {
            note.focus();
        }
    }

    private void send(HelpKind kind, @Nullable String text) {
        Reply reply = sender.send(kind, text);
        switch (reply) {
            case Reply.Sent sent -> {
                say(SENT.equals(status.getText()) || SENT_AGAIN.equals(status.getText()) ? againOf(status.getText()) : SENT);
                if (kind == HelpKind.SOMETHING_ELSE) {
                    note.clear();
                    note.setInvalid(false);
                }
            }
            case Reply.NoteProblem problem -> {
                note.setErrorMessage(problem.message());
                note.setInvalid(true);
                say(problem.message());
            }
            case Reply.Refused refused -> say(refused.message());
        }
    }

    /** The same words twice are not read out again, so a second signal in a row says "again". */
    private static String againOf(String last) {
        return SENT.equals(last) ? SENT_AGAIN : SENT;
    }

    private void say(String text) {
        status.setText(text);
    }

    String statusText() {
        return status.getText();
    }
}
