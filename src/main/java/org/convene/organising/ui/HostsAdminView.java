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
import org.convene.organising.HostAdminService;
import org.convene.organising.HostRow;

/** Organisers find host organisations by name; the list loads page by page as it scrolls. */
@Route(value = "manage/hosts", layout = MainLayout.class)
@RolesAllowed(Role.Names.ORGANISER)
@PageTitle("Host organisations - Convene")
@StyleSheet(AdminPage.STYLES)
public class HostsAdminView extends Div implements BeforeEnterObserver {

    private final HostAdminService admin;
    private final TextField search = new TextField("Search by name");
    private final Button find = new Button("Search");
    private final Div status = AdminPage.status("hosts-status");
    private final Grid<HostRow> grid = new Grid<>();
    private final CallbackDataProvider<HostRow, Void> hosts;
    private String filter = "";

    public HostsAdminView(HostAdminService admin) {
        this.admin = admin;
        search.setId("host-search");
        search.setClearButtonVisible(true);
        find.addClickListener(e -> applySearch());
        find.addClickShortcut(Key.ENTER).listenOn(search).resetFocusOnActiveElement();
        hosts = new CallbackDataProvider<>(
                query -> admin.hosts(filter, query.getOffset(), query.getLimit()).stream(),
                query -> admin.countHosts(filter), HostRow::id);
        grid.setAriaLabel("Host organisations");
        grid.addClassName("cv-admin-grid");
        grid.addComponentColumn(h -> AdminPage.link("manage/hosts/" + h.id(), h.name())).setHeader("Organisation")
                .setKey("name").setFlexGrow(2);
        grid.addComponentColumn(h -> h.website() == null ? new Div() : external(h.website())).setHeader("Website")
                .setKey("website").setFlexGrow(2);
        grid.addColumn(HostRow::coordinators).setHeader("Coordinators").setKey("coordinators");
        grid.addColumn(HostRow::sessions).setHeader("Sessions").setKey("sessions");
        grid.setItems(hosts);
    }

    private static Anchor external(String url) {
        Anchor link = new Anchor(url, url);
        link.getElement().setAttribute("rel", "noopener");
        return link;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Anchor create = AdminPage.link("manage/hosts/new", "Add a host organisation");
        create.addClassName("cv-button-link");
        Div searchRow = new Div(search, find);
        searchRow.addClassName("cv-search-row");
        add(AdminPage.backToManage(), new H1("Host organisations"),
                new Paragraph("The charities, councils and groups that host sessions. Their coordinators can "
                        + "manage their own sessions."), new Paragraph(create), searchRow, status, grid);
        filter = "";
        search.clear();
        AdminPage.setStatus(status, "", null);
        hosts.refreshAll();
    }

    private void applySearch() {
        filter = search.getValue().strip();
        hosts.refreshAll();
        int found = admin.countHosts(filter);
        String count = found == 1 ? "1 organisation" : found + " organisations";
        AdminPage.setStatus(status, filter.isEmpty() ? "Showing all " + count + "."
                : count + " found for \u201c" + filter + "\u201d.", null);
    }

    Grid<HostRow> grid() {
        return grid;
    }
}
