package org.convene.organising.ui;

import org.convene.core.time.DateTexts;
import org.convene.programme.ui.AdminPage;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.convene.core.security.Role;
import org.convene.core.ui.MainLayout;
import org.convene.organising.ConferenceAdminService;
import org.convene.programme.ConferenceSummary;

import java.util.List;

/** Organisers' list of conferences, newest first, with the way to create one. */
@Route(value = "manage/conferences", layout = MainLayout.class)
@RolesAllowed(Role.Names.ORGANISER)
@PageTitle("Conferences - Convene")
@StyleSheet(AdminPage.STYLES)
public class ConferencesAdminView extends Div implements BeforeEnterObserver {

    private final ConferenceAdminService admin;

    public ConferencesAdminView(ConferenceAdminService admin) {
        this.admin = admin;
        addClassName("cv-narrow");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Anchor create = AdminPage.link("manage/conferences/new", "Create a conference");
        create.addClassName("cv-button-link");
        add(AdminPage.backToManage(), new H1("Conferences"),
                new Paragraph("Each conference has its own name, dates, time zone and tracks."), new Paragraph(create));
        List<ConferenceSummary> conferences = admin.conferences();
        if (conferences.isEmpty()) {
            add(new Paragraph("There are no conferences yet."));
            return;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("cv-admin-list");
        for (ConferenceSummary conference : conferences) {
            list.add(new ListItem(AdminPage.link("manage/conferences/" + conference.slug(), conference.name()),
                    new Span(", " + DateTexts.dayRange(conference.firstDay(), conference.lastDay()))));
        }
        add(list);
    }
}
