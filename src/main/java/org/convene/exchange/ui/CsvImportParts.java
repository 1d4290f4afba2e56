package org.convene.exchange.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.dom.Element;
import org.convene.exchange.CsvImportProblem;
import org.convene.exchange.CsvImportRow;

import java.time.ZoneId;
import java.util.List;

/** The import page's fixed and preview parts: the column help, the table of problems and the grid of rows. */
final class CsvImportParts {

    /** More problems than this are counted, not listed: a wrong file can have thousands. */
    static final int PROBLEMS_SHOWN = 200;

    private CsvImportParts() {
    }

    static Div problemsTable(List<CsvImportProblem> problems) {
        Div wrapper = new Div();
        wrapper.setId("import-problems");
        wrapper.addClassName("cv-import-problems");
        Element table = new Element("table");
        table.appendChild(new Element("caption").setText("Problems to fix, by line of your file"));
        Element head = new Element("tr");
        for (String header : List.of("Line", "Column", "Problem")) {
            head.appendChild(new Element("th").setAttribute("scope", "col").setText(header));
        }
        Element body = new Element("tbody");
        problems.stream().limit(PROBLEMS_SHOWN).forEach(p -> body.appendChild(new Element("tr").appendChild(
                new Element("th").setAttribute("scope", "row").setText(Integer.toString(p.line())),
                new Element("td").setText(p.column()),
                new Element("td").setText(p.reason()))));
        table.appendChild(new Element("thead").appendChild(head), body);
        wrapper.add(new H3("Problems to fix"));
        wrapper.getElement().appendChild(table);
        if (problems.size() > PROBLEMS_SHOWN) {
            wrapper.add(new Paragraph("The first " + PROBLEMS_SHOWN + " of " + CsvImportTexts.count(problems.size())
                    + " problems are shown. Fix these and upload the file again to see the rest."));
        }
        return wrapper;
    }

    static Grid<CsvImportRow> rowsGrid(List<CsvImportRow> rows, ZoneId zone) {
        Grid<CsvImportRow> grid = new Grid<>();
        grid.setId("import-rows");
        grid.setAriaLabel("Sessions in your file");
        grid.addClassName("cv-import-rows");
        grid.setAllRowsVisible(rows.size() <= 10);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        // Base widths that fit the page (60rem of its 72rem); titles, dates and names wrap rather than push the
        // Host column out of sight, and the extra width goes mostly to the title.
        grid.addColumn(CsvImportRow::line).setHeader("Line").setKey("line").setWidth("4.5rem").setFlexGrow(0);
        grid.addColumn(CsvImportTexts::whatHappens).setHeader("What will happen").setKey("what")
                .setWidth("9rem").setFlexGrow(1);
        grid.addColumn(r -> r.reference() == null ? "" : r.reference()).setHeader("Reference").setKey("reference")
                .setWidth("7rem").setFlexGrow(0);
        grid.addColumn(r -> r.draft().title()).setHeader("Title").setKey("title").setRowHeader(true)
                .setWidth("11rem").setFlexGrow(2);
        grid.addColumn(r -> CsvImportTexts.when(r, zone)).setHeader("When").setKey("when").setWidth("12.5rem").setFlexGrow(1);
        grid.addColumn(r -> r.trackName() == null ? "" : r.trackName() + (r.newTrack() ? " (new track)" : ""))
                .setHeader("Track").setKey("track").setWidth("8rem").setFlexGrow(1);
        grid.addColumn(r -> r.hostName() == null ? ""
                        : r.hostName() + (r.newHost() ? " (new host organisation)" : ""))
                .setHeader("Host").setKey("host").setWidth("8rem").setFlexGrow(1);
        // the preview is already in memory; the grid still asks for it page by page as it scrolls
        grid.setItems(query -> rows.stream().skip(query.getOffset()).limit(query.getLimit()), query -> rows.size());
        return grid;
    }

    static Paragraph lead(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("cv-lead");
        return p;
    }

    static Details columnHelp() {
        UnorderedList list = new UnorderedList();
        for (String item : List.of(
                "reference (needed): your own code for the session, like CPW-014, different on every row",
                "title (needed), and description (optional)",
                "format (needed): Webinar, Workshop, Talk, Panel discussion, Social, Performance or Drop-in",
                "date, start and end (needed): like 2026-07-08, 10:30 and 11:30, in the conference's time zone",
                "track (optional): a track that does not exist yet is added when you import",
                "host (optional for organisers, needed for coordinators): the organisation running the session",
                "joining link (optional): starts with https://",
                "places (optional): how many people can join",
                "bsl, captions, easy read, audio or phone, breaks (optional): yes or no",
                "access notes (optional)",
                "facilitator emails (optional): email addresses of Convene accounts, separated by ;")) {
            list.add(new ListItem(item));
        }
        Details details = new Details("What goes in each column", list);
        details.setId("import-columns");
        return details;
    }
}
