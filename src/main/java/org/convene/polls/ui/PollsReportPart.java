package org.convene.polls.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.convene.polls.Poll;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The session report's polls: each opened poll's results, and all of them as CSV. */
@StyleSheet("styles/polls.css")
class PollsReportPart extends Section {

    /** Writes the CSV to the download. */
    @FunctionalInterface
    interface CsvSource {
        void write(Writer out) throws java.io.IOException;
    }

    PollsReportPart(long sessionId, List<Poll> polls, CsvSource csv) {
        setId("report-polls");
        addClassName("cv-polls");
        add(new H2("Polls"));
        if (polls.isEmpty()) {
            add(new Paragraph("No polls were opened in this session."));
            return;
        }
        for (Poll poll : polls) {
            Div item = new Div(new H3(poll.question()), new Paragraph((poll.isOpen() ? "Still open" : "Closed")
                    + (poll.anonymous() ? ". Anonymous: who chose what was never shown and is not kept." : ".")),
                    new PollResultsView(poll));
            item.setId("report-poll-" + poll.id());
            item.addClassName("cv-poll-item");
            add(item);
        }
        String fileName = "session-" + sessionId + "-polls.csv";
        Anchor download = new Anchor((DownloadHandler) event -> {
            event.setFileName(fileName);
            event.setContentType("text/csv;charset=UTF-8");
            try (Writer out = new BufferedWriter(new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8))) {
                csv.write(out);
            }
        }, "Poll results (CSV)");
        download.setId("report-polls-csv");
        add(new Paragraph(download));
    }
}
