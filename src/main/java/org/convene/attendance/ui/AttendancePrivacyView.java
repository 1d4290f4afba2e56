package org.convene.attendance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
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
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.convene.attendance.AttendanceService;
import org.convene.attendance.MyAttendance;
import org.convene.core.ui.MainLayout;
import org.convene.core.ui.SafeConfirmDialog;

import java.time.ZoneId;
import java.util.List;

/**
 * "Your attendance": what Convene records about attending sessions and why, the consent to be named in
 * organisers' reports (off until the person turns it on), and downloading or deleting one's own records.
 */
@Route(value = AttendanceTracker.PRIVACY_ROUTE, layout = MainLayout.class)
@PermitAll
@StyleSheet("styles/attendance.css")
public class AttendancePrivacyView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final AttendanceService attendance;
    /** Present from page load, so that screen readers announce each confirmation. */
    private final Div status = new Div();
    private final Section records = new Section();

    public AttendancePrivacyView(AttendanceService attendance) {
        this.attendance = attendance;
        addClassName("cv-narrow");
        status.getElement().setAttribute("role", "status");
        status.setId("attendance-status");
    }

    @Override
    public String getPageTitle() {
        return "Your attendance - Convene";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        status.setText("");
        Anchor account = new Anchor("account", "Back to your account");
        account.getElement().setAttribute("router-link", "");
        add(new H1("Your attendance"), status, explanation(), consent(), records, new Paragraph(account));
        showRecords();
    }

    private Section explanation() {
        UnorderedList what = new UnorderedList(
                new ListItem("which session you were at"),
                new ListItem("the time you joined and the time you left, to the nearest half minute"));
        UnorderedList not = new UnorderedList(
                new ListItem("anything you say or do in the meeting itself (Zoom, Teams or others): we cannot see it"),
                new ListItem("anything while you are not signed in"));
        return new Section(new H2("What we record and why"),
                new Paragraph("When you are signed in and have a session’s page open while the session is on, or you "
                        + "use its Join link, Convene records:"),
                what,
                new Paragraph("We do not record:"),
                not,
                new Paragraph("Organisers use these records to count how many people came to each session and for how "
                        + "long. They report those numbers to the organisations that host sessions and to the funders "
                        + "who pay for the week. Their reports count everyone, but name only the people who agree "
                        + "below; everyone else appears as “Attendee 1”, “Attendee 2” and so on."),
                new Paragraph("If you put a session on your agenda and do not come, the reports count that as a "
                        + "“no-show”, without naming you unless you agreed. It helps hosts plan."),
                new Paragraph("Records are deleted automatically a year after the session. You can download "
                        + "them or delete them yourself at any time below."));
    }

    private Section consent() {
        Checkbox named = new Checkbox("Show my name in organisers’ attendance reports");
        named.setId("named-in-reports");
        named.setValue(attendance.namedInReports());
        named.setHelperText("Optional. Leave it unticked and you are still counted, but never named.");
        named.addValueChangeListener(change -> {
            attendance.setNamedInReports(change.getValue());
            status.setText(change.getValue()
                    ? "Saved. Organisers’ attendance reports will show your name."
                    : "Saved. Organisers’ attendance reports will not show your name.");
        });
        return new Section(new H2("Your name in reports"), named);
    }

    private void showRecords() {
        records.removeAll();
        records.add(new H2("Your records"));
        List<MyAttendance> mine = attendance.myAttendance();
        if (mine.isEmpty()) {
            records.add(new Paragraph("Convene has no attendance records for you."));
            return;
        }
        long sessions = mine.stream().map(MyAttendance::sessionId).distinct().count();
        records.add(new Paragraph("Convene has " + ReportTexts.count(mine.size())
                + (mine.size() == 1 ? " record" : " records") + " of you at " + ReportTexts.count(sessions)
                + (sessions == 1 ? " session." : " sessions.")));

        DataTable table = new DataTable("Your attendance records (UK time)", List.of("Session", "Joined", "Left"));
        for (MyAttendance row : mine) {
            table.row(row.sessionTitle() + " (" + row.conferenceName() + ")",
                    ReportTexts.moment(row.joinedAt(), UK),
                    row.leftAt() == null ? "still there" : ReportTexts.time(row.leftAt(), UK));
        }
        records.add(table);

        CsvDownload download = new CsvDownload("Download your attendance records (CSV)", "my-attendance.csv",
                (out, progress) -> attendance.writeMyAttendanceCsv(out));
        download.setId("my-attendance-download");
        Button delete = new Button("Delete your attendance records", e -> confirmDelete(mine.size()));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setId("delete-attendance");
        records.add(download, delete);
    }

    private void confirmDelete(int count) {
        new SafeConfirmDialog("delete-attendance-confirmation", "Delete your attendance records?",
                "This deletes all " + count + (count == 1 ? " record" : " records")
                + " of the sessions you attended, and the lines of meeting tools’ reports that named you. Organisers’ "
                + "reports will no longer count you at these sessions, even if a report is uploaded again. This "
                + "cannot be undone.", "Delete them", "Keep them", () -> {
                    int deleted = attendance.deleteMyAttendance();
                    showRecords();
                    status.setText("Deleted " + deleted + (deleted == 1 ? " attendance record." : " attendance records."));
                }).open();
    }
}
