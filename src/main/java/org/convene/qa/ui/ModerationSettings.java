package org.convene.qa.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.shared.Registration;
import org.convene.qa.QaSettings;

/**
 * The session's Q&A switches. Each change raises a {@link ChangeEvent} with all three; the page saves them and
 * says so with {@link #saved}, or puts them back with {@link #refused}.
 */
final class ModerationSettings extends Section {

    private final Checkbox open = new Checkbox("Take questions");
    private final Checkbox preModeration = new Checkbox("Check questions before everyone sees them");
    private final Checkbox anonymousAllowed = new Checkbox("Allow anonymous questions");
    private final Paragraph status = new Paragraph();
    /** Set while the boxes show saved settings, which is not a change by the person. */
    private boolean showing;

    ModerationSettings() {
        open.setId("qa-open");
        open.setHelperText("When this is off, nobody can ask. Everyone can still read and vote.");
        preModeration.setId("qa-pre-moderation");
        preModeration.setHelperText("New questions wait below until you approve them.");
        anonymousAllowed.setId("qa-anonymous-allowed");
        anonymousAllowed.setHelperText("People can ask without their name being shown to anyone, you included.");
        open.addValueChangeListener(e -> changed(open, e.getValue() ? "Questions are open." : "Questions are closed."));
        preModeration.addValueChangeListener(e -> changed(preModeration, e.getValue()
                ? "Pre-moderation is on: new questions wait for approval."
                : "Pre-moderation is off: new questions are public at once."));
        anonymousAllowed.addValueChangeListener(e -> changed(anonymousAllowed, e.getValue()
                ? "Anonymous questions are allowed." : "Anonymous questions are not allowed."));
        status.addClassName("cv-mod-settings-status");
        status.getElement().setAttribute("role", "status");
        Div switches = new Div(open, preModeration, anonymousAllowed);
        switches.addClassName("cv-mod-switches");
        add(new H2("Settings"), switches, status);
    }

    void show(QaSettings settings) {
        showing = true;
        try {
            open.setValue(settings.open());
            preModeration.setValue(settings.preModeration());
            anonymousAllowed.setValue(settings.anonymousAllowed());
        } finally {
            showing = false;
        }
    }

    void saved(QaSettings settings, String confirmation) {
        status.setText("Saved. " + confirmation);
        show(settings);
    }

    /** Says why, shows the settings as they still are, and puts the focus back on the box that was changed. */
    void refused(String message, QaSettings settings, ChangeEvent change) {
        status.setText(message);
        show(settings);
        change.changed.focus();
    }

    String status() {
        return status.getElement().getText();
    }

    Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    private void changed(Checkbox box, String confirmation) {
        if (!showing) {
            fireEvent(new ChangeEvent(this, box, confirmation));
        }
    }

    /** Someone switched one of the settings: the event carries all three as they are now. */
    static final class ChangeEvent extends ComponentEvent<ModerationSettings> {

        private final Checkbox changed;
        private final String confirmation;

        ChangeEvent(ModerationSettings source, Checkbox changed, String confirmation) {
            super(source, true);
            this.changed = changed;
            this.confirmation = confirmation;
        }

        boolean open() {
            return getSource().open.getValue();
        }

        boolean preModeration() {
            return getSource().preModeration.getValue();
        }

        boolean anonymousAllowed() {
            return getSource().anonymousAllowed.getValue();
        }

        String confirmation() {
            return confirmation;
        }
    }
}
