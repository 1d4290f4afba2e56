package org.convene.attendance.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.convene.attendance.AttendanceReportService;
import org.convene.attendance.AttendanceReportService.Table;
import org.convene.attendance.ConferenceOverview;
import org.convene.attendance.DayFigures;
import org.convene.attendance.ReportHost;
import org.convene.attendance.SessionFigures;
import org.convene.core.security.Role;
import org.convene.core.ui.MainLayout;
import org.convene.core.time.DateTexts;

import java.time.ZoneId;
import java.util.List;

/** The conference overview for organisers: headline figures, each day, sessions ranked, hosts, downloads. */
@Route(value = "reports/:slug", layout = MainLayout.class)
@RolesAllowed(Role.Names.ORGANISER)
@StyleSheet("styles/attendance.css")
public class ConferenceReportView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AttendanceReportService reports;
    private String title = "Attendance report - Convene";

    public ConferenceReportView(AttendanceReportService reports) {
        this.reports = reports;
        addClassName("cv-report");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        ConferenceOverview overview = reports.overview(slug)
                .orElseThrow(() -> new NotFoundException("No such conference report"));
        title = "Attendance: " + overview.conference().name() + " - Convene";
        removeAll();
        ZoneId zone = overview.conference().timeZone();
        add(new H1("Attendance at " + overview.conference().name()));
        Paragraph lead = new Paragraph(DateTexts.dayRange(overview.conference().firstDay(),
                overview.conference().lastDay()) + ". Times are in " + DateTexts.zoneName(zone) + ".");
        lead.addClassName("cv-lead");
        add(lead, ReportPage.link("reports", "All attendance reports"));
        add(headline(overview), days(overview), ranking(overview), hosts(overview), downloads(overview));
    }

    private Section headline(ConferenceOverview o) {
        DescriptionList list = ReportPage.figures();
        ZoneId zone = o.conference().timeZone();
        ReportPage.figure(list, "Different attendees", ReportTexts.count(o.uniqueAttendees()));
        ReportPage.figure(list, "Time spent in sessions", ReportTexts.minutes(o.attendeeMinutes())
                + " of attendee time");
        ReportPage.figure(list, "Most attendees at once", o.peakAt() == null ? "nobody attended"
                : ReportTexts.count(o.peakConcurrent()) + ", at " + ReportTexts.moment(o.peakAt(), zone));
        ReportPage.figure(list, "Registrations for sessions with places", o.noShowsCounted()
                ? ReportTexts.count(o.registered()) : ReportTexts.REGISTRATIONS_NONE_HAD_PLACES);
        ReportPage.figure(list, "No-shows (registered, never came)", o.noShowsCounted()
                ? ReportTexts.noShowsOfRegistrations(o.noShows(), o.registered(), o.noShowRate())
                : ReportTexts.NO_SHOWS_NONE_HAD_PLACES);
        ReportPage.figure(list, "Questions asked", ReportTexts.count(o.questionsAsked()));
        ReportPage.figure(list, "Questions answered", ReportTexts.count(o.questionsAnswered()));
        ReportPage.figure(list, "Sessions", ReportTexts.count(o.sessions()));
        Section section = new Section(new H2("Headline figures"), list);
        section.add(new Paragraph("Someone at two sessions at the same time counts twice in attendee time and in "
                + "“most attendees at once”, and once among the different attendees."),
                new Paragraph(ReportTexts.SESSIONS_WITH_PLACES));
        if (o.computedAt() != null) {
            Paragraph when = new Paragraph("Worked out at " + ReportTexts.moment(o.computedAt(), zone)
                    + ", when you opened this page. Open it again to see any newer attendance.");
            when.addClassName("cv-muted");
            section.add(when);
        }
        return section;
    }

    private Section days(ConferenceOverview o) {
        Section section = new Section(new H2("Attendees each day"));
        if (o.days().isEmpty()) {
            section.add(new Paragraph("Nobody has attended a session yet."));
            return section;
        }
        List<String> labels = o.days().stream().map(d -> DateTexts.dayWithoutYear(d.day())).toList();
        List<Integer> values = o.days().stream().map(DayFigures::uniqueAttendees).toList();
        DayFigures busiest = o.days().stream().max(java.util.Comparator.comparingInt(DayFigures::uniqueAttendees)).orElseThrow();
        ReportChart chart = new ReportChart(ReportChart.Kind.BAR);
        chart.show("Different attendees", "Chart of different attendees each day. The busiest day was "
                        + DateTexts.dayWithoutYear(busiest.day()) + " with " + ReportTexts.count(busiest.uniqueAttendees())
                        + ". The numbers are in the table after the chart.",
                "Day", "Different attendees", labels, values);
        DataTable table = new DataTable("Different attendees and attendee time each day",
                List.of("Day", "Different attendees", "Attendee time"));
        for (DayFigures day : o.days()) {
            table.row(DateTexts.day(day.day()), ReportTexts.count(day.uniqueAttendees()),
                    ReportTexts.minutes(day.attendeeMinutes()));
        }
        section.add(chart, table);
        return section;
    }

    private Section ranking(ConferenceOverview o) {
        long conferenceId = o.conference().id();
        ZoneId zone = o.conference().timeZone();
        Grid<SessionFigures> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setId("session-ranking");
        grid.getElement().setAttribute("aria-label", "Sessions ranked by attendance");
        // The rank comes first for the reader, and for keyboard users and axe too: the grid's roving focus starts
        // on the first body cell, and a focusable cell holding a link reads as a pointer target the link
        // obscures (WCAG 2.5.8), though only the link does anything.
        grid.addColumn(LitRenderer.<SessionFigures>of("${index + 1}")).setHeader("Rank").setKey("rank")
                .setFlexGrow(0).setAutoWidth(true);
        grid.addComponentColumn(f -> ReportPage.link("reports/sessions/" + f.sessionId(), f.title()))
                .setHeader("Session").setFlexGrow(3);
        grid.addColumn(f -> ReportTexts.when(f.startsAt(), f.endsAt(), zone)).setHeader("When").setFlexGrow(2);
        grid.addColumn(f -> f.hostName() == null ? "" : f.hostName()).setHeader("Host");
        grid.addColumn(f -> ReportTexts.count(f.attended())).setHeader("Attended");
        grid.addColumn(f -> ReportTexts.count(f.registered())).setHeader("Registered");
        grid.addColumn(f -> ReportTexts.noShowsCell(f.noShows(), f.noShowsCounted())).setHeader("No-shows")
                .setKey("noShows");
        grid.addColumn(f -> ReportTexts.count(f.peakConcurrent())).setHeader("Most at once");
        grid.setItems(query -> reports.sessionRanking(conferenceId, query.getOffset(), query.getLimit()).stream(),
                query -> reports.sessionCount(conferenceId));
        grid.setAllRowsVisible(o.sessions() <= 50);
        return new Section(new H2("Sessions ranked by attendance"),
                new Paragraph("Most attended first. Open a session for its chart, times and attendee list."), grid);
    }

    private Section hosts(ConferenceOverview o) {
        Section section = new Section(new H2("Host organisations"));
        if (o.hosts().isEmpty()) {
            section.add(new Paragraph("No sessions have a host organisation."));
            return section;
        }
        UnorderedList list = new UnorderedList();
        for (ReportHost host : o.hosts()) {
            list.add(new ListItem(ReportPage.link("reports/" + o.conference().slug() + "/hosts/" + host.id(),
                    host.name())));
        }
        section.add(new Paragraph("The totals of each organisation’s sessions:"), list);
        return section;
    }

    private Section downloads(ConferenceOverview o) {
        long id = o.conference().id();
        String slug = o.conference().slug();
        return new Section(new H2("Download"),
                new Paragraph("CSV files open in any spreadsheet. Times in them are in UTC."),
                new CsvDownload("Attendees each day (CSV)", slug + "-days.csv",
                        (out, p) -> reports.writeCsv(Table.CONFERENCE_DAYS, id, slug, out, p::rowsWritten)),
                new CsvDownload("Sessions ranked by attendance (CSV)", slug + "-sessions.csv",
                        (out, p) -> reports.writeCsv(Table.CONFERENCE_SESSIONS, id, slug, out, p::rowsWritten)),
                new CsvDownload("Every attendance record, names only with consent (CSV)", slug + "-attendance.csv",
                        (out, p) -> reports.writeCsv(Table.CONFERENCE_INTERVALS, id, slug, out, p::rowsWritten)));
    }
}
