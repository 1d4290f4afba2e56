package org.convene.organising.ui;

import org.convene.programme.ui.AdminCreatePage;
import org.convene.programme.ui.AdminPage;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.convene.core.security.Role;
import org.convene.core.ui.MainLayout;
import org.convene.organising.ConferenceAdminService;
import org.convene.organising.ConferenceEdit;
import org.convene.organising.ConferenceForm;
import org.convene.core.SaveResult;

/** Creating a conference: its details first; tracks are added on its page once it exists. */
@Route(value = "manage/conferences/new", layout = MainLayout.class)
@RolesAllowed(Role.Names.ORGANISER)
@StyleSheet(AdminPage.STYLES)
public class ConferenceCreateView extends AdminCreatePage<ConferenceFields, ConferenceForm, ConferenceEdit> {

    private final ConferenceAdminService admin;

    public ConferenceCreateView(ConferenceAdminService admin) {
        super("Create a conference", "Create conference");
        this.admin = admin;
    }

    @Override
    protected ConferenceFields newFields() {
        return new ConferenceFields();
    }

    @Override
    protected Component backToList() {
        return new Div(AdminPage.link("manage/conferences", "Back to conferences"));
    }

    @Override
    protected SaveResult<ConferenceEdit> create(ConferenceForm form) {
        return admin.createConference(form);
    }

    @Override
    protected void created(ConferenceEdit conference) {
        Notification.show("Created " + conference.name() + ".", 5000, Notification.Position.TOP_CENTER);
        UI.getCurrent().navigate(ConferenceEditView.class, new RouteParameters("slug", conference.slug()));
    }
}
