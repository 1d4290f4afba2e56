package org.convene.organising.ui;

import org.convene.programme.ui.AdminPage;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.convene.core.security.Role;
import org.convene.core.ui.MainLayout;
import org.convene.organising.PersonAdminService;
import org.convene.organising.PersonRow;

/** Organisers find the speakers and facilitators of the programme; the list loads page by page. */
@Route(value = "manage/people", layout = MainLayout.class)
@RolesAllowed(Role.Names.ORGANISER)
@PageTitle("Speakers and facilitators - Convene")
@StyleSheet(AdminPage.STYLES)
public class PeopleAdminView extends Div implements BeforeEnterObserver {

    private final PersonAdminService admin;
    private final TextField search = new TextField("Search by name or organisation");
    private final Button find = new Button("Search");
    private final Div status = AdminPage.status("people-status");
    private final Grid<PersonRow> grid = new Grid<>();
    private final CallbackDataProvider<PersonRow, Void> people;
    private String filter = "";

    public PeopleAdminView(PersonAdminService admin) {
        this.admin = admin;
        search.setId("person-search");
        search.setClearButtonVisible(true);
        find.addClickListener(e -> applySearch());
        find.addClickShortcut(Key.ENTER).listenOn(search).resetFocusOnActiveElement();
        people = new CallbackDataProvider<>(
                query -> admin.people(filter, query.getOffset(), query.getLimit()).stream(),
                query -> admin.countPeople(filter), PersonRow::id);
        grid.setAriaLabel("Speakers and facilitators");
        grid.addClassName("cv-admin-grid");
        grid.addComponentColumn(p -> AdminPage.link("manage/people/" + p.id(), p.name())).setHeader("Name")
                .setKey("name").setFlexGrow(2);
        grid.addColumn(p -> p.organisation() == null ? "" : p.organisation()).setHeader("Organisation")
                .setKey("organisation").setFlexGrow(2);
        grid.addColumn(p -> p.hasAccount() ? "Linked" : "Not linked").setHeader("Convene account").setKey("account");
        grid.addColumn(PersonRow::sessions).setHeader("Sessions").setKey("sessions");
        grid.setItems(people);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Anchor create = AdminPage.link("manage/people/new", "Add a person");
        create.addClassName("cv-button-link");
        Div searchRow = new Div(search, find);
        searchRow.addClassName("cv-search-row");
        add(AdminPage.backToManage(), new H1("Speakers and facilitators"),
                new Paragraph("The people who speak at and facilitate sessions. Add them to sessions from the "
                        + "session's page."), new Paragraph(create), searchRow, status, grid);
        filter = "";
        search.clear();
        AdminPage.setStatus(status, "", null);
        people.refreshAll();
    }

    private void applySearch() {
        filter = search.getValue().strip();
        people.refreshAll();
        int found = admin.countPeople(filter);
        String count = found == 1 ? "1 person" : found + " people";
        AdminPage.setStatus(status, filter.isEmpty() ? "Showing all " + count + "."
                : count + " found for \u201c" + filter + "\u201d.", null);
    }

    Grid<PersonRow> grid() {
        return grid;
    }
}
