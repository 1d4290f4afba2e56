package org.convene.organising.ui;

import org.convene.programme.ui.AdminPage;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.convene.core.security.Role;
import org.convene.core.ui.ErrorSummary;
import org.convene.core.ui.IdParameter;
import org.convene.core.ui.MainLayout;
import org.convene.organising.PersonAdminService;
import org.convene.organising.PersonEdit;
import org.convene.core.SaveResult;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/** A speaker's or facilitator's details, saved with the version they were loaded with. */
@Route(value = "manage/people/:id(\\d+)", layout = MainLayout.class)
@RolesAllowed(Role.Names.ORGANISER)
@StyleSheet(AdminPage.STYLES)
public class PersonEditView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final PersonAdminService admin;
    private final ErrorSummary errors = new ErrorSummary();
    private final Div conflict = AdminPage.conflict(this::loadLatest);
    private final Div status = AdminPage.status("person-status");
    private @Nullable PersonFields fields;
    private @Nullable PersonEdit person;
    private String title = "Person - Convene";
    private boolean showingErrors;

    public PersonEditView(PersonAdminService admin) {
        this.admin = admin;
        addClassName("cv-narrow");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        person = admin.person(IdParameter.require(event, "id"))
                .orElseThrow(() -> new NotFoundException("No such person"));
        removeAll();
        showingErrors = false;
        title = person.name() + " - Convene";
        fields = new PersonFields();
        fields.fill(person);
        errors.clear(fields.fields().values());
        conflict.setVisible(false);
        AdminPage.setStatus(status, "", null);
        Button save = new Button("Save changes", e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("save-person");
        add(AdminPage.backToManage(), errors, conflict, new H1(person.name()), status, fields, save,
                new Paragraph(AdminPage.link("manage/people", "Back to speakers and facilitators")));
    }

    private void save() {
        errors.clear(fields().fields().values());
        conflict.setVisible(false);
        showingErrors = false;
        switch (admin.updatePerson(person().id(), person().version(), fields().read())) {
            case SaveResult.Saved<PersonEdit> saved -> {
                person = saved.value();
                title = person.name() + " - Convene";
                AdminPage.setStatus(status, "Saved the changes to " + person.name() + ".", "cv-success");
            }
            case SaveResult.Invalid<PersonEdit> invalid -> {
                showingErrors = true;
                errors.show(ErrorSummary.problems(invalid.problems(), fields().fields()));
            }
            case SaveResult.Conflict<PersonEdit> stale -> AdminPage.showConflict(conflict);
        }
        UI.getCurrent().getPage().setTitle(getPageTitle());
    }

    private void loadLatest() {
        admin.person(person().id()).ifPresent(latest -> {
            person = latest;
            fields().fill(latest);
            errors.clear(fields().fields().values());
            conflict.setVisible(false);
            AdminPage.setStatus(status, "Loaded the latest version. Make your changes again.", null);
        });
    }

    ErrorSummary errors() {
        return errors;
    }

    PersonFields fields() {
        return Objects.requireNonNull(fields, "made when the page is entered");
    }

    @Override
    public String getPageTitle() {
        return ErrorSummary.pageTitle(showingErrors, title);
    }

    private PersonEdit person() {
        return Objects.requireNonNull(person, "shown only once the page found it");
    }
}
