package org.convene.polls.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCaption;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.convene.polls.Poll;
import org.convene.polls.PollOption;

/**
 * A poll's results three ways: in words ("12 of 30 chose Yes (40%)"), as bars, and as a table. The bars repeat
 * the words for the eye and are hidden from screen readers; each bar carries its answer and percentage as text,
 * so nothing is told by colour or length alone.
 */
class PollResultsView extends Div {

    PollResultsView(Poll poll) {
        addClassName("cv-poll-results");
        add(new Paragraph(poll.answeredInWords() + (poll.multiple() ? ". People could choose more than one answer." : ".")));
        if (poll.answered() == 0) {
            return;
        }
        UnorderedList words = new UnorderedList();
        words.addClassName("cv-poll-sentences");
        poll.options().forEach(option -> words.add(new ListItem(poll.sentence(option))));
        add(words, bars(poll), table(poll));
    }

    private static Div bars(Poll poll) {
        Div chart = new Div();
        chart.addClassName("cv-poll-chart");
        chart.getElement().setAttribute("aria-hidden", "true");
        for (PollOption option : poll.options()) {
            Div row = new Div();
            row.addClassName("cv-poll-bar-row");
            Span label = new Span(option.label() + ": " + poll.percent(option) + "%");
            label.addClassName("cv-poll-bar-label");
            Div track = new Div();
            track.addClassName("cv-poll-bar-track");
            Div bar = new Div();
            bar.addClassName("cv-poll-bar");
            bar.getStyle().set("width", poll.percent(option) + "%");
            track.add(bar);
            row.add(label, track);
            chart.add(row);
        }
        return chart;
    }

    private static Details table(Poll poll) {
        NativeTable table = new NativeTable();
        table.addClassName("cv-poll-table");
        NativeTableCaption caption = new NativeTableCaption();
        caption.setText("Answers to: " + poll.question());
        table.add(caption);
        NativeTableHeader head = new NativeTableHeader();
        NativeTableRow headRow = new NativeTableRow();
        for (String heading : new String[]{"Answer", "People who chose it", "Percent of those who answered"}) {
            NativeTableHeaderCell cell = new NativeTableHeaderCell(heading);
            cell.getElement().setAttribute("scope", "col");
            headRow.add(cell);
        }
        head.add(headRow);
        NativeTableBody body = new NativeTableBody();
        for (PollOption option : poll.options()) {
            NativeTableRow row = new NativeTableRow();
            NativeTableHeaderCell answer = new NativeTableHeaderCell(option.label());
            answer.getElement().setAttribute("scope", "row");
            row.add(answer, new NativeTableCell(Integer.toString(option.count())),
                    new NativeTableCell(poll.percent(option) + "%"));
            body.add(row);
        }
        table.add(head, body);
        Details details = new Details("Show the numbers as a table", table);
        details.addClassName("cv-poll-table-details");
        return details;
    }
}
