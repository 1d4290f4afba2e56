package org.convene.organising.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import org.convene.core.ui.ErrorSummary;
import org.convene.organising.AssignedPerson;

import java.util.List;

/**
 * The session's facilitators (or its captioners: the same rules, a confirmed account), each with a Remove button,
 * and adding one by their account's email address.
 */
final class FacilitatorsSection extends Section {

    private final ErrorSummary errors = new ErrorSummary(3);
    private final TextField email = new TextField("Email address");
    private final String kind;
    private Component people = new Paragraph();

    FacilitatorsSection() {
        this("facilitator", "Facilitators", "Facilitators run the session and moderate its questions.");
    }

    /** The session's captioners: they send its live captions. */
    static FacilitatorsSection captioners() {
        return new FacilitatorsSection("captioner", "Captioners",
                "Captioners type the session's live captions. Facilitators and organisers may send captions too.");
    }

    private FacilitatorsSection(String kind, String heading, String explanation) {
        this.kind = kind;
        setId(kind + "s");
        email.setId(kind + "-email");
        email.setHelperText("They need a Convene account with this email address.");
        email.setManualValidation(true);
        Button add = new Button("Add a " + kind, e -> {
            errors.clear(email);
            fireEvent(new PersonEvent<>(this, PersonEvent.Change.ADD, null, email.getValue()));
        });
        add.setId("add-" + kind);
        add.addClickShortcut(Key.ENTER).listenOn(email).resetFocusOnActiveElement();
        Div addRow = new Div(email, add);
        addRow.addClassName("cv-search-row");
        add(new H2(heading), new Paragraph(explanation), people, errors, addRow);
    }

    /** Shows these facilitators, with the email field empty. */
    void show(List<AssignedPerson> facilitators) {
        email.clear();
        Component next = facilitators.isEmpty() ? new Paragraph("No " + kind + "s yet.")
                : PeopleList.of(facilitators, kind,
                person -> fireEvent(new PersonEvent<>(this, PersonEvent.Change.REMOVE, person, null)));
        replace(people, next);
        people = next;
    }

    /** A new session page starts without the last one's problem. */
    void clearProblem() {
        errors.clear(email);
    }

    /** Why the email address cannot be added, on the field. */
    void refused(String message) {
        errors.show(email, message);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Registration addPersonListener(ComponentEventListener<PersonEvent<FacilitatorsSection>> listener) {
        return addListener((Class) PersonEvent.class, (ComponentEventListener) listener);
    }
}
