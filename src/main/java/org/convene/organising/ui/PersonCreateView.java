package org.convene.organising.ui;

import org.convene.programme.ui.AdminCreatePage;
import org.convene.programme.ui.AdminPage;

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
import org.convene.organising.PersonAdminService;
import org.convene.organising.PersonEdit;
import org.convene.organising.PersonForm;
import org.convene.core.SaveResult;

/** Adding a speaker or facilitator. */
@Route(value = "manage/people/new", layout = MainLayout.class)
@RolesAllowed(Role.Names.ORGANISER)
@StyleSheet(AdminPage.STYLES)
public class PersonCreateView extends AdminCreatePage<PersonFields, PersonForm, PersonEdit> {

    private final PersonAdminService admin;

    public PersonCreateView(PersonAdminService admin) {
        super("Add a person", "Add person");
        this.admin = admin;
    }

    @Override
    protected PersonFields newFields() {
        return new PersonFields();
    }

    @Override
    protected Component backToList() {
        return new Paragraph(AdminPage.link("manage/people", "Back to speakers and facilitators"));
    }

    @Override
    protected SaveResult<PersonEdit> create(PersonForm form) {
        return admin.createPerson(form);
    }

    @Override
    protected void created(PersonEdit person) {
        Notification.show("Added " + person.name() + ".", 5000, Notification.Position.TOP_CENTER);
        UI.getCurrent().navigate(PersonEditView.class, new RouteParameters("id", Long.toString(person.id())));
    }
}
