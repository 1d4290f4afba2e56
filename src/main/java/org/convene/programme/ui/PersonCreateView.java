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
import org.convene.programme.PersonEdit;
import org.convene.programme.SaveResult;

/** Adding a speaker or facilitator. */
@Route(value = "manage/people/new", layout = MainLayout.class)
@RolesAllowed(Role.Names.ORGANISER)
@StyleSheet(AdminPage.STYLES)
public class PersonCreateView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ConferenceAdminService admin;
    private final ErrorSummary errors = new ErrorSummary();
    private PersonFields fields;
    private boolean showingErrors;

    public PersonCreateView(ConferenceAdminService admin) {
        this.admin = admin;
        addClassName("cv-narrow");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        showingErrors = false;
        fields = new PersonFields();
        errors.clear(fields.fields().values());
        Button save = new Button("Add person", e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        add(AdminPage.backToManage(), errors, new H1("Add a person"), fields, save,
                new Paragraph(AdminPage.link("manage/people", "Back to speakers and facilitators")));
    }

    private void save() {
        errors.clear(fields.fields().values());
        switch (admin.createPerson(fields.read())) {
            case SaveResult.Saved<PersonEdit> saved -> {
                Notification.show("Added " + saved.value().name() + ".", 5000, Notification.Position.TOP_CENTER);
                UI.getCurrent().navigate(PersonEditView.class,
                        new RouteParameters("id", Long.toString(saved.value().id())));
            }
            case SaveResult.Invalid<PersonEdit> invalid -> {
                showingErrors = true;
                errors.show(ErrorSummary.problems(invalid.problems(), fields.fields()));
                UI.getCurrent().getPage().setTitle(getPageTitle());
            }
            case SaveResult.Conflict<PersonEdit> conflict ->
                    throw new IllegalStateException("A new person has no earlier version");
        }
    }

    ErrorSummary errors() {
        return errors;
    }

    PersonFields fields() {
        return fields;
    }

    @Override
    public String getPageTitle() {
        return ErrorSummary.pageTitle(showingErrors, "Add a person - Convene");
    }
}
