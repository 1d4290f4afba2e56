package org.convene.programme.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.convene.core.security.Role;
import org.convene.core.ui.ErrorSummary;
import org.convene.core.ui.MainLayout;
import org.convene.programme.ConferenceAdminService;
import org.convene.programme.HostEdit;
import org.convene.programme.SaveResult;

/** Adding a host organisation; its coordinators are invited from its page once it exists. */
@Route(value = "manage/hosts/new", layout = MainLayout.class)
@RolesAllowed(Role.Names.ORGANISER)
@StyleSheet(AdminPage.STYLES)
public class HostCreateView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ConferenceAdminService admin;
    private final ErrorSummary errors = new ErrorSummary();
    private HostFields fields;
    private boolean showingErrors;

    public HostCreateView(ConferenceAdminService admin) {
        this.admin = admin;
        addClassName("cv-narrow");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        showingErrors = false;
        fields = new HostFields();
        errors.clear(fields.fields().values());
        Button save = new Button("Add organisation", e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        add(AdminPage.backToManage(), errors, new H1("Add a host organisation"), fields, save,
                new Paragraph(AdminPage.link("manage/hosts", "Back to host organisations")));
    }

    private void save() {
        errors.clear(fields.fields().values());
        switch (admin.createHost(fields.read())) {
            case SaveResult.Saved<HostEdit> saved -> {
                Notification.show("Added " + saved.value().name() + ".", 5000, Notification.Position.TOP_CENTER);
                UI.getCurrent().navigate(HostEditView.class,
                        new RouteParameters("id", Long.toString(saved.value().id())));
            }
            case SaveResult.Invalid<HostEdit> invalid -> {
                showingErrors = true;
                errors.show(ErrorSummary.problems(invalid.problems(), fields.fields()));
                UI.getCurrent().getPage().setTitle(getPageTitle());
            }
            case SaveResult.Conflict<HostEdit> conflict ->
                    throw new IllegalStateException("A new organisation has no earlier version");
        }
    }

    ErrorSummary errors() {
        return errors;
    }

    HostFields fields() {
        return fields;
    }

    @Override
    public String getPageTitle() {
        return ErrorSummary.pageTitle(showingErrors, "Add a host organisation - Convene");
    }
}
