package org.convene.attendance.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A CSV download link. The file is written straight to the response as the rows are read, so nothing is held in
 * memory; for large tables a progress bar and a status line (a live region present from the start) say how far
 * it has got, updated through the UI (push) at most every half second.
 */
class CsvDownload extends Div {

    /** Writes the table; reports progress as rows written so far and the total (or -1 when unknown). */
    @FunctionalInterface
    interface Source {
        long write(Writer out, ProgressSink progress) throws IOException;
    }

    @FunctionalInterface
    interface ProgressSink {
        void rowsWritten(long done, long total);
    }

    private static final long UPDATE_EVERY_NANOS = Duration.ofMillis(500).toNanos();

    private final Anchor link;
    private final ProgressBar bar = new ProgressBar();
    private final Div status = new Div();

    CsvDownload(String text, String fileName, Source source) {
        addClassName("cv-download");
        status.getElement().setAttribute("role", "status");
        status.addClassName("cv-download-status");
        bar.setVisible(false);
        bar.setMin(0);
        bar.setMax(1);
        link = new Anchor(handler(fileName, source), text);
        link.addClassName("cv-download-link");
        String statusId = "status-" + fileName.replaceAll("[^a-z0-9-]", "-");
        status.setId(statusId);
        bar.getElement().setAttribute("aria-label", "Progress of " + text);
        add(link, bar, status);
    }

    Anchor link() {
        return link;
    }

    String statusText() {
        return status.getText();
    }

    private DownloadHandler handler(String fileName, Source source) {
        return (DownloadEvent event) -> {
            event.setFileName(fileName);
            event.setContentType("text/csv;charset=UTF-8");
            UI ui = event.getUI();
            long[] lastUpdate = {0};
            show(ui, "Preparing " + fileName + "…", -1);
            try (Writer out = new BufferedWriter(new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8),
                    64 * 1024)) {
                long rows = source.write(out, (done, total) -> {
                    long now = System.nanoTime();
                    if (now - lastUpdate[0] >= UPDATE_EVERY_NANOS) {
                        lastUpdate[0] = now;
                        show(ui, "Writing " + fileName + ": " + ReportTexts.count(done)
                                + (total > 0 ? " of " + ReportTexts.count(total) : "") + " rows…",
                                total > 0 ? (double) done / total : -1);
                    }
                });
                show(ui, "Downloaded " + fileName + " (" + ReportTexts.count(rows) + (rows == 1 ? " row)." : " rows)."),
                        -2);
            } catch (IOException | RuntimeException e) {
                show(ui, "The download of " + fileName + " did not finish. Please try again.", -2);
                throw e;
            }
        };
    }

    /** @param fraction 0..1, -1 for "working, size unknown", -2 to hide the bar */
    private void show(UI ui, String text, double fraction) {
        if (ui == null) {
            return;
        }
        ui.access(() -> {
            status.setText(text);
            bar.setVisible(fraction > -2);
            bar.setIndeterminate(fraction == -1);
            if (fraction >= 0) {
                bar.setValue(Math.min(1, fraction));
            }
        });
    }
}
