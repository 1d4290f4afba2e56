package org.convene.attendance.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.convene.core.security.Role;
import org.convene.core.ui.MainLayout;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.ProgrammeService;
import org.convene.programme.ui.DateTexts;

/** Organisers' way in to the attendance reports: one per conference. */
@Route(value = "reports", layout = MainLayout.class)
@RolesAllowed(Role.Names.ORGANISER)
@PageTitle("Attendance reports - Convene")
@StyleSheet("styles/attendance.css")
public class ReportsView extends Div implements BeforeEnterObserver {

    private final ProgrammeService programme;

    public ReportsView(ProgrammeService programme) {
        this.programme = programme;
        addClassName("cv-narrow");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1("Attendance reports"));
        add(new Paragraph("Who came to each session and for how long, for hosts and funders. Attendees are named "
                + "only if they agreed to be; everyone else is counted without a name."));
        UnorderedList list = new UnorderedList();
        for (ConferenceSummary conference : programme.conferences()) {
            list.add(new ListItem(ReportPage.link("reports/" + conference.slug(), conference.name()),
                    new com.vaadin.flow.component.html.Span(", " + DateTexts.dayRange(conference.firstDay(),
                            conference.lastDay()))));
        }
        if (list.getChildren().findAny().isEmpty()) {
            add(new Paragraph("There are no conferences yet."));
        } else {
            add(list);
        }
    }
}
