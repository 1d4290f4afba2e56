package org.convene.programme.ui;

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
import org.convene.programme.ConferenceAdminService;
import org.convene.programme.ConferenceEdit;
import org.convene.programme.ConferenceForm;
import org.convene.programme.SaveResult;

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
    ConferenceFields newFields() {
        return new ConferenceFields();
    }

    @Override
    Component backToList() {
        return new Div(AdminPage.link("manage/conferences", "Back to conferences"));
    }

    @Override
    SaveResult<ConferenceEdit> create(ConferenceForm form) {
        return admin.createConference(form);
    }

    @Override
    void created(ConferenceEdit conference) {
        Notification.show("Created " + conference.name() + ".", 5000, Notification.Position.TOP_CENTER);
        UI.getCurrent().navigate(ConferenceEditView.class, new RouteParameters("slug", conference.slug()));
    }
}
