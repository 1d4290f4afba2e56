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
import org.convene.organising.HostAdminService;
import org.convene.organising.HostEdit;
import org.convene.organising.HostForm;
import org.convene.core.SaveResult;

/** Adding a host organisation; its coordinators are invited from its page once it exists. */
@Route(value = "manage/hosts/new", layout = MainLayout.class)
@RolesAllowed(Role.Names.ORGANISER)
@StyleSheet(AdminPage.STYLES)
public class HostCreateView extends AdminCreatePage<HostFields, HostForm, HostEdit> {

    private final HostAdminService admin;

    public HostCreateView(HostAdminService admin) {
        super("Add a host organisation", "Add organisation");
        this.admin = admin;
    }

    @Override
    protected HostFields newFields() {
        return new HostFields();
    }

    @Override
    protected Component backToList() {
        return new Paragraph(AdminPage.link("manage/hosts", "Back to host organisations"));
    }

    @Override
    protected SaveResult<HostEdit> create(HostForm form) {
        return admin.createHost(form);
    }

    @Override
    protected void created(HostEdit host) {
        Notification.show("Added " + host.name() + ".", 5000, Notification.Position.TOP_CENTER);
        UI.getCurrent().navigate(HostEditView.class, new RouteParameters("id", Long.toString(host.id())));
    }
}
