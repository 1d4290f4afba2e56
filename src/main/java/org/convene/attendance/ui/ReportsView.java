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
import org.convene.attendance.AttendanceReportService;
import org.convene.attendance.HostReportLink;
import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;
import org.convene.core.ui.MainLayout;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.ProgrammeService;
import org.convene.core.time.DateTexts;

/**
 * The way in to the attendance reports: for organisers one per conference; for a partner host's coordinators one
 * per organisation they coordinate at each conference where it has sessions (the service decides which).
 */
@Route(value = "reports", layout = MainLayout.class)
@RolesAllowed({Role.Names.ORGANISER, Role.Names.HOST})
@PageTitle("Attendance reports - Convene")
@StyleSheet("styles/attendance.css")
public class ReportsView extends Div implements BeforeEnterObserver {

    private final ProgrammeService programme;
    private final AttendanceReportService reports;
    private final CurrentUser currentUser;

    public ReportsView(ProgrammeService programme, AttendanceReportService reports, CurrentUser currentUser) {
        this.programme = programme;
        this.reports = reports;
        this.currentUser = currentUser;
        addClassName("cv-narrow");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1("Attendance reports"));
        add(new Paragraph("Who came to each session and for how long, for hosts and funders. Attendees are named "
                + "only if they agreed to be; everyone else is counted without a name."));
        if (!currentUser.require().has(Role.ORGANISER)) {
            hostReports();
            return;
        }
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

    private void hostReports() {
        UnorderedList list = new UnorderedList();
        for (HostReportLink report : reports.myHostReports()) {
            list.add(new ListItem(ReportPage.link("reports/" + report.conferenceSlug() + "/hosts/" + report.hostId(),
                    report.hostName() + " at " + report.conferenceName()),
                    new com.vaadin.flow.component.html.Span(", " + DateTexts.dayRange(report.firstDay(),
                            report.lastDay()))));
        }
        if (list.getChildren().findAny().isEmpty()) {
            add(new Paragraph("Your organisation has no sessions in any conference yet, so there are no reports."));
        } else {
            add(new Paragraph("The reports of the organisations you coordinate:"), list);
        }
    }
}
