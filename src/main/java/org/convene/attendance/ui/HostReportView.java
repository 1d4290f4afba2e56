package org.convene.attendance.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.convene.attendance.AttendanceReportService;
import org.convene.attendance.AttendanceReportService.Table;
import org.convene.attendance.HostReport;
import org.convene.attendance.SessionFigures;
import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;
import org.convene.core.ui.IdParameter;
import org.convene.core.ui.MainLayout;
import org.convene.programme.ui.HostReportSection;
import org.springframework.beans.factory.ObjectProvider;

import java.time.ZoneId;
import java.util.List;

/** A host organisation's sessions at one conference and their totals, for organisers to send to the host. */
@Route(value = "reports/:slug/hosts/:hostId(\\d+)", layout = MainLayout.class)
@RolesAllowed({Role.Names.ORGANISER, Role.Names.HOST})
@StyleSheet("styles/attendance.css")
public class HostReportView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AttendanceReportService reports;
    private final CurrentUser currentUser;
    private final List<HostReportSection> sections;
    private String title = "Host attendance - Convene";

    public HostReportView(AttendanceReportService reports, CurrentUser currentUser,
                          ObjectProvider<HostReportSection> sections) {
        this.sections = HostReportSection.sorted(sections.orderedStream().toList());
        this.reports = reports;
        this.currentUser = currentUser;
        addClassName("cv-report");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        long hostId = IdParameter.require(event, "hostId");
        HostReport report = reports.hostReport(slug, hostId)
                .orElseThrow(() -> new NotFoundException("No such host report"));
        title = "Attendance: " + report.host().name() + " - Convene";
        ZoneId zone = report.conference().timeZone();
        removeAll();
        add(new H1("Attendance at " + report.host().name() + "’s sessions"));
        Paragraph lead = new Paragraph("At " + report.conference().name() + ". Times are in "
                + org.convene.core.time.DateTexts.zoneName(zone) + ".");
        lead.addClassName("cv-lead");
        // The conference-wide report is for organisers; coordinators go back to their own list.
        add(lead, new Paragraph(currentUser.require().has(Role.ORGANISER)
                ? ReportPage.link("reports/" + slug, "Back to the report for " + report.conference().name())
                : ReportPage.link("reports", "Back to your reports")));

        DescriptionList totals = ReportPage.figures();
        ReportPage.figure(totals, "Sessions", ReportTexts.count(report.sessions().size()));
        ReportPage.figure(totals, "Different attendees across these sessions", ReportTexts.count(report.uniqueAttendees()));
        ReportPage.figure(totals, "Attendances (each session’s attendees added up)", ReportTexts.count(report.attendances()));
        ReportPage.figure(totals, "Registered for sessions with places", report.noShowsCounted()
                ? ReportTexts.count(report.registered()) : ReportTexts.REGISTRATIONS_NONE_HAD_PLACES);
        ReportPage.figure(totals, "No-shows (registered, never came)", report.noShowsCounted()
                ? ReportTexts.noShowsOfRegistrations(report.noShows(), report.registered(), report.noShowRate())
                : ReportTexts.NO_SHOWS_NONE_HAD_PLACES);
        ReportPage.figure(totals, AttendanceReportService.metRuleHeading(report.rulePercent()) + ", sessions added up",
                ReportTexts.count(report.metRule()));
        ReportPage.figure(totals, "Attendee time", ReportTexts.minutes(report.attendeeMinutes()));
        ReportPage.figure(totals, "Questions asked", ReportTexts.count(report.questionsAsked()));
        ReportPage.figure(totals, "Questions answered", ReportTexts.count(report.questionsAnswered()));
        ReportPage.figure(totals, "Votes on questions", ReportTexts.count(report.votes()));
        add(new Section(new H2("Totals"), totals, new Paragraph(ReportTexts.SESSIONS_WITH_PLACES)));

        DataTable table = new DataTable("Each session of " + report.host().name(),
                List.of("Session", "When", "Attended", "Registered", "No-shows", "Most at once", "Attendee time"));
        for (SessionFigures f : report.sessions()) {
            table.row(ReportPage.link("reports/sessions/" + f.sessionId(), f.title()),
                    ReportTexts.when(f.startsAt(), f.endsAt(), zone), ReportTexts.count(f.attended()),
                    ReportTexts.count(f.registered()), ReportTexts.noShowsCell(f.noShows(), f.noShowsCounted()),
                    ReportTexts.count(f.peakConcurrent()), ReportTexts.minutes(f.attendeeMinutes()));
        }
        long id = hostId;
        add(new Section(new H2("Sessions"), table));
        List<Long> sessionIds = report.sessions().stream().map(SessionFigures::sessionId).toList();
        sections.forEach(section -> section.create(report.host().name(), sessionIds).ifPresent(this::add));
        add(new Section(new H2("Download"), new CsvDownload("Sessions and their figures (CSV)",
                "host-" + id + "-sessions.csv",
                (out, p) -> reports.writeCsv(Table.HOST_SESSIONS, id, slug, out, p::rowsWritten))));
    }
}
