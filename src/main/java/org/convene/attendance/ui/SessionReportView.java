package org.convene.attendance.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
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
import org.convene.programme.ui.SessionViewSection;
import org.springframework.beans.factory.ObjectProvider;
import jakarta.annotation.security.RolesAllowed;
import org.convene.attendance.AttendanceReportService;
import org.convene.attendance.AttendanceReportService.Table;
import org.convene.attendance.AttendeeRow;
import org.convene.attendance.ConcurrencyPoint;
import org.convene.attendance.SessionFigures;
import org.convene.attendance.SessionReport;
import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;
import org.convene.core.ui.IdParameter;
import org.convene.core.ui.MainLayout;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One session's attendance for organisers: its figures, a chart of attendees present across the session
 * (every 5 minutes, or every minute with {@code ?every=1}) with the same numbers as a table, and the attendee
 * list with join and leave times, named only with consent.
 */
@Route(value = "reports/sessions/:id(\\d+)", layout = MainLayout.class)
@RolesAllowed({Role.Names.ORGANISER, Role.Names.HOST})
@StyleSheet("styles/attendance.css")
public class SessionReportView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AttendanceReportService reports;
    private final CurrentUser currentUser;
    private final List<SessionViewSection> sections;
    private String title = "Session attendance - Convene";

    public SessionReportView(AttendanceReportService reports, CurrentUser currentUser,
                             ObjectProvider<SessionViewSection> sections) {
        this.sections = SessionViewSection.on(SessionViewSection.View.REPORT, sections.orderedStream().toList());
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
        long id = IdParameter.require(event, "id");
        int every = "1".equals(event.getLocation().getQueryParameters().getSingleParameter("every").orElse("5")) ? 1 : 5;
        SessionReport report = reports.sessionReport(id, every)
                .orElseThrow(() -> new NotFoundException("No such session report"));
        SessionFigures f = report.figures();
        ZoneId zone = report.conference().timeZone();
        title = "Attendance: " + f.title() + " - Convene";
        removeAll();
        add(new H1("Attendance at " + f.title()));
        Paragraph lead = new Paragraph(ReportTexts.when(f.startsAt(), f.endsAt(), zone)
                + (f.hostName() == null ? "" : ". Hosted by " + f.hostName()) + ".");
        lead.addClassName("cv-lead");
        Paragraph back = currentUser.require().has(Role.ORGANISER)
                ? new Paragraph(ReportPage.link("reports/" + report.conference().slug(),
                        "Back to the report for " + report.conference().name()))
                : f.hostName() == null ? new Paragraph(ReportPage.link("reports", "Back to your reports"))
                : new Paragraph(ReportPage.link("reports/" + report.conference().slug() + "/hosts/" + f.hostId(),
                        "Back to the report for " + f.hostName()));
        add(lead, back, new Paragraph(ReportPage.link("manage/sessions/" + id + "/attendance-import",
                "Add attendance from the meeting tool (Zoom, Teams, BigBlueButton) or people who joined by phone")));
        add(figures(f, zone, report.noShowsCounted()), chart(report, zone), attendees(f, zone));
        sections.forEach(section -> section.create(id, zone).ifPresent(this::add));
        add(downloads(f));
    }


    /** Text of the no-shows figure; for a session without places, why there is no number. */
    static final String NO_SHOWS_NOT_COUNTED = "Not counted: this session had no places, so anyone could come "
            + "without adding it to their agenda";

    private Section figures(SessionFigures f, ZoneId zone, boolean noShowsCounted) {
        DescriptionList list = ReportPage.figures();
        ReportPage.figure(list, "Registered (on people’s agendas)", ReportTexts.count(f.registered()));
        ReportPage.figure(list, "Attended (different people)", ReportTexts.count(f.attended()));
        ReportPage.figure(list, "No-shows (registered, never came)", noShowsCounted
                ? ReportTexts.count(f.noShows()) + ": " + ReportTexts.share(f.noShowRate()) + " of those registered"
                : NO_SHOWS_NOT_COUNTED);
        ReportPage.figure(list, "Most attendees at once", f.peakAt() == null ? "nobody attended"
                : ReportTexts.count(f.peakConcurrent()) + ", at " + ReportTexts.time(f.peakAt(), zone));
        ReportPage.figure(list, "Time attended, median", ReportTexts.averageMinutes(f.medianMinutes())
                + " of " + f.lengthMinutes());
        ReportPage.figure(list, "Time attended, mean", ReportTexts.averageMinutes(f.meanMinutes())
                + " of " + f.lengthMinutes());
        ReportPage.figure(list, AttendanceReportService.metRuleHeading(f.rulePercent()),
                ReportTexts.count(f.metRule()) + ": " + ReportTexts.share(f.metRuleShare()) + " of attendees");
        ReportPage.figure(list, "Attendee time", ReportTexts.minutes(f.attendeeMinutes()));
        ReportPage.figure(list, "Questions asked", ReportTexts.count(f.questionsAsked()));
        ReportPage.figure(list, "Questions answered", ReportTexts.count(f.questionsAnswered()));
        ReportPage.figure(list, "Votes on questions", ReportTexts.count(f.votes()));
        return new Section(new H2("Figures"), list,
                new Paragraph("“Met the attendance rule” means someone was there for at least " + f.rulePercent()
                        + "% of the session. This is how the conference counts someone as having attended. Each "
                        + "person counts once, even with two windows open or when they also joined by phone. "
                        + "Times count only while the session was on."));
    }

    private Section chart(SessionReport report, ZoneId zone) {
        int every = report.bucketMinutes();
        Section section = new Section(new H2("Attendees present during the session"));
        Div choices = new Div(choice(report.figures().sessionId(), 5, every, "Every 5 minutes"),
                choice(report.figures().sessionId(), 1, every, "Every minute"));
        choices.addClassName("cv-report-choices");
        section.add(choices);
        List<ConcurrencyPoint> series = report.series();
        if (report.figures().attended() == 0) {
            section.add(new Paragraph("Nobody attended, so there is nothing to chart."));
            return section;
        }
        String unit = every == 1 ? "minute" : every + " minutes";
        List<String> labels = series.stream().map(p -> ReportTexts.time(p.bucketStart(), zone)).toList();
        ReportChart chart = new ReportChart(ReportChart.Kind.LINE);
        chart.setId("presence-chart");
        SessionFigures f = report.figures();
        chart.show("Most attendees present", "Chart of the most attendees present in each " + unit
                        + " of the session. The most at once was " + ReportTexts.count(f.peakConcurrent()) + " at "
                        + ReportTexts.time(Objects.requireNonNull(f.peakAt(), "someone attended"), zone)
                        + ". The numbers are in the table below the chart.",
                "Time (" + org.convene.core.time.DateTexts.zoneName(zone) + ")", "Attendees", labels,
                series.stream().map(ConcurrencyPoint::mostPresent).toList());
        DataTable table = new DataTable("Most attendees present in each " + unit,
                List.of(every == 1 ? "Minute starting" : "5 minutes starting", "Most attendees present"));
        for (ConcurrencyPoint point : series) {
            table.row(ReportTexts.time(point.bucketStart(), zone), ReportTexts.count(point.mostPresent()));
        }
        Details numbers = new Details("Show the numbers as a table", table);
        numbers.setId("presence-table");
        section.add(chart, numbers);
        return section;
    }

    private static Anchor choice(long sessionId, int minutes, int current, String text) {
        Anchor link = ReportPage.link("reports/sessions/" + sessionId + "?every=" + minutes, text);
        if (minutes == current) {
            link.getElement().setAttribute("aria-current", "true");
        }
        return link;
    }

    private Section attendees(SessionFigures f, ZoneId zone) {
        Grid<AttendeeRow> grid = new Grid<>();
        grid.setId("attendees");
        grid.getElement().setAttribute("aria-label", "Attendees with join and leave times");
        grid.addColumn(AttendeeRow::label).setHeader("Attendee").setFlexGrow(2);
        grid.addColumn(row -> ReportTexts.time(row.joinedAt(), zone)).setHeader("Joined");
        grid.addColumn(row -> row.stillOpen() ? "still there (last seen " + ReportTexts.time(row.leftAt(), zone) + ")"
                : ReportTexts.time(row.leftAt(), zone)).setHeader("Left");
        grid.addColumn(row -> String.format(Locale.UK, "%.1f", row.minutes())).setHeader("Minutes");
        long sessionId = f.sessionId();
        grid.setItems(query -> reports.attendees(sessionId, query.getOffset(), query.getLimit()).stream(),
                query -> reports.attendeeRowCount(sessionId));
        return new Section(new H2("Attendees"),
                new Paragraph("Each visit to the session, in the order people joined. People who agreed to be named "
                        + "are shown by name; everyone else as “Attendee 1”, “Attendee 2” and so on, numbered in "
                        + "order of arrival at this session."), grid);
    }

    private Section downloads(SessionFigures f) {
        long id = f.sessionId();
        String base = "session-" + id;
        return new Section(new H2("Download"),
                new Paragraph("CSV files open in any spreadsheet. Times in them are in UTC."),
                new CsvDownload("Figures (CSV)", base + "-figures.csv",
                        (out, p) -> reports.writeCsv(Table.SESSION_FIGURES, id, null, out, p::rowsWritten)),
                new CsvDownload("Attendees present, minute by minute (CSV)", base + "-present.csv",
                        (out, p) -> reports.writeCsv(Table.SESSION_SERIES, id, null, out, p::rowsWritten)),
                new CsvDownload("Attendee list, names only with consent (CSV)", base + "-attendees.csv",
                        (out, p) -> reports.writeCsv(Table.SESSION_ATTENDEES, id, null, out, p::rowsWritten)));
    }
}
