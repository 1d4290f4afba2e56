package org.convene.organising.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.convene.organising.AssignedPerson;

import java.util.List;
import java.util.function.Consumer;

/** The people a session has in one role, each with a Remove button that names them for screen readers. */
final class PeopleList {

    private PeopleList() {
    }

    static UnorderedList of(List<AssignedPerson> people, String role, Consumer<AssignedPerson> remove) {
        UnorderedList list = new UnorderedList();
        list.addClassName("cv-people-list");
        for (AssignedPerson person : people) {
            Button button = new Button("Remove", e -> remove.accept(person));
            button.setAriaLabel("Remove " + person.name() + " as a " + role);
            list.add(new ListItem(new Span(person.name()), button));
        }
        return list;
    }
}
