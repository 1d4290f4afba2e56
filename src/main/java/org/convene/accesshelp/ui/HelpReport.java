package org.convene.accesshelp.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCaption;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.convene.accesshelp.HelpNote;
import org.convene.accesshelp.HelpTotals;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.ZoneId;

/** The session report's part: how often attendees asked for each kind of help over the whole session. */
@StyleSheet("styles/access-help.css")
final class HelpReport extends Section {

    HelpReport(HelpTotals totals, ZoneId zone, DownloadHandler csv) {
        setId("access-help-report");
        addClassName("cv-help-report");
        H2 heading = new H2("Access help from attendees");
        heading.setId("access-help-report-heading");
        getElement().setAttribute("aria-labelledby", "access-help-report-heading");
        add(heading);
        if (totals.total() == 0) {
            add(new Paragraph("Nobody used “Tell the facilitator” during this session."));
        } else {
            add(new Paragraph("What attendees told the facilitators with one press during the session, so you can "
                    + "see what went wrong. Names are not kept here."), table(totals, zone));
        }
        if (!totals.notes().isEmpty()) {
            UnorderedList notes = new UnorderedList();
            for (HelpNote note : totals.notes()) {
                notes.add(new ListItem(HelpTexts.time(note.sentAt(), zone) + ": " + note.text()));
            }
            add(new H3("Notes sent with “Something else”"), notes);
        }
        Anchor download = new Anchor(csv, "Access help, counts per kind (CSV)");
        download.setId("access-help-csv");
        add(new Paragraph(download));
    }

    private static NativeTable table(HelpTotals totals, ZoneId zone) {
        NativeTable table = new NativeTable();
        table.setId("access-help-totals");
        table.addClassName("cv-help-table");
        NativeTableCaption caption = new NativeTableCaption();
        caption.setText("Times each kind of help was asked for");
        table.add(caption);
        NativeTableHeader head = new NativeTableHeader();
        NativeTableRow headRow = new NativeTableRow();
        for (String title : new String[]{"What attendees said", "Times", "First", "Last"}) {
            NativeTableHeaderCell cell = new NativeTableHeaderCell(title);
            cell.getElement().setAttribute("scope", "col");
            headRow.add(cell);
        }
        head.add(headRow);
        NativeTableBody body = new NativeTableBody();
        for (HelpTotals.KindTotal line : totals.kinds()) {
            NativeTableRow row = new NativeTableRow();
            NativeTableHeaderCell kind = new NativeTableHeaderCell(line.kind().label());
            kind.getElement().setAttribute("scope", "row");
            row.add(kind, new NativeTableCell(Integer.toString(line.count())),
                    new NativeTableCell(time(line.first(), zone)), new NativeTableCell(time(line.last(), zone)));
            body.add(row);
        }
        table.add(head, body);
        return table;
    }

    private static String time(@Nullable Instant at, ZoneId zone) {
        return at == null ? "–" : HelpTexts.time(at, zone);
    }
}
