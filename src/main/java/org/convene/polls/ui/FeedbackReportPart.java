package org.convene.polls.ui;

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
import org.convene.polls.ComeAgain;
import org.convene.polls.FeedbackQuestions;
import org.convene.polls.FeedbackSummary;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The session report's feedback: how many gave it, the count of each answer, what people wrote, and a CSV. */
class FeedbackReportPart extends Section {

    FeedbackReportPart(FeedbackSummary summary, PollsReportPart.CsvSource csv) {
        this(summary, csv, "Feedback", "session-" + summary.sessionId() + "-feedback.csv");
    }

    FeedbackReportPart(FeedbackSummary summary, PollsReportPart.CsvSource csv, String heading, String fileName) {
        setId("report-feedback");
        addClassName("cv-polls");
        add(new H2(heading));
        if (summary.given() == 0) {
            add(new Paragraph("Nobody has given feedback yet."));
            return;
        }
        add(new Paragraph(people(summary.given()) + " gave feedback"
                + (summary.byPhone() == 0 ? "." : ", " + summary.byPhone() + " of them by phone.")
                + " Nobody is named."));
        Map<String, Integer> useful = new LinkedHashMap<>();
        Map<String, Integer> accessible = new LinkedHashMap<>();
        for (int score : FeedbackQuestions.scores()) {
            useful.put(FeedbackQuestions.useful(score), summary.useful(score));
            accessible.put(FeedbackQuestions.accessible(score), summary.accessible(score));
        }
        Map<String, Integer> again = new LinkedHashMap<>();
        for (ComeAgain answer : ComeAgain.values()) {
            again.put(answer.label(), summary.comeAgain(answer));
        }
        add(table("feedback-useful", FeedbackQuestions.USEFUL, useful),
                table("feedback-accessible", FeedbackQuestions.ACCESSIBLE, accessible),
                table("feedback-again", FeedbackQuestions.COME_AGAIN, again));
        add(new H3("What people wrote"));
        if (summary.comments().isEmpty()) {
            add(new Paragraph("Nobody wrote anything else."));
        } else {
            UnorderedList comments = new UnorderedList();
            comments.setId("feedback-comments");
            summary.comments().forEach(c -> comments.add(new ListItem(c)));
            add(comments);
        }
        Anchor download = new Anchor((DownloadHandler) event -> {
            event.setFileName(fileName);
            event.setContentType("text/csv;charset=UTF-8");
            try (Writer out = new BufferedWriter(new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8))) {
                csv.write(out);
            }
        }, "Feedback (CSV)");
        download.setId("report-feedback-csv");
        add(new Paragraph(download));
    }

    private static String people(int n) {
        return n == 1 ? "1 person" : n + " people";
    }

    private static NativeTable table(String id, String question, Map<String, Integer> counts) {
        NativeTable table = new NativeTable();
        table.setId(id);
        table.addClassName("cv-poll-table");
        NativeTableCaption caption = new NativeTableCaption();
        caption.setText(question);
        NativeTableHeader head = new NativeTableHeader();
        NativeTableRow headRow = new NativeTableRow();
        for (String heading : new String[]{"Answer", "People"}) {
            NativeTableHeaderCell cell = new NativeTableHeaderCell(heading);
            cell.getElement().setAttribute("scope", "col");
            headRow.add(cell);
        }
        head.add(headRow);
        NativeTableBody body = new NativeTableBody();
        counts.forEach((answer, count) -> {
            NativeTableRow row = new NativeTableRow();
            NativeTableHeaderCell cell = new NativeTableHeaderCell(answer);
            cell.getElement().setAttribute("scope", "row");
            row.add(cell, new NativeTableCell(Integer.toString(count)));
            body.add(row);
        });
        table.add(caption, head, body);
        return table;
    }
}
