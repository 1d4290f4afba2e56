package org.convene.organising.ui;

import org.jspecify.annotations.Nullable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import org.convene.organising.AssignedPerson;

/**
 * Someone asked to add or remove a person in one of the session editor's people sections. The editor makes the
 * change and redraws the sections.
 *
 * @param <C> the section
 */
class PersonEvent<C extends Component> extends ComponentEvent<C> {

    enum Change { ADD, REMOVE }

    private final Change change;
    private final @Nullable AssignedPerson person;
    private final @Nullable String email;

    /**
     * @param person the person removed or chosen to add; null when adding by email, or when nobody was chosen
     * @param email  the email address typed to add someone by, or null
     */
    PersonEvent(C source, Change change, @Nullable AssignedPerson person, @Nullable String email) {
        super(source, true);
        this.change = change;
        this.person = person;
        this.email = email;
    }

    Change change() {
        return change;
    }

    @Nullable AssignedPerson person() {
        return person;
    }

    @Nullable String email() {
        return email;
    }
}
