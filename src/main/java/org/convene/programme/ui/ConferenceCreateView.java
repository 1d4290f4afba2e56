package org.convene.programme.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
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
import org.convene.programme.ConferenceEdit;
import org.convene.programme.SaveResult;

/** Creating a conference: its details first; tracks are added on its page once it exists. */
@Route(value = "manage/conferences/new", layout = MainLayout.class)
@RolesAllowed(Role.Names.ORGANISER)
@StyleSheet(AdminPage.STYLES)
public class ConferenceCreateView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ConferenceAdminService admin;
    private final ErrorSummary errors = new ErrorSummary();
    private ConferenceFields fields;
    private boolean showingErrors;

    public ConferenceCreateView(ConferenceAdminService admin) {
        this.admin = admin;
        addClassName("cv-narrow");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        showingErrors = false;
        fields = new ConferenceFields();
        errors.clear(fields.fields().values());
        Button save = new Button("Create conference", e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        add(AdminPage.backToManage(), errors, new H1("Create a conference"), fields, save,
                new Div(AdminPage.link("manage/conferences", "Back to conferences")));
    }

    private void save() {
        errors.clear(fields.fields().values());
        SaveResult<ConferenceEdit> result = admin.createConference(fields.read());
        switch (result) {
            case SaveResult.Saved<ConferenceEdit> saved -> {
                Notification.show("Created " + saved.value().name() + ".", 5000, Notification.Position.TOP_CENTER);
                UI.getCurrent().navigate(ConferenceEditView.class,
                        new RouteParameters("slug", saved.value().slug()));
            }
            case SaveResult.Invalid<ConferenceEdit> invalid -> {
                showingErrors = true;
                errors.show(ErrorSummary.problems(invalid.problems(), fields.fields()));
                UI.getCurrent().getPage().setTitle(getPageTitle());
            }
            case SaveResult.Conflict<ConferenceEdit> conflict ->
                    throw new IllegalStateException("A new conference has no earlier version");
        }
    }

    ErrorSummary errors() {
        return errors;
    }

    ConferenceFields fields() {
        return fields;
    }

    @Override
    public String getPageTitle() {
        return ErrorSummary.pageTitle(showingErrors, "Create a conference - Convene");
    }
}
