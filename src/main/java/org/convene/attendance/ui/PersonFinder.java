package org.convene.attendance.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import org.convene.attendance.PersonChoice;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * Finding an account by name or email: a text field and a Find button; the page searches (components do not call
 * services) and shows the accounts found as radio buttons, which a screen reader reads as a plain list.
 */
class PersonFinder extends Div {

    /** The person asked to find accounts matching the text. */
    static final class FindRequested extends ComponentEvent<PersonFinder> {
        private final String text;

        FindRequested(PersonFinder source, String text) {
            super(source, false);
            this.text = text;
        }

        String text() {
            return text;
        }
    }

    private final TextField search = new TextField();
    private final RadioButtonGroup<PersonChoice> found = new RadioButtonGroup<>();
    private final Paragraph none = new Paragraph();

    PersonFinder(String idPrefix, String label) {
        addClassName("cv-person-finder");
        search.setId(idPrefix + "-search");
        search.setLabel(label);
        search.setHelperText("Type part of their name or email, or the whole email address of anyone with an account.");
        Button find = new Button("Find", e -> fireEvent(new FindRequested(this, search.getValue())));
        find.setId(idPrefix + "-find");
        search.addKeyPressListener(Key.ENTER, e -> fireEvent(new FindRequested(this, search.getValue())));
        found.setId(idPrefix + "-found");
        found.setLabel("Accounts found");
        found.setItemLabelGenerator(PersonChoice::label);
        found.setVisible(false);
        none.setVisible(false);
        Div row = new Div(search, find);
        row.addClassName("cv-person-finder-row");
        add(row, found, none);
    }

    Registration onFind(ComponentEventListener<FindRequested> listener) {
        return addListener(FindRequested.class, listener);
    }

    /** The accounts found, or a sentence saying there were none (the page announces the count). */
    void show(List<PersonChoice> people, String text) {
        found.setItems(people);
        found.setVisible(!people.isEmpty());
        none.setVisible(people.isEmpty());
        none.setText(text.strip().length() < 2 ? "Type at least 2 letters."
                : "No account found for '" + text.strip() + "'. Try the whole email address.");
        if (people.size() == 1) {
            found.setValue(people.getFirst());
        }
    }

    @Nullable PersonChoice chosen() {
        return found.getValue();
    }

    RadioButtonGroup<PersonChoice> choices() {
        return found;
    }

    void reset() {
        search.clear();
        found.setItems(List.of());
        found.setVisible(false);
        none.setVisible(false);
    }
}
