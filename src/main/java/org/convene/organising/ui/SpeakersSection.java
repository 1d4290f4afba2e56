package org.convene.organising.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.shared.Registration;
import org.convene.organising.AssignedPerson;

import java.util.List;

/** The session's speakers, each with a Remove button, and adding one chosen from the list of people. */
final class SpeakersSection extends Section {

    /** Finds people whose name contains the filter, a page at a time: the view asks the service. */
    @FunctionalInterface
    interface PeopleSearch {
        List<AssignedPerson> find(String filter, int offset, int limit);
    }

    private final ComboBox<AssignedPerson> choice = new ComboBox<>("Person");
    private Component people = new Paragraph();

    SpeakersSection(PeopleSearch search) {
        setId("speakers");
        choice.setId("speaker");
        choice.setHelperText("Type part of a name to find them in the list of people.");
        choice.setItemLabelGenerator(p -> p.organisation() == null ? p.name()
                : p.name() + " (" + p.organisation() + ")");
        choice.setItems(query -> search.find(query.getFilter().orElse(""), query.getOffset(), query.getLimit())
                .stream());
        Button add = new Button("Add a speaker",
                e -> fireEvent(new PersonEvent<>(this, PersonEvent.Change.ADD, choice.getValue(), null)));
        add.setId("add-speaker");
        Div addRow = new Div(choice, add);
        addRow.addClassName("cv-search-row");
        add(new H2("Speakers"), people, addRow);
    }

    /** Shows these speakers, with nobody chosen to add. */
    void show(List<AssignedPerson> speakers) {
        choice.clear();
        Component next = speakers.isEmpty() ? new Paragraph("No speakers yet.")
                : PeopleList.of(speakers, "speaker",
                person -> fireEvent(new PersonEvent<>(this, PersonEvent.Change.REMOVE, person, null)));
        replace(people, next);
        people = next;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Registration addPersonListener(ComponentEventListener<PersonEvent<SpeakersSection>> listener) {
        return addListener((Class) PersonEvent.class, (ComponentEventListener) listener);
    }
}
