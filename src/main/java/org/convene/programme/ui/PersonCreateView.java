package org.convene.programme.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.convene.core.security.Role;
import org.convene.core.ui.MainLayout;
import org.convene.programme.ConferenceAdminService;
import org.convene.programme.PersonEdit;
import org.convene.programme.PersonForm;
import org.convene.programme.SaveResult;

/** Adding a speaker or facilitator. */
@Route(value = "manage/people/new", layout = MainLayout.class)
@RolesAllowed(Role.Names.ORGANISER)
@StyleSheet(AdminPage.STYLES)
public class PersonCreateView extends AdminCreatePage<PersonFields, PersonForm, PersonEdit> {

    private final ConferenceAdminService admin;

    public PersonCreateView(ConferenceAdminService admin) {
        super("Add a person", "Add person");
        this.admin = admin;
    }

    @Override
    PersonFields newFields() {
        return new PersonFields();
    }

    @Override
    Component backToList() {
        return new Paragraph(AdminPage.link("manage/people", "Back to speakers and facilitators"));
    }

    @Override
    SaveResult<PersonEdit> create(PersonForm form) {
        return admin.createPerson(form);
    }

    @Override
    void created(PersonEdit person) {
        Notification.show("Added " + person.name() + ".", 5000, Notification.Position.TOP_CENTER);
        UI.getCurrent().navigate(PersonEditView.class, new RouteParameters("id", Long.toString(person.id())));
    }
}
